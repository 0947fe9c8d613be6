"""``dipos anchor`` over files: selectors filled and repaired, files kept as written."""

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from dipos.cli import main

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"

TEXT = (
    "Statement of the Ministry, 6 March 2031.\n"
    "\u201cWe accept the plan as a basis.\u201d The minister\u2019s words were clear:\n"
    "there will be no withdrawal \u2014 none. We accept the plan as a basis.\n"
)
SHA = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "src-1.txt").write_text(TEXT, encoding="utf-8", newline="")
    return folder


def dataset(*evidence: dict[str, object], sha: str | None = None) -> dict[str, object]:
    source: dict[str, object] = {"type": "source", "id": "src-1", "kind": "official_statement"}
    if sha:
        source["text_sha256"] = sha
    return {
        "type": "dataset",
        "dipos_version": "0.2",
        "sources": [source],
        "positions": [
            {
                "type": "position",
                "id": f"pos-{number}",
                "evidence": [item],
            }
            for number, item in enumerate(evidence)
        ],
    }


def evidence(quote: str, **more: object) -> dict[str, object]:
    return {"source": "src-1", "quote": quote, "quote_kind": "direct", **more}


def anchor(*args: str | Path) -> int:
    return main(["anchor", *map(str, args)])


def test_json_selectors_filled_quote_corrected_layout_kept(
    tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.json"
    data.write_text(
        json.dumps(dataset(evidence("there will be no withdrawal - none")), indent=4) + "\n"
    )
    assert anchor(data, "--sources", texts, "--check") == 1
    assert "text_sha256" not in data.read_text()  # --check changes nothing
    assert anchor(data, "--sources", texts) == 0
    out = capsys.readouterr().out
    assert "quote corrected to the source's characters" in out
    written = data.read_text()
    assert written.startswith('{\n    "type": "dataset",')  # its indentation
    got = json.loads(written)
    item = got["positions"][0]["evidence"][0]
    assert item["quote"] == "there will be no withdrawal \u2014 none"
    start, end = item["start"], item["end"]
    assert TEXT[start:end] == item["quote"]
    assert item["prefix"] == TEXT[start - 32 : start]
    assert item["suffix"] == TEXT[end : end + 32]
    assert list(item) == ["source", "quote", "quote_kind", "prefix", "suffix", "start", "end"]
    assert got["sources"][0]["text_sha256"] == SHA
    assert written == json.dumps(got, indent=4, ensure_ascii=False) + "\n"
    assert anchor(data, "--sources", texts, "--check") == 0


def test_json_layout_of_the_author_is_kept_outside_the_changes(tmp_path: Path, texts: Path) -> None:
    data = tmp_path / "data.json"
    value = dataset(evidence("there will be no withdrawal"), sha=SHA)
    text = json.dumps(value, indent=2, ensure_ascii=False)
    # A hand-made layout json.dumps would not write: a list on one line.
    text = text.replace('"sources": [\n', '"sources": [ \n')
    data.write_text(text)
    assert anchor(data, "--sources", texts) == 0
    written = data.read_text()
    assert '"sources": [ \n' in written
    assert '"start": ' in written
    assert not written.endswith("\n")


def test_yaml_comments_and_layout_are_kept(tmp_path: Path, texts: Path) -> None:
    data = tmp_path / "data.yaml"
    data.write_text(
        "# A comment at the top\n"
        "type: dataset\n"
        "dipos_version: '0.2'  # quoted on purpose\n"
        "sources:\n"
        "  - type: source\n"
        "    id: src-1\n"
        "    kind: official_statement\n"
        "positions:\n"
        "  - type: position\n"
        "    id: pos-1\n"
        "    summary: a long summary folded by hand at a column that\n"
        "      ruamel would not choose\n"
        "    evidence:\n"
        "      # the minister, in the second paragraph\n"
        "      - source: src-1\n"
        "        quote: 'The minister's words were clear: there will be'\n"
        "        quote_kind: direct\n"
        "        note: kept after the selectors\n",
        encoding="utf-8",
    )
    # YAML needs '' inside single quotes: write the quote that way.
    data.write_text(data.read_text().replace("minister's", "minister''s"))
    before = data.read_text()
    assert anchor(data, "--sources", texts) == 0
    after = data.read_text()
    for line in before.splitlines():
        if "quote:" not in line:
            assert line in after.splitlines()
    assert "quote: 'The minister\u2019s words were clear:\n" not in after
    import yaml

    item = yaml.safe_load(after)["positions"][0]["evidence"][0]
    assert item["quote"] == "The minister\u2019s words were clear:\nthere will be"
    assert TEXT[item["start"] : item["end"]] == item["quote"]
    assert list(item)[-1] == "note"
    assert anchor(data, "--sources", texts, "--check") == 0


def test_jsonl_untouched_lines_are_byte_identical(tmp_path: Path, texts: Path) -> None:
    data = tmp_path / "data.jsonl"
    lines = [
        '{"type":"dataset","dipos_version":"0.2"}\r\n',
        '{"type": "source", "id": "src-1", "kind": "official_statement", '
        f'"text_sha256": "{SHA}"}}\r\n',
        "\r\n",
        json.dumps({"type": "position", "id": "p1", "evidence": [evidence("no withdrawal")]})
        + "\r\n",
        '{"type":  "actor", "id": "a1"}\r\n',
    ]
    data.write_bytes("".join(lines).encode())
    assert anchor(data, "--sources", texts) == 0
    written = data.read_bytes().decode().splitlines(keepends=True)
    assert written[:3] == lines[:3]
    assert written[4] == lines[4]
    assert written[3] != lines[3]
    assert written[3].endswith("}\r\n")
    assert json.loads(written[3])["evidence"][0]["start"] == TEXT.index("no withdrawal")


def test_an_ambiguous_quote_asks_for_a_prefix_and_is_left_alone(
    tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.json"
    data.write_text(json.dumps(dataset(evidence("We accept the plan as a basis."), sha=SHA)))
    before = data.read_text()
    assert anchor(data, "--sources", texts) == 1
    out = capsys.readouterr().out
    assert "quote-ambiguous" in out
    assert "occurs 2 times" in out
    assert "add a `prefix`" in out
    assert data.read_text() == before


@pytest.mark.parametrize(
    ("hint", "expected_start"),
    [
        ({"prefix": "none. "}, TEXT.rindex("We accept")),
        ({"prefix": "\u201c"}, TEXT.index("We accept")),
        ({"suffix": "\u201d The"}, TEXT.index("We accept")),
        ({"start": TEXT.rindex("We accept")}, TEXT.rindex("We accept")),
    ],
)
def test_an_ambiguous_quote_is_anchored_where_its_hints_point(
    tmp_path: Path,
    texts: Path,
    hint: dict[str, object],
    expected_start: int,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data.json"
    data.write_text(json.dumps(dataset(evidence("We accept the plan as a basis.", **hint))))
    assert anchor(data, "--sources", texts) == 0
    assert "chose start" in capsys.readouterr().out
    item = json.loads(data.read_text())["positions"][0]["evidence"][0]
    assert item["start"] == expected_start


def test_a_quote_not_found_is_reported_and_the_rest_anchored(
    tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.json"
    data.write_text(
        json.dumps(dataset(evidence("We reject the plan."), evidence("no withdrawal"), sha=SHA))
    )
    assert anchor(data, "--sources", texts) == 1
    out = capsys.readouterr().out
    assert re.search(r"quote-not-found: \$\.positions\[0\]\.evidence\[0\] \(pos-0\)", out)
    assert json.loads(data.read_text())["positions"][1]["evidence"][0]["start"] > 0


def test_a_stale_selector_is_repaired_and_fails_the_check(tmp_path: Path, texts: Path) -> None:
    start = TEXT.index("no withdrawal")
    stale = evidence(
        "no withdrawal", start=start + 1, end=start + 14, prefix="wrong", suffix=" \u2014"
    )
    data = tmp_path / "data.json"
    data.write_text(json.dumps(dataset(stale, sha=SHA), indent=2))
    assert anchor(data, "--sources", texts, "--check") == 1
    assert anchor(data, "--sources", texts) == 0
    item = json.loads(data.read_text())["positions"][0]["evidence"][0]
    assert (item["start"], item["end"], item["suffix"]) == (start, start + 13, " \u2014")
    assert item["prefix"] == TEXT[start - 32 : start]


def test_a_source_without_text_fails(
    tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = dataset(evidence("no withdrawal"))
    value["sources"][0]["id"] = "src-2"  # type: ignore[index]
    value["positions"][0]["evidence"][0]["source"] = "src-2"  # type: ignore[index]
    data = tmp_path / "data.json"
    data.write_text(json.dumps(value))
    assert anchor(data, "--sources", texts, "--check") == 1
    assert "source-text-missing" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.json", '{"type": "dataset", '),
        ("bad.yaml", "type: [dataset\n"),
        ("bad.jsonl", '{"type": "source"\n'),
        ("bad.json", "\udcff"),
        ("two.yaml", "a: 1\n---\nb: 2\n"),
        ("dup.yaml", "a: 1\na: 2\n"),
        ("list.json", "[1, null, {}]"),
        ("deep.json", "[" * 100_000 + "]" * 100_000),
        ("odd.json", '{"type": "position", "evidence": [{"source": 1}, 7, {"source": "x"}]}'),
    ],
)
def test_broken_files_give_findings_not_tracebacks(
    tmp_path: Path, texts: Path, name: str, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    code = anchor(path, "--sources", texts)
    captured = capsys.readouterr()
    assert code in (0, 1)
    assert "Traceback" not in captured.out + captured.err
    assert "internal error" not in captured.err
    if code == 1:
        assert name in captured.out


def test_could_not_run(tmp_path: Path, texts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert anchor(tmp_path / "missing.json", "--sources", texts) == 2
    assert anchor(tmp_path, "--sources", tmp_path / "nope") == 2
    assert anchor(tmp_path) == 2  # --sources is required
    assert anchor("-", "--sources", texts) == 2
    capsys.readouterr()


def test_the_examples_are_anchored_already() -> None:
    """The committed selectors are right: ``--check`` passes over examples/."""
    assert (
        anchor(
            REPO_ROOT / "examples",
            "--sources",
            SEEDS_DIR,
            "--sources",
            REPO_ROOT / "examples" / "illustrative" / "texts",
            "--check",
        )
        == 0
    )


def _strip_selectors(value: object) -> None:
    if isinstance(value, dict):
        if "quote" in value and "source" in value:
            for key in ("start", "end", "prefix", "suffix"):
                value.pop(key, None)
        for item in value.values():
            _strip_selectors(item)
    elif isinstance(value, list):
        for item in value:
            _strip_selectors(item)


def test_selectors_removed_from_the_seed_examples_come_back_identical(tmp_path: Path) -> None:
    """Without their selectors, the seed files are anchored back to the committed bytes."""
    copy = tmp_path / "seeds"
    shutil.copytree(REPO_ROOT / "examples" / "seeds", copy)
    for path in sorted(copy.glob("0*.json")):
        value = json.loads(path.read_text(encoding="utf-8"))
        _strip_selectors(value)
        path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert anchor(copy, "--sources", SEEDS_DIR) == 0
    for path in sorted(copy.glob("*.json")):
        original = REPO_ROOT / "examples" / "seeds" / path.name
        assert path.read_bytes() == original.read_bytes(), path.name


def test_selectors_removed_from_the_yaml_example_come_back_identical(tmp_path: Path) -> None:
    """The illustrative YAML file (comments, hand-folded strings) comes back byte for byte."""
    original = REPO_ROOT / "examples" / "illustrative" / "southland-responses.yaml"
    copy = tmp_path / original.name
    stripped = re.sub(r"\n    (start|end): \d+", "", original.read_text(encoding="utf-8"))
    copy.write_text(stripped, encoding="utf-8")
    texts = REPO_ROOT / "examples" / "illustrative" / "texts"
    assert anchor(copy, "--sources", texts) == 0
    assert copy.read_bytes() == original.read_bytes()


def test_yaml_blank_lines_and_comments_after_an_evidence_stay_after_it(
    tmp_path: Path, texts: Path
) -> None:
    """ruamel.yaml ties them to the last key: new keys go before them, not after."""
    data = tmp_path / "data.yaml"
    data.write_text(
        "type: dataset\n"
        "positions:\n"
        "- type: position\n"
        "  id: p1\n"
        "  evidence:\n"
        "  - source: src-1\n"
        "    quote: no withdrawal\n"
        "    quote_kind: direct  # end of line\n"
        "\n"
        "  # the second one\n"
        "  - source: src-1\n"
        "    quote: none. We\n"
        "    quote_kind: direct\n"
        "\n"
        "- type: position\n"
        "  id: p2\n",
        encoding="utf-8",
    )
    assert anchor(data, "--sources", texts) == 0
    lines = data.read_text(encoding="utf-8").splitlines()
    first_end = next(i for i, line in enumerate(lines) if line.startswith("    end:"))
    assert lines[first_end + 1 : first_end + 4] == ["", "  # the second one", "  - source: src-1"]
    assert "    quote_kind: direct  # end of line" in lines
    assert lines[-3] == ""
    assert lines[-2] == "- type: position"
