"""The workbook fixtures: the valid workbook is valid; each negative workbook gets its
finding, at its cell, and never a traceback (tests/workbook/make_fixtures.py writes them)."""

from pathlib import Path

import pytest
import yaml

from dipos.cli import main
from dipos.validator import validate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "workbook"
INVALID = sorted((FIXTURES / "invalid").glob("*.xlsx"))
EXPECTED: dict[str, str | None] = yaml.safe_load(
    (FIXTURES / "invalid" / "EXPECTED.yaml").read_text()
)


def rule_of(case: Path) -> str:
    return case.name.split("--")[0].split(".")[0]


def test_every_case_has_its_expected_cell_and_every_entry_a_file() -> None:
    assert {case.name for case in INVALID} == set(EXPECTED)


@pytest.mark.parametrize("case", sorted((FIXTURES / "valid").glob("*.xlsx")), ids=lambda p: p.name)
def test_valid_workbooks_are_valid(case: Path) -> None:
    report = validate(case)
    assert report.passes(strict=True), [(f.rule, f.cell, f.message) for f in report.findings]


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_negative_workbook_gets_its_finding_at_its_cell(case: Path) -> None:
    report = validate(case)
    found = [(f.rule, f.cell) for f in report.findings]
    assert (rule_of(case), EXPECTED[case.name]) in found, found
    for finding in report.findings:
        assert finding.file == str(case)
        assert finding.line is None
        assert finding.hint


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_the_command_reports_the_cell_and_fails_strict(
    case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["validate", "--strict", str(case)])
    out = capsys.readouterr()
    assert code == (0 if rule_of(case) == "workbook-blank-row" else 1)  # an info never fails
    assert "Traceback" not in out.out + out.err
    expected = EXPECTED[case.name]
    assert f"{case}:{expected}:" in out.out if expected else f"{case}: error" in out.out
