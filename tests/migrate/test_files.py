"""``dipos migrate`` on every fixture and example, and the layout of the files it writes."""

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from dipos.migrate.files import Kind, convert_text
from dipos.validator.read.inputs import SUFFIXES
from schema_errors import json_pointer, walk_errors

REPO_ROOT = Path(__file__).resolve().parents[2]
MIGRATE_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "migrate"
V01 = MIGRATE_FIXTURES / "v0.1"
ARCHIVE = REPO_ROOT / "schema" / "archive" / "0.1"
SCHEMA_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "schema"

FOLDERS = ("examples", "tests/fixtures/schema", "tests/fixtures/validate", "tests/docs/fixtures")


def _files() -> list[Path]:
    found: list[Path] = []
    for folder in FOLDERS:
        found += [
            p
            for p in sorted((REPO_ROOT / folder).rglob("*"))
            if p.is_file() and p.suffix.lower() in SUFFIXES and p.name != "EXPECTED.yaml"
        ]
    return found


FILES = _files()


def _kind(path: Path) -> Kind:
    return SUFFIXES[path.suffix.lower()]


def _version_0_1(data: bytes) -> bytes:
    """The committed file as it was in 0.1, where only its version changed."""
    return (
        data.replace(b'"dipos_version": "0.2"', b'"dipos_version": "0.1"')
        .replace(b"dipos_version: '0.2'", b"dipos_version: '0.1'")
        .replace(b'dipos_version: "0.2"', b'dipos_version: "0.1"')
    )


def _original(path: Path) -> bytes:
    relative = path.relative_to(REPO_ROOT)
    kept = V01 / relative
    if kept.is_file():
        return kept.read_bytes()
    return _version_0_1(path.read_bytes())


def _id(path: Path) -> str:
    return str(path.relative_to(REPO_ROOT))


def test_there_are_files_to_convert() -> None:
    assert len(FILES) > 150
    assert all((REPO_ROOT / p.relative_to(V01)).is_file() for p in V01.rglob("*") if p.is_file())


KEPT_AT_0_1 = frozenset(
    {
        "dataset--version-0-1.json",
        "extension--x-prefix-property.json",
        "extension--nested-x-prefix-property.json",
        "proposal--signatory-as-id.json",
        "schema-const--version-0-1.json",
        "schema-additional-property--x-prefix.json",
    }
)
"""Invalid fixtures that hold a 0.1 construct on purpose: `dipos migrate` converts them."""


def _kept_at_0_1(path: Path) -> bool:
    return path.name in KEPT_AT_0_1


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_the_0_1_file_converts_to_the_committed_file(path: Path) -> None:
    committed = path.read_bytes()
    if _kept_at_0_1(path):
        converted, result = convert_text(committed, _kind(path), str(path))
        assert converted is not None
        assert result.changes
        assert convert_text(converted, _kind(path), str(path))[1].changes == []
        return
    converted, result = convert_text(_original(path), _kind(path), str(path))
    if converted is None:
        # Files that cannot be read or converted (broken on purpose, or of another
        # version) are left as they are, with a finding that says why.
        assert result.problems
        assert _original(path) == committed
        return
    assert converted == committed


@pytest.mark.parametrize("path", FILES, ids=_id)
def test_converting_a_0_2_file_changes_nothing(path: Path) -> None:
    data = path.read_bytes()
    if _kept_at_0_1(path):
        return
    converted, result = convert_text(data, _kind(path), str(path))
    assert result.changes == []
    assert converted in (None, data)


def _archived_validator(instance: Any) -> jsonschema.Draft202012Validator:
    name = "dataset" if instance.get("type") == "dataset" else "record"
    schema = json.loads((ARCHIVE / f"{name}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _errors(instance: Any) -> set[tuple[str, str]]:
    validator = _archived_validator(instance)
    errors = walk_errors(list(validator.iter_errors(instance)))
    return {(str(error.validator), json_pointer(error)) for error in errors}


VALID_0_1 = (MIGRATE_FIXTURES / "valid-0.1.txt").read_text(encoding="utf-8").split()
EXPECTED_0_1: dict[str, dict[str, str]] = yaml.safe_load(
    (MIGRATE_FIXTURES / "expected-invalid-0.1.yaml").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("name", VALID_0_1)
def test_a_valid_0_1_fixture_was_valid_against_0_1_and_is_still_valid(name: str) -> None:
    path = SCHEMA_FIXTURES / "valid" / name
    original = json.loads(_original(path))
    assert _errors(original) == set()
    # Today's verdict on the converted file is checked by tests/schema.
    assert path.is_file()


#: Rules that 0.2 writes with another keyword (the same documents are invalid):
#: "at least one of" is `not` (all absent) instead of an `anyOf` of `required`, which
#: ajv's strict mode refuses (see the model's `Deadline`).
REWRITTEN_IN_0_2 = {"deadline--neither-date-nor-within.json": {"anyOf": "not"}}


@pytest.mark.parametrize("name", sorted(EXPECTED_0_1))
def test_an_invalid_0_1_fixture_stays_invalid_for_the_same_reason(name: str) -> None:
    path = SCHEMA_FIXTURES / "invalid" / name
    original = json.loads(_original(path))
    expected = EXPECTED_0_1[name]
    validator = _archived_validator(original)
    errors = walk_errors(list(validator.iter_errors(original)))
    found = {(str(error.validator), json_pointer(error)) for error in errors}
    assert (expected["keyword"], expected["path"]) in found
    now = yaml.safe_load((SCHEMA_FIXTURES / "invalid" / "EXPECTED.yaml").read_text("utf-8"))
    keyword = REWRITTEN_IN_0_2.get(name, {}).get(expected["keyword"], expected["keyword"])
    assert now[name] == {**expected, "keyword": keyword}


def _convert(text: str, kind: Kind = "json") -> str:
    converted, result = convert_text(text.encode("utf-8"), kind, "f")
    assert converted is not None, result.problems
    return converted.decode("utf-8")


def test_layout_is_kept_one_line_records_numbers_and_indentation() -> None:
    original = (
        '{\n\t"type": "dataset",\n\t"dipos_version": "0.1",\n\t"positions": [\n'
        '\t\t{"type": "position", "id": "p", "quantities": [{"value": 6e5, "unit": "x"}], '
        '"x_n": 1.50}\n\t]\n}\n'
    )
    assert _convert(original) == (
        '{\n\t"type": "dataset",\n\t"dipos_version": "0.2",\n\t"positions": [\n'
        '\t\t{"type": "position", "id": "p", "quantities": [{"value": 6e5, "unit": "x"}], '
        '"extensions": {"x_n": 1.5}}\n\t]\n}\n'
    )


def test_a_compact_one_line_file_stays_compact() -> None:
    original = '{"type":"actor","id":"a","x_big":123456789012345678901234567890}'
    assert _convert(original) == (
        '{"type":"actor","id":"a","extensions":{"x_big":123456789012345678901234567890}}'
    )


def test_non_ascii_characters_stay_as_written() -> None:
    assert "Kyïv" in _convert('{"type": "actor", "name": "Kyïv", "x_a": 1}')
    escaped = _convert('{"type": "actor", "name": "Ky\\u00efv", "x_a": 1}')
    assert "Ky\\u00efv" in escaped


def test_crlf_line_endings_are_kept() -> None:
    original = '{\r\n  "type": "actor",\r\n  "x_a": 1\r\n}\r\n'
    assert _convert(original) == (
        '{\r\n  "type": "actor",\r\n  "extensions": {\r\n    "x_a": 1\r\n  }\r\n}\r\n'
    )


def test_json_lines_rewrites_only_the_lines_that_change() -> None:
    lines = (
        '{"type": "dataset", "dipos_version": "0.1"}\n'
        '{"type":"actor","id":"a","name":"A","kind":"state"}\n'
        '{"type": "actor", "id": "b", "x_a": [1, 2]}\n'
    )
    assert _convert(lines, "jsonl") == (
        '{"type": "dataset", "dipos_version": "0.2"}\n'
        '{"type":"actor","id":"a","name":"A","kind":"state"}\n'
        '{"type": "actor", "id": "b", "extensions": {"x_a": [1, 2]}}\n'
    )


def test_yaml_with_only_a_version_change_keeps_its_comments() -> None:
    original = "# a comment\ntype: dataset\ndipos_version: '0.1'  # the version\n"
    assert _convert(original, "yaml") == (
        "# a comment\ntype: dataset\ndipos_version: '0.2'  # the version\n"
    )


def test_yaml_is_written_again_and_says_its_comments_are_lost() -> None:
    original = "# note\ntype: actor\nid: a\nx_a: 1\n"
    converted, result = convert_text(original.encode(), "yaml", "f.yaml")
    assert converted is not None
    assert yaml.safe_load(converted) == {"type": "actor", "id": "a", "extensions": {"x_a": 1}}
    assert result.comments_dropped


@pytest.mark.parametrize(
    "data",
    [b"", b"{", b"\xff\xfe{}", b'{"a": 1, "a": 2}', b"[" * 5000 + b"]" * 5000, b"\x00\x01"],
)
def test_broken_input_gives_a_problem_not_a_traceback(data: bytes) -> None:
    converted, result = convert_text(data, "json", "f.json")
    assert converted is None or converted == data
    assert result.problems
