"""Write the workbook fixtures (tests/fixtures/workbook/): one valid workbook, and one
negative workbook per case, each named after the rule it triggers.

Run it after changing a case: ``python tests/workbook/make_fixtures.py``. The files are
committed so that anyone can open them in a spreadsheet program; EXPECTED.yaml (written
here too) gives the cell each negative case must be reported at.
"""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "workbook"

SHEETS: dict[str, list[list[object]]] = {
    "actors": [
        ["id", "name", "kind"],
        ["actor-northland", "Northland", "state"],
        ["actor-southland", "Southland", "state"],
    ],
    "sources": [
        ["id", "title", "kind"],
        ["src-1", "Statement of Northland", "official_statement"],
    ],
    "positions": [
        ["id", "move", "summary", "stated_on/value", "stated_on/basis"],
        ["pos-1", "demand", "Northland demands a ceasefire.", "2031-03-06", "stated"],
        ["pos-2", "offer", "Northland offers talks.", "2031-03", "stated"],
    ],
    "position_holders": [["position_id", "value"], ["pos-1", "actor-northland"]],
    "position_topics": [
        ["position_id", "value"],
        ["pos-1", "ceasefire"],
        ["pos-2", "negotiation_format"],
    ],
    "position_evidence": [
        ["position_id", "source", "quote", "quote_kind"],
        ["pos-1", None, "We demand a ceasefire.", "direct"],
        ["pos-2", None, "We offer talks.", "direct"],
    ],
    "Defaults": [
        ["sheet", "column", "value", "rows", "note"],
        ["position_holders", "value", "actor-northland", None, "every position is Northland's"],
        ["position_evidence", "source", "src-1", None, None],
    ],
}
"""The valid workbook: pos-2's holders and both sources come from the Defaults sheet."""


def base() -> openpyxl.Workbook:
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for name, rows in SHEETS.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    # Written as text, as the template's text columns keep them.
    return workbook


def _sheet(workbook: openpyxl.Workbook, name: str) -> Worksheet:
    sheet = workbook[name]
    assert isinstance(sheet, Worksheet)
    return sheet


def wrong_code(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "positions")["B3"] = "ofer"


def missing_column(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "positions").delete_cols(2)  # move


def unknown_column(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "positions")["F1"] = "speakr"
    _sheet(wb, "positions")["F2"] = "actor-northland"


def merged(wb: openpyxl.Workbook) -> None:
    sheet = _sheet(wb, "position_topics")
    sheet["B3"] = None
    sheet.merge_cells("B2:B3")


def formula(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "positions")["C3"] = '=CONCAT("Northland ","offers talks.")'


def error_value(wb: openpyxl.Workbook) -> None:
    cell = _sheet(wb, "actors")["B3"]
    cell.value = "#REF!"
    cell.data_type = "e"


def extra_sheet(wb: openpyxl.Workbook) -> None:
    wb.create_sheet("Notes").append(["to do: check the date of pos-2"])


def hidden_sheet(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "sources").sheet_state = "hidden"


def date_cell(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "positions")["D2"] = dt.datetime(2031, 3, 6)


def number_cell(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "sources")["A2"] = 1
    _sheet(wb, "Defaults")["C3"] = "1"


def blank_row(wb: openpyxl.Workbook) -> None:
    _sheet(wb, "actors").insert_rows(3)


def bad_number(wb: openpyxl.Workbook) -> None:
    sheet = wb.create_sheet("position_quantities")
    sheet.append(["position_id", "value", "unit"])
    sheet.append(["pos-1", "about 600", "personnel"])


CASES: dict[str, tuple[Callable[[openpyxl.Workbook], None], str]] = {
    "codelist-unknown--closed-codelist-column": (wrong_code, "positions!B3"),
    "workbook-column-missing": (missing_column, "positions!1:1"),
    "workbook-column-unknown": (unknown_column, "positions!F1"),
    "workbook-merged-cells": (merged, "position_topics!B2:B3"),
    "workbook-formula": (formula, "positions!C3"),
    "workbook-formula--error-value": (error_value, "actors!B3"),
    "workbook-sheet-unknown": (extra_sheet, "Notes!A1"),
    "workbook-sheet-hidden": (hidden_sheet, "sources!A1"),
    "workbook-date-cell": (date_cell, "positions!D2"),
    "workbook-number-cell": (number_cell, "sources!A2"),
    "workbook-blank-row": (blank_row, "actors!3:3"),
    "workbook-table--text-in-a-number-column": (bad_number, "position_quantities!B2"),
}
"""Each negative case: how it spoils the valid workbook, and the cell of its finding."""


def main() -> None:
    (FIXTURES / "valid").mkdir(parents=True, exist_ok=True)
    (FIXTURES / "invalid").mkdir(parents=True, exist_ok=True)
    base().save(FIXTURES / "valid" / "defaults-and-two-positions.xlsx")
    expected = [
        "# The cell at which each negative workbook's finding must be reported",
        "# (written by tests/workbook/make_fixtures.py).",
    ]
    for name, (spoil, cell) in CASES.items():
        workbook = base()
        spoil(workbook)
        workbook.save(FIXTURES / "invalid" / f"{name}.xlsx")
        expected.append(f'{name}.xlsx: "{cell}"')
    (FIXTURES / "invalid" / "workbook-unreadable--text-file.xlsx").write_text(
        "id,name,kind\nactor-northland,Northland,state\n", encoding="utf-8"
    )
    expected.append("workbook-unreadable--text-file.xlsx: null")
    (FIXTURES / "invalid" / "EXPECTED.yaml").write_text("\n".join(expected) + "\n")


if __name__ == "__main__":
    main()
