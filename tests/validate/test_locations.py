"""Line and column of each finding: JSON (position-tracking scan), JSON Lines, YAML."""

from pathlib import Path

from dipos.validator import validate
from dipos.validator.read.textscan import count_keys_in_text, count_keys_in_value, scan

JSON_TEXT = """{
  "type": "dataset", "dipos_version": "0.2",
  "actors": [
    {"type": "actor", "id": "a", "name": "A", "kind": "state"},
    {"type": "actor", "id": "b", "name": "B",
     "kind": "stat"}
  ]
}
"""


def test_json_line_and_column_of_the_value(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(JSON_TEXT)
    (finding,) = validate(path).findings
    assert (finding.line, finding.column) == (6, 14)
    assert JSON_TEXT.splitlines()[5][13:19] == '"stat"'


def test_missing_property_points_at_its_object(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(JSON_TEXT.replace('"name": "B",', ""))
    found = {(f.rule, f.line, f.column) for f in validate(path).findings}
    assert ("schema-required", 5, 5) in found


def test_cross_record_findings_are_located(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    path.write_text(JSON_TEXT.replace('"id": "b"', '"id": "a"').replace('"stat"', '"state"'))
    (finding,) = validate(path).findings
    assert (finding.rule, finding.line, finding.column) == ("id-duplicate", 5, 29)


def test_json_lines_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    bad = '{"type": "actor", "id": "b", "name": "B", "kind": "stat"}'
    path.write_text('{"type": "actor", "id": "a", "name": "A", "kind": "state"}\n\n' + bad + "\n")
    (finding,) = validate(path).findings
    column = bad.index('"stat"') + 1
    assert (finding.line, finding.column, finding.json_path) == (3, column, "$.kind")


def test_json_lines_cross_record_findings_get_their_column(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    first = '{"type": "actor", "id": "a", "name": "A", "kind": "state"}'
    twice = '{"type": "actor", "id": "a", "name": "A again", "kind": "state"}'
    part_of = '{"type": "actor", "id": "c", "name": "C", "kind": "state", "part_of": "zz"}'
    path.write_bytes(f"\ufeff{first}\n{twice}\n{part_of}\n".encode())
    found = {f.rule: (f.line, f.column) for f in validate(path).findings if f.rule != "bom"}
    assert found["id-duplicate"] == (2, twice.index('"a"') + 1)
    assert found["ref-unresolved"] == (3, part_of.index('"zz"') + 1)
    # The same with workers: lines are numbered in the whole file, then located.
    again = {f.rule: (f.line, f.column) for f in validate(path, jobs=2).findings}
    assert again["id-duplicate"] == found["id-duplicate"]


def test_yaml_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text("type: actor\nid: a\nname: A\nkind:   stat\n")
    (finding,) = validate(path).findings
    assert (finding.line, finding.column) == (4, 9)


def test_scan_offsets_and_duplicates() -> None:
    text = '{"a": [1, {"b": "x\\"y", "b": 2}], "c": {}}'
    result = scan(text)
    assert text[result.offsets[("a", 1, "b")] :].startswith("2")
    assert text[result.offsets[("c",)] :].startswith("{}")
    assert result.duplicates == [(("a", 1, "b"), text.index('"b": 2'))]


def test_key_counts_see_through_strings() -> None:
    text = '{"a": "not: a key", "b": {"c": ["d:", "e"]}}'
    import json

    assert count_keys_in_text(text) == count_keys_in_value(json.loads(text)) == 3


def test_duplicate_keys_are_found_whatever_the_escapes() -> None:
    from dipos.validator.read.positions import TextPositions
    from dipos.validator.read.syntax import duplicate_key_findings

    def dups(text: str) -> list[str]:
        import orjson

        found = duplicate_key_findings(TextPositions(text), orjson.loads(text), "f")
        return [f.json_path for f in found]

    assert dups('{"a": "x\\": y", "b": 1}') == []
    assert dups('{"a": "x\\u0022: y", "b": 1}') == []
    assert dups('{"a": "x\\u0022: y", "b": 1, "b": 2}') == ["$.b"]
    assert dups('{"a": {"k": 1, "k" : 2}, "s": "\\":"}') == ["$.a.k"]
