"""Reading cells: every spreadsheet trap is a finding at its sheet and cell."""

import datetime as dt
from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from dipos.workbook.cells import ColumnKind, cell_name, column_letter, read_cells


def _save(tmp_path: Path, wb: openpyxl.Workbook, name: str = "data.xlsx") -> Path:
    path = tmp_path / name
    wb.save(path)
    return path


def _sheet(rows: list[list[object]], title: str = "Positions") -> openpyxl.Workbook:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    return wb


def _ws(wb: openpyxl.Workbook) -> Worksheet:
    ws = wb.active
    assert isinstance(ws, Worksheet)
    return ws


def _text_ids(_sheet: str, column: str) -> ColumnKind:
    return "text" if column == "id" else "any"


def test_names() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]
    assert cell_name("Positions", 12, 5) == "Positions!F12"
    assert cell_name("Proposal points", 3, 1) == "'Proposal points'!B3"
    assert cell_name("it's", 1, 0) == "'it''s'!A1"


def test_plain_values_and_blank_rows(tmp_path: Path) -> None:
    wb = _sheet(
        [["id", "summary", "count"], ["a", "text", 3], [None, "  ", None], ["b", None, 2.5]]
    )
    _ws(wb).cell(row=9, column=1).font = Font(bold=True)
    cells = read_cells(_save(tmp_path, wb))
    (table,) = cells.tables
    assert table.header == ["id", "summary", "count"]
    assert table.rows == [(2, ["a", "text", 3]), (4, ["b", None, 2.5])]
    assert [(f.rule, f.cell, f.severity) for f in cells.findings] == [
        ("workbook-blank-row", "Positions!3:3", "info")
    ]


def test_formula_and_error_value(tmp_path: Path) -> None:
    wb = _sheet([["id", "summary"], ['=CONCAT("pos-",B2)', "x"]])
    _ws(wb)["B2"].value = "#N/A"
    _ws(wb)["B2"].data_type = "e"
    cells = read_cells(_save(tmp_path, wb))
    assert [(f.rule, f.cell) for f in cells.findings] == [
        ("workbook-formula", "Positions!A2"),
        ("workbook-formula", "Positions!B2"),
    ]
    assert 'CONCAT("pos-",B2)' in cells.findings[0].message
    assert cells.tables[0].rows == []  # nothing left on the row: read as blank


def test_date_cell(tmp_path: Path) -> None:
    wb = _sheet(
        [
            ["id", "stated_on"],
            ["a", dt.datetime(2025, 5, 17)],
            ["b", dt.datetime(2025, 5, 17, 14, 0)],
        ]
    )
    cells = read_cells(_save(tmp_path, wb))
    assert [(f.rule, f.cell) for f in cells.findings] == [
        ("workbook-date-cell", "Positions!B2"),
        ("workbook-date-cell", "Positions!B3"),
    ]
    assert "2025-05-17" in cells.findings[0].message
    assert "Format the column as *Text*" in cells.findings[0].hint
    read = [values[1] for _, values in cells.tables[0].rows]
    assert read == ["2025-05-17", "2025-05-17T14:00:00"]


def test_number_in_a_text_column(tmp_path: Path) -> None:
    wb = _sheet([["id", "count"], [1.1, 7], [12.0, 8]])
    cells = read_cells(_save(tmp_path, wb), kinds=_text_ids)
    assert [(f.rule, f.cell) for f in cells.findings] == [
        ("workbook-number-cell", "Positions!A2"),
        ("workbook-number-cell", "Positions!A3"),
    ]
    assert [values for _, values in cells.tables[0].rows] == [["1.1", 7], ["12", 8]]


def test_merged_cells(tmp_path: Path) -> None:
    wb = _sheet([["id", "holders"], ["a", "actor-x"], ["b", None], ["c", None]])
    _ws(wb).merge_cells("B2:B4")
    cells = read_cells(_save(tmp_path, wb))
    found = [(f.rule, f.cell) for f in cells.findings]
    assert found == [("workbook-merged-cells", "Positions!B2:B4")]


def test_hidden_sheet_is_flagged_in_the_table(tmp_path: Path) -> None:
    wb = _sheet([["id"], ["a"]])
    wb.create_sheet("Actors").sheet_state = "hidden"
    cells = read_cells(_save(tmp_path, wb))
    assert [t.hidden for t in cells.tables] == [False, True]


def test_not_a_workbook(tmp_path: Path) -> None:
    for name, data in [
        ("text.xlsx", b"id,summary\n"),
        ("ole.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)),
        ("empty.xlsx", b""),
        ("zip.xlsx", b"PK\x05\x06" + bytes(18)),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        cells = read_cells(path)
        assert not cells.readable
        assert [f.rule for f in cells.findings] == ["workbook-unreadable"], name
        assert cells.findings[0].cell is None
    assert "password" in read_cells(tmp_path / "ole.xlsx").findings[0].message


def test_missing_file(tmp_path: Path) -> None:
    cells = read_cells(tmp_path / "none.xlsx")
    assert [f.rule for f in cells.findings] == ["workbook-unreadable"]


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_damaged_workbooks_are_findings_not_tracebacks(tmp_path: Path) -> None:
    good = _save(tmp_path, _sheet([["id"], ["a"]]), "good.xlsx")
    data = good.read_bytes()
    cases = {
        "truncated.xlsx": data[: len(data) // 2],
        "no-workbook.xlsx": _zip(tmp_path / "z1", {"other.xml": b"<a/>"}).read_bytes(),
        "junk-xml.xlsx": _zip(tmp_path / "z2", {"xl/workbook.xml": b"<not xml"}).read_bytes(),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        cells = read_cells(path)
        assert [f.rule for f in cells.findings] == ["workbook-unreadable"], name
    # One byte changed anywhere never ends in an exception.
    for offset in range(0, len(data), max(1, len(data) // 200)):
        spoilt = bytearray(data)
        spoilt[offset] ^= 0xFF
        path = tmp_path / "spoilt.xlsx"
        path.write_bytes(bytes(spoilt))
        read_cells(path)


def test_a_sheet_with_bad_xml_inside_a_good_zip(tmp_path: Path) -> None:
    import zipfile

    good = _save(tmp_path, _sheet([["id"], ["a"]]), "good.xlsx")
    with zipfile.ZipFile(good) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    members["xl/worksheets/sheet1.xml"] = b"<worksheet><sheetData><row r='x'>"
    cells = read_cells(_zip(tmp_path / "bad.xlsx", members))
    assert [f.rule for f in cells.findings] == ["workbook-unreadable"]
