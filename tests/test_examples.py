"""The example datasets under ``examples/``: valid, linked, and quoted verbatim.

The seed articles the examples encode live beside the repository, in
``../shared/seeds`` (they are not part of the project). Tests that need them
are skipped when that folder is absent, unless the environment variable ``CI``
is set, in which case they fail: CI must check every quote.
"""

import json
import os
import re
import subprocess
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import TypeAdapter

from dipos import codelists, validate
from dipos.cli import main
from dipos.limits import QUOTE_MAX_LENGTH
from dipos.model import Dataset, Record
from examples_support.loading import (
    Document,
    LoadedRecord,
    dipos_files,
    load_records,
    read_documents,
)
from examples_support.quotes import evidence_problems, read_text, sha256_of
from examples_support.references import references

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = REPO_ROOT / "examples"
SEED_EXAMPLES = EXAMPLES / "seeds"
ILLUSTRATIVE_TEXTS = EXAMPLES / "illustrative" / "texts"
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
SCHEMA_DIR = REPO_ROOT / "schema"

MAX_QUOTE_CHARS = QUOTE_MAX_LENGTH
"""Quotes are the clause that carries a position, never a passage."""

COPIED_WINDOW = 200
"""A run of this many characters of an article found in the project counts as copying it."""

MAX_SCANNED_BYTES = 5_000_000
"""Larger files (generated benchmark data) are not scanned for copied article text."""

FILES = dipos_files(EXAMPLES)
DOCUMENTS = [document for path in FILES for document in read_documents(path)]
RECORDS = load_records(EXAMPLES)
BY_ID = {record.data["id"]: record for record in RECORDS}
RECORD_ADAPTER: TypeAdapter[Any] = TypeAdapter(Record)


def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def _document_id(document: Document) -> str:
    line = f":{document.line}" if document.line is not None else ""
    return f"{_relative(document.path)}{line}"


@cache
def _validator(schema_name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _seeds() -> list[Path]:
    if SEEDS_DIR.is_dir():
        return sorted(SEEDS_DIR.glob("*.txt"))
    if os.environ.get("CI"):
        pytest.fail(f"seed articles not found at {SEEDS_DIR}: CI must check every quote")
    pytest.skip(f"seed articles not found at {SEEDS_DIR}")


def _source_texts() -> dict[str, Path]:
    """Source id -> its text file: the seed articles and the invented illustrative text."""
    texts = {path.stem: path for path in _seeds()}
    texts.update({path.stem: path for path in ILLUSTRATIVE_TEXTS.glob("*.txt")})
    return texts


def _positions() -> list[LoadedRecord]:
    return [record for record in RECORDS if record.data["type"] == "position"]


def test_examples_exist() -> None:
    assert len(FILES) >= 9
    assert {path.suffix for path in FILES} >= {".json", ".jsonl", ".yaml"}
    assert len(_positions()) >= 60


@pytest.mark.parametrize("document", DOCUMENTS, ids=_document_id)
def test_document_is_valid_under_the_models(document: Document) -> None:
    if document.data.get("type") == "dataset" and document.path.suffix != ".jsonl":
        Dataset.model_validate(document.data)
    else:
        RECORD_ADAPTER.validate_python(document.data)


@pytest.mark.parametrize("document", DOCUMENTS, ids=_document_id)
def test_document_is_valid_under_the_committed_schema(document: Document) -> None:
    if document.data.get("type") == "dataset" and document.path.suffix != ".jsonl":
        validator = _validator("dataset.schema.json")
    else:
        validator = _validator("record.schema.json")
    errors = [
        f"{error.json_path}: {error.message}" for error in validator.iter_errors(document.data)
    ]
    assert errors == []


def test_jsonl_files_start_with_a_dataset_header() -> None:
    for path in FILES:
        if path.suffix == ".jsonl":
            first = next(read_documents(path))
            assert first.data["type"] == "dataset", path


def test_ids_are_unique_across_all_examples() -> None:
    counts = Counter(record.data["id"] for record in RECORDS)
    assert [identifier for identifier, count in counts.items() if count > 1] == []


def test_every_reference_resolves_to_a_record_of_the_right_type() -> None:
    problems = []
    for record in RECORDS:
        for reference in references(record.data):
            target = BY_ID.get(reference.target)
            if target is None:
                problems.append(f"{record.where}{reference.path}: no record {reference.target!r}")
            elif target.data["type"] not in reference.allowed_types:
                problems.append(
                    f"{record.where}{reference.path}: {reference.target!r} is a "
                    f"{target.data['type']}, expected {sorted(reference.allowed_types)}"
                )
    assert problems == []


def test_no_position_links_to_itself() -> None:
    for position in _positions():
        targets = {link["target"] for link in position.data.get("links", [])}
        targets |= set(position.data.get("reaffirms", []))
        targets |= {response["target"] for response in position.data.get("responds_to", [])}
        assert position.data["id"] not in targets, position.where


def test_topics_are_in_the_codelist() -> None:
    known = {code.code for code in codelists.load("topic").codes}
    used = {topic for position in _positions() for topic in position.data["topics"]}
    assert used - known == set()


def test_quotes_are_short() -> None:
    long_quotes = [
        (position.data["id"], len(evidence["quote"]))
        for position in _positions()
        for evidence in position.data["evidence"]
        if len(evidence["quote"]) > MAX_QUOTE_CHARS
    ]
    assert long_quotes == []


def test_every_evidence_has_offsets_and_context() -> None:
    for position in _positions():
        for evidence in position.data["evidence"]:
            assert {"start", "end", "prefix", "suffix"} <= evidence.keys(), position.where


def test_each_seed_article_has_its_example_file_and_source() -> None:
    for seed in _seeds():
        example = SEED_EXAMPLES / f"{seed.stem}.json"
        assert example.is_file(), f"no example dataset for seed {seed.name}"
        source = BY_ID.get(seed.stem)
        assert source is not None, f"no source record with id {seed.stem!r}"
        assert source.data["type"] == "source"
        assert source.document.path == example
        assert source.data["text_sha256"] == sha256_of(seed)


def test_seed_positions_cite_their_own_article() -> None:
    for position in _positions():
        path = position.document.path
        if path.parent == SEED_EXAMPLES and path.stem != "common":
            sources = {evidence["source"] for evidence in position.data["evidence"]}
            assert sources == {path.stem}, position.where


def test_every_source_has_a_title_or_a_description() -> None:
    """A document without a headline has no `title`; readers then need its `description`."""
    for record in RECORDS:
        if record.data["type"] == "source":
            assert record.data.get("title") or record.data.get("description"), record.where


def test_evidence_chains_say_what_the_source_chain_does_not() -> None:
    """A piece of evidence carries `reported_via` only where its route differs from the source's."""
    sources = {r.data["id"]: r.data for r in RECORDS if r.data["type"] == "source"}
    for position in _positions():
        for evidence in position.data["evidence"]:
            chain = evidence.get("reported_via")
            if chain is not None:
                assert chain != sources[evidence["source"]].get("reported_via"), position.where


def test_every_source_with_a_text_records_its_digest() -> None:
    texts = _source_texts()
    for record in RECORDS:
        if record.data["type"] == "source" and record.data["id"] in texts:
            expected = sha256_of(texts[record.data["id"]])
            assert record.data.get("text_sha256") == expected, record.where


def test_every_quote_is_verbatim_at_its_offsets() -> None:
    texts = {source_id: read_text(path) for source_id, path in _source_texts().items()}
    problems = []
    for position in _positions():
        for index, evidence in enumerate(position.data["evidence"]):
            text = texts.get(evidence["source"])
            if text is None:
                problems.append(f"{position.where}/evidence/{index}: no text for the source")
                continue
            problems += [
                f"{position.where}/evidence/{index}: {problem}"
                for problem in evidence_problems(text, evidence)
            ]
    assert problems == []


def _project_files() -> list[Path]:
    """The files git would see in the project: tracked, or untracked and not ignored."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=False,
    )
    if listing.returncode != 0:
        pytest.skip("not a git working tree")
    names = [name for name in listing.stdout.decode("utf-8").split("\0") if name]
    return [REPO_ROOT / name for name in names if (REPO_ROOT / name).is_file()]


def test_article_texts_stay_out_of_the_project() -> None:
    windows = set()
    for seed in _seeds():
        text = read_text(seed)
        last = max(1, len(text) - COPIED_WINDOW)
        windows |= {text[at : at + COPIED_WINDOW] for at in range(0, last, COPIED_WINDOW // 4)}
    copied = []
    for path in _project_files():
        if path.stat().st_size > MAX_SCANNED_BYTES:
            continue
        try:
            content = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        if any(window in content for window in windows):
            copied.append(_relative(path))
    assert copied == []


def test_illustrative_datasets_say_they_are_invented() -> None:
    for document in DOCUMENTS:
        if "illustrative" in document.path.parts and document.data.get("type") == "dataset":
            assert "Invented for illustration" in document.data["description"], document.where


@pytest.mark.parametrize("texts", ["seeds", "illustrative"])
def test_dipos_validate_accepts_the_examples_and_checks_every_quote(texts: str) -> None:
    """`dipos validate` finds no problem and checks the quotes of every source it has text for."""
    texts_dir = _seeds()[0].parent if texts == "seeds" else ILLUSTRATIVE_TEXTS
    report = validate([EXAMPLES], sources=texts_dir)
    assert [finding for finding in report.findings if finding.severity != "info"] == []
    unchecked = {
        finding.record_id for finding in report.findings if finding.rule == "source-text-missing"
    }
    checked_here = {path.stem for path in texts_dir.glob("*.txt")}
    assert unchecked & checked_here == set()
    assert (
        main(["validate", "--strict", "--quiet", str(EXAMPLES), "--sources", str(texts_dir)]) == 0
    )


def test_coding_guide_names_only_existing_records() -> None:
    guide = (REPO_ROOT / "docs" / "coding-guide.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:pos|actor|terr|prop|ill)-[a-z0-9-]+)`", guide))
    assert named, "the coding guide should cite example records by id"
    assert named - BY_ID.keys() == set()
