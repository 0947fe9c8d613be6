"""Positive and negative fixture files, one case per file (or per directory)."""

from pathlib import Path

import pytest

from dipos.validator import validate

from .conftest import INVALID, VALID, rule_of, sources_of

VALID_CASES = sorted(p for p in VALID.iterdir() if p.name != "with-sources")
INVALID_CASES = sorted(INVALID.iterdir())


@pytest.mark.parametrize("case", VALID_CASES, ids=lambda p: p.name)
def test_valid_fixture_has_no_finding(case: Path) -> None:
    report = validate(case, sources=sources_of(case))
    assert report.findings == []
    assert report.ok


def test_valid_quotes_against_source_texts() -> None:
    case = VALID / "with-sources"
    report = validate(case / "data.json", sources=case / "sources")
    assert report.findings == []


def test_valid_fixtures_together_are_one_dataset() -> None:
    report = validate(VALID_CASES)
    assert report.ok, [f.message for f in report.findings]


@pytest.mark.parametrize("case", INVALID_CASES, ids=lambda p: p.name)
def test_invalid_fixture_triggers_its_rule(case: Path, request: pytest.FixtureRequest) -> None:
    rule = rule_of(case)
    if rule == "codelist-deprecated":
        request.getfixturevalue("deprecated_ceasefire")
    report = validate(case, sources=sources_of(case))
    found = {f.rule for f in report.findings}
    assert rule in found, f"{case.name}: expected {rule}, got {found}"
    for finding in report.findings:
        assert finding.message
        assert finding.hint
        assert "not valid under any of the" not in finding.message
        if finding.rule == rule and finding.file != "<object>":
            assert finding.file is not None
