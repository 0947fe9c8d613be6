"""Reading workbooks and CSV folders: lossless on the examples through the cell reader,
defaults (scoped and not), generated ids, and cells for every finding."""

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from dipos.authoring.ids import generated_id
from dipos.tables import records_to_dataset, records_to_tables, tables_to_records, write_csv
from dipos.tables.xlsxio import write_xlsx
from dipos.validator import validate
from dipos.version import SCHEMA_VERSION
from dipos.workbook.read import read_csv_folder, read_workbook

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").rglob("*.json"))
SCHEMA_VALID = sorted((ROOT / "tests" / "fixtures" / "schema" / "valid").glob("*.json"))


def _written(records: list[dict[str, Any]], tmp_path: Path) -> Path:
    path = tmp_path / "data.xlsx"
    write_xlsx(records_to_tables(records), path)
    return path


@pytest.mark.parametrize("case", EXAMPLES + SCHEMA_VALID, ids=lambda p: p.name)
def test_json_to_workbook_to_json_is_lossless_through_the_cell_reader(
    case: Path, tmp_path: Path
) -> None:
    value = json.loads(case.read_text(encoding="utf-8"))
    records = [value]
    data = read_workbook(_written(records, tmp_path))
    assert not data.findings, [(f.rule, f.cell, f.message) for f in data.findings]
    expected = records_to_dataset(tables_to_records(records_to_tables(records))[0])
    assert data.dataset == expected


def _sheet(workbook: openpyxl.Workbook, name: str) -> Worksheet:
    sheet = workbook[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def _workbook(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    path = tmp_path / "data.xlsx"
    workbook.save(path)
    return path


POSITIONS: dict[str, list[list[object]]] = {
    "actors": [
        ["id", "name", "kind"],
        [None, "Northland", "state"],
        ["actor-a", "A", "state"],
        ["actor-b", "B", "state"],
    ],
    "sources": [["id", "kind"], ["src-1", "official_statement"]],
    "positions": [
        ["id", "move", "summary"],
        ["pos-1", "demand", "A demands a ceasefire."],
        ["pos-2", "offer", "B offers talks."],
        ["pos-3", "offer", "B offers a truce."],
    ],
    "position_topics": [
        ["position_id", "value"],
        ["pos-1", "ceasefire"],
        ["pos-2", "negotiation_format"],
        ["pos-3", "ceasefire"],
    ],
    "position_evidence": [
        ["position_id", "quote", "quote_kind"],
        ["pos-1", "A ceasefire now.", "direct"],
        ["pos-2", "Talks.", "direct"],
        ["pos-3", "A truce.", "direct"],
    ],
    "Defaults": [
        ["sheet", "column", "value", "rows"],
        ["position_holders", "value", "actor-a", None],
        ["position_holders", "value", "actor-b", "3-4"],
        ["position_evidence", "source", "src-1", None],
        ["positions", "venue", "Geneva", "4"],
    ],
}


def test_defaults_scoped_by_rows_and_generated_ids(tmp_path: Path) -> None:
    data = read_workbook(_workbook(tmp_path, POSITIONS))
    assert not data.findings
    assert data.dataset is not None
    one, two, three = data.dataset["positions"]
    assert one["holders"] == ["actor-a"]
    assert two["holders"] == ["actor-b"]
    assert three["holders"] == ["actor-b"]
    assert three["venue"] == "Geneva"
    assert "venue" not in two
    assert all(p["evidence"][0]["source"] == "src-1" for p in (one, two, three))
    northland = data.dataset["actors"][0]
    assert northland["id"] == generated_id({"type": "actor", "name": "Northland", "kind": "state"})
    assert data.generated_ids == 1
    assert validate(data.dataset).passes(strict=True)


def test_a_finding_in_a_default_points_at_the_defaults_sheet(tmp_path: Path) -> None:
    sheets = {**POSITIONS, "Defaults": [r[:] for r in POSITIONS["Defaults"]]}
    sheets["Defaults"][3][2] = "src-nowhere"
    report = validate(_workbook(tmp_path, sheets))
    cells = {(f.rule, f.cell) for f in report.findings}
    assert cells == {("ref-unresolved", "Defaults!C4")}


def test_defaults_sheet_problems(tmp_path: Path) -> None:
    sheets: dict[str, list[list[object]]] = {
        **POSITIONS,
        "Defaults": [
            ["sheet", "column", "value", "rows"],
            ["postions", "venue", "X", None],
            ["positions", "venu", "X", None],
            ["positions", "venue", None, None],
            ["positions", "venue", "X", "two"],
            ["position_quantities", "value", "many", None],
        ],
    }
    data = read_workbook(_workbook(tmp_path, sheets))
    assert [(f.rule, f.cell) for f in data.findings] == [
        ("workbook-sheet-unknown", "Defaults!A2"),
        ("workbook-column-unknown", "Defaults!B3"),
        ("workbook-table", "Defaults!C4"),
        ("workbook-table", "Defaults!D5"),
        ("workbook-table", "Defaults!C6"),
        ("workbook-column-missing", "position_evidence!1:1"),  # no source, and no default
    ]
    assert 'did you mean "positions"' in data.findings[0].message


def test_a_required_column_given_by_a_default_may_be_left_out(tmp_path: Path) -> None:
    data = read_workbook(_workbook(tmp_path, POSITIONS))
    assert not [f for f in data.findings if f.rule == "workbook-column-missing"]


def test_csv_folder_findings_name_the_file_and_cell(tmp_path: Path) -> None:
    value = json.loads((ROOT / "examples" / "illustrative" / "eastland-plan.json").read_text())
    tables = records_to_tables([value])
    position = tables["positions"]
    position.rows[1][position.columns.index("move")] = "demandd"
    folder = tmp_path / "tables"
    write_csv(tables, folder)
    (folder / "notes.csv").write_text("a\n1\n", encoding="utf-8")
    report = validate(folder)
    found = {(f.rule, f.file, f.cell) for f in report.findings}
    column = "ABCDEFGHIJ"[position.columns.index("move")]
    assert found == {
        ("codelist-unknown", f"{folder}/positions.csv", f"{column}3"),
        ("workbook-sheet-unknown", f"{folder}/notes.csv", None),
    }
    data = read_csv_folder(folder)
    assert data.dataset is not None
    assert data.dataset["positions"][1]["move"] == "demandd"


def test_workbook_and_json_are_one_dataset(tmp_path: Path) -> None:
    sheets = {k: v for k, v in POSITIONS.items() if k != "actors"}
    workbook = _workbook(tmp_path, sheets)
    actors = tmp_path / "actors.json"
    actors.write_text(
        json.dumps(
            {
                "type": "dataset",
                "dipos_version": SCHEMA_VERSION,
                "actors": [
                    {"type": "actor", "id": "actor-a", "name": "A", "kind": "state"},
                    {"type": "actor", "id": "actor-b", "name": "B", "kind": "state"},
                ],
            }
        )
    )
    assert validate([workbook, actors]).passes(strict=True)
    report = validate(workbook)
    assert {f.rule for f in report.findings} == {"ref-unresolved"}
    assert all(f.cell and f.cell.startswith("Defaults!C") for f in report.findings)


def test_select_and_ignore_apply_to_workbook_findings(tmp_path: Path) -> None:
    workbook = openpyxl.load_workbook(_workbook(tmp_path, POSITIONS))
    _sheet(workbook, "actors").insert_rows(3)
    path = tmp_path / "blank.xlsx"
    workbook.save(path)
    assert [f.rule for f in validate(path).findings] == ["workbook-blank-row"]
    assert validate(path, ignore=["workbook-*"]).findings == []
    assert validate(path, select=["ref-*"]).findings == []
