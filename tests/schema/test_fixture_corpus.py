"""The differential fixture corpus: every file under ``tests/fixtures/schema/`` gets
the same verdict from python-jsonschema and jsonschema-rs (on the committed schema)
and from the pydantic models: valid files are accepted by all, invalid files
rejected by all, and for the reason ``invalid/EXPECTED.yaml`` gives."""

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
import yaml

from dipos.model import Dataset
from schema_errors import json_pointer, walk_errors

from ._support import (
    EXPECTED_FILE,
    INVALID_DIR,
    RECORD_ADAPTER,
    VALID_DIR,
    committed_schema,
    fixture_files,
    pydantic_accepts_json,
    python_jsonschema_errors,
    schema_name_for,
    verdicts,
)

VALID_FILES = fixture_files(VALID_DIR)
INVALID_FILES = fixture_files(INVALID_DIR)
RECORD_TYPES = ("actor", "territory", "source", "proposal", "position", "dataset")


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _expected() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))
    return loaded


def test_corpus_is_large_enough() -> None:
    assert len(VALID_FILES) >= 25
    assert len(INVALID_FILES) >= 25


def test_corpus_covers_every_record_type_standalone_and_in_a_dataset() -> None:
    standalone = {_load(path)["type"] for path in VALID_FILES}
    assert standalone >= set(RECORD_TYPES)
    member_lists = set()
    for path in VALID_FILES:
        document = _load(path)
        if document["type"] == "dataset":
            member_lists |= {key for key, value in document.items() if value and key.endswith("s")}
    assert member_lists >= {"actors", "territories", "sources", "proposals", "positions"}


def test_file_names_follow_the_convention() -> None:
    """``<what is tested>--<case>.json``: lower case words joined by hyphens."""
    for path in VALID_FILES + INVALID_FILES:
        subject, _, case = path.stem.partition("--")
        assert subject, path.name
        assert case, path.name
        assert path.stem == path.stem.lower(), path.name
        assert " " not in path.stem, path.name


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_valid_fixture_is_accepted_by_every_validator(path: Path) -> None:
    document = _load(path)
    assert pydantic_accepts_json(path.read_bytes(), document)
    result = verdicts(document)
    assert all(result.values()), result


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_valid_fixture_is_accepted_with_formats_asserted(path: Path) -> None:
    """Validators that assert ``format`` (optional in 2020-12) accept the valid files too."""
    document = _load(path)
    schema = committed_schema(schema_name_for(document))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    assert jsonschema.Draft202012Validator(schema, format_checker=checker).is_valid(document)
    assert jsonschema_rs.validator_for(schema, validate_formats=True).is_valid(document)


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_invalid_fixture_is_rejected_by_every_validator(path: Path) -> None:
    document = _load(path)
    assert not pydantic_accepts_json(path.read_bytes(), document)
    result = verdicts(document)
    assert not any(result.values()), result


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: p.name)
def test_invalid_fixture_fails_for_the_expected_reason(path: Path) -> None:
    expected = _expected()[path.name]
    errors = list(walk_errors(python_jsonschema_errors(_load(path))))
    reported = sorted({(error.validator, json_pointer(error)) for error in errors})
    assert (expected["keyword"], expected["path"]) in reported, (
        f"{path.name}: expected {expected}, python-jsonschema reported {reported}"
    )


def test_every_invalid_fixture_has_exactly_one_expectation() -> None:
    expected = _expected()
    files = {path.name for path in INVALID_FILES}
    assert sorted(files - expected.keys()) == [], "invalid files without an EXPECTED.yaml entry"
    assert sorted(expected.keys() - files) == [], "EXPECTED.yaml entries without a file"
    for name, entry in expected.items():
        assert set(entry) == {"keyword", "path"}, name
        assert entry["path"] == "" or entry["path"].startswith("/"), name


MEMBER_LISTS = {
    "actor": "actors",
    "territory": "territories",
    "source": "sources",
    "proposal": "proposals",
    "position": "positions",
}


def _files_of_type(paths: list[Path], types: Collection[str]) -> list[Path]:
    return [path for path in paths if _load(path).get("type") in types]


def _as_dataset_member(path: Path) -> Any:
    document = _load(path)
    return {"type": "dataset", "dipos_version": "0.2", MEMBER_LISTS[document["type"]]: [document]}


@pytest.mark.parametrize("path", _files_of_type(VALID_FILES, MEMBER_LISTS), ids=lambda p: p.name)
def test_valid_record_is_also_valid_as_a_dataset_member(path: Path) -> None:
    result = verdicts(_as_dataset_member(path))
    assert all(result.values()), result


@pytest.mark.parametrize("path", _files_of_type(INVALID_FILES, MEMBER_LISTS), ids=lambda p: p.name)
def test_invalid_record_is_also_invalid_as_a_dataset_member(path: Path) -> None:
    result = verdicts(_as_dataset_member(path))
    assert not any(result.values()), result


@pytest.mark.parametrize("path", _files_of_type(VALID_FILES, ["dataset"]), ids=lambda p: p.name)
def test_valid_dataset_is_also_a_valid_record(path: Path) -> None:
    """A dataset is a record too: a JSON Lines file may hold a ``dataset`` line."""
    document = _load(path)
    schema = committed_schema("record.schema.json")
    assert jsonschema.Draft202012Validator(schema).is_valid(document)
    assert jsonschema_rs.validator_for(schema).is_valid(document)
    assert RECORD_ADAPTER.validate_json(path.read_bytes()) == Dataset.model_validate(document)
