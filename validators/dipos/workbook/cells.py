"""Read the cells of an XLSX workbook into plain tables, reporting what a spreadsheet
does to data behind its author's back.

A spreadsheet is not a text file: a cell may hold a formula instead of a value, a
date that was text when typed, a number that lost its leading zeros, a range merged
into one cell. This module reads every sheet (its XML, as a stream: formulas are
seen as formulas, as openpyxl's ``data_only=False`` would show them, and values are
read by openpyxl's rules) and returns, per sheet, the header row and the data rows
as plain values, together with a finding for each such problem at its sheet and
cell (``Positions!F12``). Sheets are read in XML rather than through openpyxl's
object model because that builds an object per cell and per string: minutes for a
workbook of 10,000 positions instead of seconds. It knows nothing
of dipos tables: which sheets and columns mean what is decided by the caller
(:mod:`dipos.workbook.read`).

Nothing here raises on a damaged or unexpected file: the problem is a finding.
"""

import datetime as dt
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.etree import ElementTree

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


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


@dataclass(slots=True)
class _Sheet:
    name: str
    part: str
    hidden: bool


@dataclass(slots=True)
class _Book:
    """What the workbook's parts say before any sheet is read."""

    sheets: list[_Sheet]
    shared: list[str]
    date_styles: frozenset[int]
    timedelta_styles: frozenset[int]
    epoch: dt.datetime


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _text_of(element: Any) -> str:
    """A string item's text: its ``t``, or its runs' ``t`` (phonetic runs left out), as
    openpyxl reads it."""
    plain = element.find(f"{_MAIN}t")
    parts = [plain.text or ""] if plain is not None else []
    parts += [(run.findtext(f"{_MAIN}t") or "") for run in element.findall(f"{_MAIN}r")]
    return "".join(parts)


class _Reader:
    """Reads the sheets' XML directly, as a stream (``xml.etree.ElementTree.iterparse``):
    openpyxl builds an object per cell and per shared string, which for 10,000
    positions costs minutes; the values read are the same as openpyxl's (same rules
    for shared and inline strings, numbers, booleans, dates by number format)."""

    def __init__(
        self, file: str, kinds: Callable[[str, str], ColumnKind], wanted: Callable[[str], bool]
    ) -> None:
        self.file = file
        self.kinds = kinds
        self.wanted = wanted
        self.out = Cells()

    def problem(self, rule: str, message: str, cell: str | None, hint: str | None = None) -> None:
        self.out.findings.append(workbook_finding(rule, message, self.file, cell, hint))

    def sheet(self, archive: zipfile.ZipFile, book: _Book, sheet: _Sheet) -> Table:
        table = Table(name=sheet.name, header=[], hidden=sheet.hidden)
        if not self.wanted(sheet.name):
            return table
        name = sheet.name
        kinds: list[ColumnKind] = []
        blank: list[int] = []
        merged: list[str] = []
        header_read = False
        last = 0
        with archive.open(sheet.part) as handle:
            for _, element in ElementTree.iterparse(handle):
                tag = element.tag
                if tag == f"{_MAIN}mergeCell":
                    merged.append(element.get("ref", ""))
                    continue
                if tag != f"{_MAIN}row":
                    continue
                row_number = int(element.get("r") or 0) or (
                    (table.rows[-1][0] if table.rows else 1) + 1
                )
                cells = self._row(element, book, name, row_number, kinds)
                element.clear()
                if not header_read:
                    header_read = True
                    last = row_number
                    width = max(cells, default=-1) + 1
                    table.header = [self._header(cells.get(i)) for i in range(width)]
                    kinds = [self.kinds(name, h) if h else "any" for h in table.header]
                    continue
                values = [cells.get(i) for i in range(max(cells, default=-1) + 1)]
                # Rows with no cells at all are not in the file: the gap is blank rows.
                blank.extend(range(last + 1, row_number))
                last = row_number
                if all(v is None for v in values):
                    blank.append(row_number)
                    continue
                if blank:
                    self._blank(name, blank)
                    blank = []
                table.rows.append((row_number, values))
        # Trailing blank rows (formatted but empty) are no news: not reported.
        width = max([len(table.header), *(len(values) for _, values in table.rows)])
        table.header += [""] * (width - len(table.header))
        for _, values in table.rows:
            values += [None] * (width - len(values))
        for ref in sorted(merged, key=_range_order):
            first = ref.split(":")[0]
            self.problem(
                "workbook-merged-cells",
                f"cells {ref} are merged: only {first} keeps its value, the others read as empty",
                f"{sheet_ref(name)}!{ref}",
            )
        return table

    def _row(
        self, row: Any, book: _Book, sheet: str, number: int, kinds: list[ColumnKind]
    ) -> dict[int, CellValue]:
        cells: dict[int, CellValue] = {}
        position = -1
        for cell in row.iter(f"{_MAIN}c"):
            ref = cell.get("r")
            match = _CELL_REF.fullmatch(ref) if ref else None
            position = _column_index(match.group(1)) if match else position + 1
            kind = kinds[position] if position < len(kinds) else "any"
            value = self._value(cell, book, (sheet, number, position), kind, not kinds)
            if value is not None:
                cells[position] = value
        return cells

    def _value(
        self, cell: Any, book: _Book, at: tuple[str, int, int], kind: ColumnKind, header: bool
    ) -> CellValue:
        data_type = cell.get("t", "n")
        formula = cell.find(f"{_MAIN}f")
        raw: str | None = cell.findtext(f"{_MAIN}v")
        if formula is not None:
            text = "=" + (formula.text or "")
            if formula.get("t") == "shared" and not formula.text:
                text = "a shared formula"
            self.problem(
                "workbook-formula",
                f"the cell holds the formula {text}: dipos reads typed values, not formulas",
                cell_name(*at),
            )
            return None
        if data_type == "inlineStr":
            inline = cell.find(f"{_MAIN}is")
            text = _text_of(inline) if inline is not None else ""
            return text if text.strip() or header else None
        if raw is None or raw == "":
            return None
        if data_type == "s":
            try:
                text = book.shared[int(raw)]
            except (ValueError, IndexError):
                text = ""
            return text if text.strip() or header else None
        if data_type == "str":
            return raw if raw.strip() or header else None
        if data_type == "b":
            return bool(raw.strip() in ("1", "true"))
        if data_type == "e":
            self.problem(
                "workbook-formula", f"the cell holds the error value {raw}", cell_name(*at)
            )
            return None
        if data_type == "d":
            return self._date(_iso_date(raw), cell_name(*at))
        number = _number(raw)
        if number is None:
            return raw
        style = int(cell.get("s") or 0)
        if style in book.date_styles and not header:
            from openpyxl.utils.datetime import from_excel

            try:
                moment = from_excel(number, book.epoch, timedelta=style in book.timedelta_styles)
            except (OverflowError, ValueError):
                moment = None
            if isinstance(moment, dt.date | dt.time):
                return self._date(moment, cell_name(*at))
        if kind == "text" and not header:
            text = _number_text(number)
            self.problem(
                "workbook-number-cell",
                f"the cell holds the number {text} where text is expected; read as "
                f"{text!r}, which may not be what was typed (`1.10` shows as `1.1`)",
                cell_name(*at),
            )
            return text
        return number

    def _date(self, value: dt.date | dt.time | str, where: str) -> str:
        text = value if isinstance(value, str) else _date_text(value)
        self.problem(
            "workbook-date-cell",
            f"the cell holds a spreadsheet date ({text}), not text: the spreadsheet may "
            "have changed what was typed (`2025-05` becomes the 1st of May)",
            where,
        )
        return text

    def _blank(self, sheet: str, rows: list[int]) -> None:
        span = f"{rows[0]}" if len(rows) == 1 else f"{rows[0]}-{rows[-1]}"
        self.problem(
            "workbook-blank-row",
            f"row{'s' if len(rows) > 1 else ''} {span} {'are' if len(rows) > 1 else 'is'} "
            "empty and skipped",
            f"{sheet_ref(sheet)}!{rows[0]}:{rows[-1]}",
        )

    def _header(self, value: CellValue) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, bool):
            return str(value).lower()
        return _number_text(value)


def _range_order(ref: str) -> tuple[int, int]:
    match = _CELL_REF.match(ref)
    if match is None:
        return (0, 0)
    return (int(match.group(2)), _column_index(match.group(1)))


def _number(raw: str) -> int | float | None:
    try:
        if "." in raw or "e" in raw or "E" in raw:
            return float(raw)
        return int(raw)
    except ValueError:
        return None


def _iso_date(raw: str) -> dt.date | dt.time | str:
    try:
        return dt.datetime.fromisoformat(raw.rstrip("Z"))
    except ValueError:
        return raw


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
    why = ""
    try:
        with zipfile.ZipFile(path) as archive:
            book = _book(archive)
            for sheet in book.sheets:
                reader.out.tables.append(reader.sheet(archive, book, sheet))
        return reader.out
    except zipfile.BadZipFile:
        why = "it is not an XLSX file (an XLSX file is a ZIP archive)"
        if _is_encrypted(path):
            why = "it is protected by a password"
    except OSError as error:
        why = f"it cannot be read ({error.strerror or error})"
    except (
        KeyError,
        ValueError,
        IndexError,
        EOFError,
        NotImplementedError,
        zlib.error,
        ElementTree.ParseError,
        RuntimeError,
    ) as error:
        why = f"it is damaged or not an XLSX workbook ({type(error).__name__}: {error})"
    reader.out = Cells(readable=False)
    reader.problem("workbook-unreadable", f"cannot read the workbook: {why}", None)
    return reader.out


def _part(archive: zipfile.ZipFile, name: str) -> Any:
    return ElementTree.fromstring(archive.read(name))


def _book(archive: zipfile.ZipFile) -> _Book:
    """The sheets (name, part, hidden), shared strings, date styles and epoch."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    workbook = _part(archive, "xl/workbook.xml")
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in archive.namelist():
        for rel in _part(archive, "xl/_rels/workbook.xml.rels").iter(f"{_PACKAGE_REL}Relationship"):
            target = rel.get("Target", "")
            targets[rel.get("Id", "")] = (
                target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            )
    sheets = []
    for sheet in workbook.iter(f"{_MAIN}sheet"):
        part = targets.get(sheet.get(f"{_REL}id", ""), "")
        if part not in archive.namelist():
            continue  # a chart sheet or a dangling relation: no cells
        state = sheet.get("state", "visible")
        sheets.append(_Sheet(sheet.get("name", ""), part, state != "visible"))
    properties = workbook.find(f"{_MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904") in ("1", "true")
    shared: list[str] = []
    if "xl/sharedStrings.xml" in archive.namelist():
        with archive.open("xl/sharedStrings.xml") as handle:
            for _, element in ElementTree.iterparse(handle):
                if element.tag == f"{_MAIN}si":
                    shared.append(_text_of(element).replace("x005F_", ""))
                    element.clear()
    dates: set[int] = set()
    durations: set[int] = set()
    if "xl/styles.xml" in archive.namelist():
        styles = _part(archive, "xl/styles.xml")
        formats = dict(BUILTIN_FORMATS)
        for number_format in styles.iter(f"{_MAIN}numFmt"):
            formats[int(number_format.get("numFmtId", "0"))] = number_format.get("formatCode", "")
        cell_xfs = styles.find(f"{_MAIN}cellXfs")
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else []):
            code = formats.get(int(xf.get("numFmtId", "0")), "")
            if code and is_date_format(code):
                dates.add(index)
                if is_timedelta_format(code):
                    durations.add(index)
    return _Book(
        sheets,
        shared,
        frozenset(dates),
        frozenset(durations),
        CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900,
    )


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
