"""The library API: ``dipos.validate`` on objects and paths, and its result types."""

import json
from pathlib import Path

import pytest

import dipos
from dipos.validator import Finding, InputError, ValidationReport, validate

from .conftest import INVALID, VALID

ACTOR = {"type": "actor", "id": "a", "name": "A", "kind": "state"}


def test_top_level_export() -> None:
    assert dipos.validate is validate
    assert dipos.ValidationReport is ValidationReport
    assert dipos.Finding is Finding


def test_dict_record() -> None:
    report = dipos.validate(ACTOR)
    assert report.ok
    assert report.findings == []
    assert report.records == 1


def test_dict_dataset_and_finding_fields() -> None:
    report = validate(
        {"type": "dataset", "dipos_version": "0.2", "actors": [{**ACTOR, "kind": "sate"}]}
    )
    assert not report.ok
    (finding,) = report.errors
    assert finding.rule == "codelist-unknown"
    assert finding.severity == "error"
    assert finding.pointer == "/actors/0/kind"
    assert finding.json_path == "$.actors[0].kind"
    assert finding.record_id == "a"
    assert finding.file == "<object>"
    assert finding.line is None
    assert finding.docs_url.endswith("#codelist-unknown")
    assert 'did you mean "state"?' in finding.message
    assert finding.hint


def test_list_of_records() -> None:
    report = validate([ACTOR, {**ACTOR, "id": "b", "represents": "c"}])
    assert [(f.rule, f.json_path) for f in report.findings] == [
        ("ref-unresolved", "$[1].represents")
    ]


def test_path_and_list_of_paths() -> None:
    assert validate(VALID / "dataset.json").ok
    assert validate(str(VALID / "dataset.json")).ok
    report = validate([VALID / "split" / "actors.yaml", VALID / "split" / "positions.jsonl"])
    assert [f.rule for f in report.findings] == ["ref-unresolved"]


def test_select_and_ignore() -> None:
    case = INVALID / "syntax-jsonl--other-lines-still-checked.jsonl"
    assert {f.rule for f in validate(case, select=["syntax-*"]).findings} == {"syntax-jsonl"}
    assert validate(case, ignore=["syntax-jsonl", "codelist-unknown"]).ok
    with pytest.raises(ValueError, match="no rule matches"):
        validate(case, ignore=["nope"])


def test_warnings_and_strictness() -> None:
    report = validate({**ACTOR, "type": "territory", "kind": "city", "iso3166": "UA"})
    assert report.ok
    report = validate(INVALID / "topic-unknown.json")
    assert report.ok
    assert not report.passes(strict=True)
    assert len(report.warnings) == 1
    assert report.counts() == {"error": 0, "warning": 1, "info": 0}


def test_to_json() -> None:
    report = validate(INVALID / "ref-unresolved.json")
    data = json.loads(report.to_json())
    assert data["ok"] is False
    assert data["findings"][0]["line"] == 4
    assert data == report.to_dict()


def test_sources(tmp_path: Path) -> None:
    case = INVALID / "quote-not-found"
    assert [f.rule for f in validate(case, sources=case / "sources")] == ["quote-not-found"]


def test_missing_path_raises() -> None:
    with pytest.raises(InputError):
        validate("/no/such/path.json")


def test_docstring_example_runs() -> None:
    import doctest
    import sys

    module = sys.modules["dipos.validator"]
    result = doctest.testmod(module)
    assert result.attempted > 0, "no example found: the docstring's example is not run"
    assert result.failed == 0
