"""dipos convert on the authoring forms: a workbook with its Defaults sheet, and an
authoring YAML file, become explicit datasets that validate."""

import json
from pathlib import Path

import pytest

from dipos.cli import main
from dipos.validator import validate

ROOT = Path(__file__).resolve().parents[2]
AUTHORING = ROOT / "tests" / "fixtures" / "authoring" / "less-typing.yaml"
WORKBOOK = ROOT / "tests" / "fixtures" / "workbook" / "valid" / "defaults-and-two-positions.xlsx"


def test_authoring_yaml_to_explicit_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "dataset.json"
    assert main(["convert", str(AUTHORING), "-o", str(out)]) == 0
    assert "1 ids generated" in capsys.readouterr().out
    dataset = json.loads(out.read_text(encoding="utf-8"))
    assert "defaults" not in dataset
    assert all("holders" in p and "id" in p for p in dataset["positions"])
    assert validate(out).passes(strict=True)
    again = tmp_path / "again.json"
    assert main(["convert", str(AUTHORING), "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()  # generated ids are stable


def test_authoring_problems_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text("defaults:\n  position: {}\npositions: []\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["convert", str(source), "-o", str(out)]) == 1
    assert "$.defaults.position: defaults are given per record list" in capsys.readouterr().err
    broken = tmp_path / "broken.yaml"
    broken.write_text("positions: [\n", encoding="utf-8")
    assert main(["convert", str(broken), "-o", str(out)]) == 1
    assert "[syntax-yaml]" in capsys.readouterr().err
    assert not out.exists()


def test_workbook_with_defaults_to_json_and_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "dataset.json"
    assert main(["convert", str(WORKBOOK), "-o", str(out)]) == 0
    dataset = json.loads(out.read_text(encoding="utf-8"))
    assert [p["holders"] for p in dataset["positions"]] == [["actor-northland"]] * 2
    assert validate(out).passes(strict=True)
    lines = tmp_path / "dataset.jsonl"
    assert main(["convert", str(WORKBOOK), "-o", str(lines)]) == 0
    records = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert records[0]["type"] == "dataset"
    assert len(records) == 6


def test_workbook_problems_are_reported_at_their_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = ROOT / "tests" / "fixtures" / "workbook" / "invalid" / "workbook-date-cell.xlsx"
    out = tmp_path / "out.json"
    assert main(["convert", str(case), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{case}:positions!D2: error [workbook-date-cell]" in err
    assert "nothing written" in err
    assert not out.exists()
