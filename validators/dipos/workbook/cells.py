"""Read the cells of an XLSX workbook into plain tables, reporting what a spreadsheet
does to data behind its author's back.

A spreadsheet is not a text file: a cell may hold a formula instead of a value, a
date that was text when typed, a number that lost its leading zeros, a range merged
into one cell. This module reads every sheet with openpyxl (formulas kept as
formulas, ``data_only=False``, so that they can be reported) and returns, per
sheet, the header row and the data rows as plain values, together with a finding
for each such problem at its sheet and cell (``Positions!F12``). It knows nothing
of dipos tables: which sheets and columns mean what is decided by the caller
(:mod:`dipos.workbook.read`).

Nothing here raises on a damaged or unexpected file: the problem is a finding.
"""

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from ..validator.catalogue import get
from ..validator.findings import Finding

CellValue = str | int | float | bool | None
"""A cell's value as read: text, a number, a boolean, or ``None`` when empty."""

ColumnKind = Literal["text", "number", "boolean", "any"]
"""What a column expects, as far as the cells' types are concerned."""


@dataclass(slots=True)
class Table:
    """One sheet read as a table: the header (row 1) and the non-blank data rows."""

    name: str
    header: list[str]
    """Row 1, one entry per column (``""`` for an empty header cell)."""
    rows: list[tuple[int, list[CellValue]]] = field(default_factory=list)
    """``(row number in the sheet, values)``; values are as long as ``header``."""
    hidden: bool = False


@dataclass(slots=True)
class Cells:
    """Every sheet of a workbook as tables, in sheet order, and the problems found."""

    tables: list[Table] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    readable: bool = True
    """False when the file could not be opened as a workbook at all."""


def column_letter(index: int) -> str:
    """``0`` -> ``A``, ``26`` -> ``AA``."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(sheet: str, row: int, column: int) -> str:
    """``Positions!F12`` (column 0-based, row 1-based); a sheet name with spaces or
    punctuation is quoted as spreadsheets do, ``'Proposal points'!B3``."""
    return f"{sheet_ref(sheet)}!{column_letter(column)}{row}"


def sheet_ref(sheet: str) -> str:
    """The sheet's name as written in a cell reference: quoted when not a plain word."""
    if sheet.replace("_", "").isalnum():
        return sheet
    return "'" + sheet.replace("'", "''") + "'"


def workbook_finding(
    rule: str, message: str, file: str, cell: str | None, hint: str | None = None
) -> Finding:
    """A finding at a sheet and cell; its hint is the rule's fix unless given."""
    info = get(rule)
    return Finding(
        rule=rule,
        severity=info.severity,
        message=message,
        hint=hint or info.fix,
        file=file,
        cell=cell,
    )


def _date_text(value: dt.date | dt.datetime | dt.time) -> str:
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


class _Reader:
    def __init__(
        self, file: str, kinds: Callable[[str, str], ColumnKind], wanted: Callable[[str], bool]
    ) -> None:
        self.file = file
        self.kinds = kinds
        self.wanted = wanted
        self.out = Cells()

    def problem(self, rule: str, message: str, cell: str | None, hint: str | None = None) -> None:
        self.out.findings.append(workbook_finding(rule, message, self.file, cell, hint))

    def sheet(self, ws: Any) -> Table:
        name = str(ws.title)
        table = Table(name=name, header=[], hidden=ws.sheet_state != "visible")
        if not self.wanted(name):
            return table
        for merged in sorted(ws.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col)):
            self.problem(
                "workbook-merged-cells",
                f"cells {merged.coord} are merged: only {merged.start_cell.coordinate} keeps "
                "its value, the others read as empty",
                f"{sheet_ref(name)}!{merged.coord}",
            )
        rows = ws.iter_rows()
        first = next(rows, None)
        if first is None:
            return table
        table.header = [self._header(cell) for cell in first]
        kinds = [self.kinds(name, header) if header else "any" for header in table.header]
        blank: list[int] = []
        for cells in rows:
            values = [self._value(name, cell, kinds[i]) for i, cell in enumerate(cells)]
            row = cells[0].row if cells else 0
            if all(v is None for v in values):
                blank.append(row)
                continue
            if blank:
                self._blank(name, blank)
                blank = []
            table.rows.append((row, values))
        # Trailing blank rows (formatted but empty) are no news: not reported.
        return table

    def _blank(self, sheet: str, rows: list[int]) -> None:
        span = f"{rows[0]}" if len(rows) == 1 else f"{rows[0]}-{rows[-1]}"
        self.problem(
            "workbook-blank-row",
            f"row{'s' if len(rows) > 1 else ''} {span} {'are' if len(rows) > 1 else 'is'} "
            "empty and skipped",
            f"{sheet_ref(sheet)}!{rows[0]}:{rows[-1]}",
        )

    def _header(self, cell: Any) -> str:
        value = cell.value
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, dt.date | dt.time):
            return _date_text(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _number_text(value)
        return str(value).strip()

    def _value(self, sheet: str, cell: Any, kind: ColumnKind) -> CellValue:
        value = cell.value
        if value is None:
            return None
        where = cell_name(sheet, cell.row, cell.column - 1)
        if cell.data_type == "f" or not isinstance(
            value, str | int | float | bool | dt.date | dt.time
        ):
            text = value if isinstance(value, str) else getattr(value, "text", "") or "?"
            self.problem(
                "workbook-formula",
                f"the cell holds the formula {text}: dipos reads typed values, not formulas",
                where,
            )
            return None
        if cell.data_type == "e":
            self.problem("workbook-formula", f"the cell holds the error value {value}", where)
            return None
        if isinstance(value, dt.date | dt.time):
            text = _date_text(value)
            self.problem(
                "workbook-date-cell",
                f"the cell holds a spreadsheet date ({text}), not text: the spreadsheet may "
                "have changed what was typed (`2025-05` becomes the 1st of May)",
                where,
            )
            return text
        if isinstance(value, str):
            return value if value.strip() else None
        if isinstance(value, bool):
            return value
        if kind == "text":
            text = _number_text(value)
            self.problem(
                "workbook-number-cell",
                f"the cell holds the number {text} where text is expected; read as "
                f"{text!r}, which may not be what was typed (`1.10` shows as `1.1`)",
                where,
            )
            return text
        return value


def _no_kinds(_sheet: str, _column: str) -> ColumnKind:
    return "any"


def _every_sheet(_sheet: str) -> bool:
    return True


def read_cells(
    path: Path,
    *,
    name: str | None = None,
    kinds: Callable[[str, str], ColumnKind] = _no_kinds,
    wanted: Callable[[str], bool] = _every_sheet,
) -> Cells:
    """Read every sheet of the workbook at ``path``. ``kinds(sheet, column)`` says what
    a column expects (a number in a ``text`` column is reported); a sheet for which
    ``wanted(sheet)`` is false is listed with no rows and not looked into; ``name`` is
    how findings name the file (the path as given, by default)."""
    file = name if name is not None else str(path)
    reader = _Reader(file, kinds, wanted)
    workbook = _open(path, reader)
    if workbook is None:
        reader.out.readable = False
        return reader.out
    try:
        for ws in workbook.worksheets:
            reader.out.tables.append(reader.sheet(ws))
    finally:
        workbook.close()
    return reader.out


def _open(path: Path, reader: _Reader) -> Any:
    """The openpyxl workbook, or ``None`` with a finding saying why it cannot be read."""
    import warnings

    import openpyxl

    why = ""
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features it drops (conditional formats, slicers...):
            # they do not change the values read.
            warnings.simplefilter("ignore")
            # From an open file: openpyxl refuses a path whose extension it does not know.
            with path.open("rb") as handle:
                return openpyxl.load_workbook(
                    io.BytesIO(handle.read()), data_only=False, read_only=False
                )
    except zipfile.BadZipFile:
        why = "it is not an XLSX file (an XLSX file is a ZIP archive)"
        if _is_encrypted(path):
            why = "it is protected by a password"
    except OSError as error:
        why = f"it cannot be read ({error.strerror or error})"
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        why = f"it is damaged or not an XLSX workbook ({type(error).__name__}: {error})"
    reader.problem("workbook-unreadable", f"cannot read the workbook: {why}", None)
    return None


def _is_encrypted(path: Path) -> bool:
    """Whether the file is an OLE compound document, as Excel writes encrypted workbooks
    (and old ``.xls`` files)."""
    try:
        with path.open("rb") as handle:
            return handle.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    except OSError:
        return False


def iter_cells(table: Table) -> Iterator[tuple[int, int, CellValue]]:
    """``(row number, column index, value)`` of every non-empty data cell."""
    for row, values in table.rows:
        for column, value in enumerate(values):
            if value is not None:
                yield row, column, value
