"""An XLSX workbook, one sheet per table (openpyxl, the ``dipos[xlsx]`` extra).

A sheet is named after its table; a table name longer than a sheet name may be (31
characters) is shortened, with a short hash to keep it unique (:func:`sheet_name`).
Row 1 holds the column names. Cells are typed (text, numbers, true/false); text follows
the conventions of :mod:`.cells`, plus XLSX's own escape for characters a worksheet
cannot hold or would alter (a control character or carriage return is written
``_x000D_``, and a literal ``_x0041_`` as ``_x005F_x0041_``). Whole numbers beyond
2**53 are written as text, which a spreadsheet would otherwise round.
"""

import datetime
import hashlib
import re
from collections.abc import Collection
from functools import cache
from pathlib import Path
from typing import Any, Final

from .cells import escape_text, unescape_text
from .core import Problem, Table, Tables
from .extras import require
from .layout import layout

SHEET_NAME_MAX: Final = 31
MAX_ROWS: Final = 1_048_576
MAX_CELL_CHARS: Final = 32_767
_EXACT_INT: Final = 2**53

_ESCAPED = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_CODE = re.compile(r"_x([0-9A-Fa-f]{4})_")


class XlsxError(ValueError):
    """The tables cannot be written as a workbook (a cell or a table too large)."""


def sheet_name(table: str) -> str:
    """The sheet of a table: its name, or for a long name its first 26 characters, ``~``
    and 4 hexadecimal digits of its SHA-1."""
    if len(table) <= SHEET_NAME_MAX:
        return table
    digest = hashlib.sha1(table.encode("utf-8")).hexdigest()[:4]
    return f"{table[: SHEET_NAME_MAX - 5]}~{digest}"


@cache
def _tables_by_sheet() -> dict[str, str]:
    found: dict[str, str] = {}
    for name in layout().tables:
        found[sheet_name(name).lower()] = name
        found[name.lower()] = name
    return found


def table_of_sheet(title: str) -> str | None:
    """The table a sheet holds (by its name, shortened or not), or ``None``."""
    return _tables_by_sheet().get(title.strip().lower())


def _escape_xlsx(text: str) -> str:
    text = _ESCAPED.sub(r"_x005F_\1", escape_text(text))
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def _unescape_xlsx(text: str) -> str:
    return unescape_text(_CODE.sub(lambda m: chr(int(m.group(1), 16)), text))


def write_xlsx(tables: Tables, path: Path) -> None:
    """Write the tables as an XLSX workbook at ``path`` (one sheet per table, in order).
    Raises :class:`XlsxError` when a table has more rows or a cell more characters than
    a worksheet holds."""
    openpyxl = require("openpyxl", "xlsx")
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        if len(table.rows) + 1 > MAX_ROWS:
            raise XlsxError(
                f"table {table.name} has {len(table.rows)} rows; a worksheet holds "
                f"{MAX_ROWS - 1}: export to csv or parquet instead"
            )
        sheet = workbook.create_sheet(sheet_name(table.name))
        sheet.freeze_panes = "A2"
        header = []
        for name in table.columns:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in table.rows:
            sheet.append([_xlsx_cell(sheet, WriteOnlyCell, table, value) for value in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(str(path))


def _xlsx_cell(sheet: Any, cell_type: Any, table: Table, value: Any) -> Any:
    if isinstance(value, str):
        text = _escape_xlsx(value)
        if len(text) > MAX_CELL_CHARS:
            raise XlsxError(
                f"a cell of table {table.name} has {len(text)} characters; a worksheet "
                f"cell holds {MAX_CELL_CHARS}: export to csv or parquet instead"
            )
        if text.startswith("="):
            # Text that starts with = would be stored as a formula.
            cell = cell_type(sheet, value=text)
            cell.data_type = "s"
            return cell
        return text
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > _EXACT_INT:
        return str(value)
    return value


def read_xlsx(path: Path, *, ignore_sheets: Collection[str] = ()) -> tuple[Tables, list[Problem]]:
    """Read an XLSX workbook as tables: each sheet named after a table (a sheet with
    another name is kept under its own name, for :func:`~dipos.tables.tables_to_records`
    to report, unless listed in ``ignore_sheets``). Formula cells are reported, and left
    out."""
    openpyxl = require("openpyxl", "xlsx")
    problems: list[Problem] = []
    try:
        workbook = openpyxl.load_workbook(str(path), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        name = path.name
        return Tables(), [Problem(name, None, None, f"cannot read the workbook: {error}")]
    ignored = {s.lower() for s in ignore_sheets}
    tables = Tables()
    try:
        for sheet in workbook.worksheets:
            if sheet.title.lower() in ignored:
                continue
            name = table_of_sheet(sheet.title) or sheet.title
            table = _read_sheet(sheet, name, problems)
            if name in tables.tables:
                problems.append(Problem(name, None, None, "two sheets hold this table"))
                continue
            tables.tables[name] = table
    finally:
        workbook.close()
    return tables, problems


def _read_sheet(sheet: Any, name: str, problems: list[Problem]) -> Table:
    rows = sheet.iter_rows()
    header: list[str] = []
    table = Table(name, header, [], [])
    assert table.row_numbers is not None
    first = next(rows, None)
    if first is None:
        problems.append(Problem(name, 1, None, "the sheet is empty: row 1 needs the column names"))
        return table
    for cell in first:
        value = cell.value
        header.append(
            value.strip() if isinstance(value, str) else "" if value is None else str(value)
        )
    while header and header[-1] == "":
        header.pop()
    width = len(header)
    for cells in rows:
        values: list[Any] = []
        number = None
        for position, cell in enumerate(cells):
            if getattr(cell, "row", None) is not None:
                number = cell.row
            value = cell.value
            if value is None:
                values.append(None)
                continue
            column = header[position] if position < width else None
            if getattr(cell, "data_type", None) == "f":
                problems.append(Problem(name, cell.row, column, "a formula: type the value itself"))
                values.append(None)
                continue
            if position >= width:
                problems.append(
                    Problem(name, cell.row, None, "a value in a column without a name in row 1")
                )
                continue
            if isinstance(value, str):
                value = _unescape_xlsx(value)
            elif isinstance(value, datetime.datetime | datetime.date | datetime.time):
                pass  # reported by the column's reader, with the cell
            values.append(value)
        if number is None or all(v is None for v in values):
            continue
        table.rows.append(values[:width])
        table.row_numbers.append(number)
    return table
