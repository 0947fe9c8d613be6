"""Read a workbook (or a folder of CSV tables) into an explicit dipos dataset, with the
sheet and cell of every value and a finding for everything that could not be read.

The steps:

1. the cells (:mod:`dipos.workbook.cells`: formulas, merged cells, date cells...);
2. the sheets and columns against the table layout (:mod:`dipos.tables`): a sheet that
   is no table, a column that is no column of its table, a required column missing;
3. the tables into records, by the one flattening convention
   (:func:`dipos.tables.tables_to_records`), which also says where each value came from;
4. the less-typing shorthand: the ``Defaults`` sheet (:mod:`dipos.workbook.defaults`)
   and ids generated for rows whose ``id`` is empty (:mod:`dipos.authoring.ids`).

The result is the dataset a contributor meant, written out in full, and a map from
each JSON path of it to its cell, so that the validator's findings on the dataset can
be reported at the cells (:mod:`dipos.workbook.validate`).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from ..authoring.ids import generated_id
from ..tables import Locations, Table, Tables, records_to_dataset, tables_to_records
from ..tables.core import Problem
from ..tables.layout import EMPTY_COLUMN, layout
from ..validator.check.suggest import did_you_mean
from ..validator.findings import Finding
from ..validator.paths import Path as JsonPath
from .cells import ColumnKind, column_letter, read_cells, sheet_ref, workbook_finding
from .defaults import DEFAULTS_SHEET, apply_sheet_defaults, read_defaults
from .required import required_columns

READ_ME_SHEET: Final = "Read me"
CODELISTS_SHEET: Final = "codelists"
TEMPLATE_SHEETS: Final = frozenset({READ_ME_SHEET.lower(), CODELISTS_SHEET, DEFAULTS_SHEET.lower()})
"""Sheets of the template that hold no table (the ``Defaults`` sheet is read apart)."""

PLACEHOLDER: Final = "(row {row})"
"""The id given, while converting, to a main table's row whose ``id`` cell is empty; it
can never be a real id (parentheses are not allowed in ids), and is replaced by the
generated id once the record is read."""


@dataclass(slots=True)
class WorkbookData:
    """A workbook read: the explicit dataset, the reading findings, and where each value
    of the dataset is in the workbook."""

    name: str
    """How findings name the file (the path as given)."""
    dataset: dict[str, Any] | None = None
    """``None`` when the file could not be read at all."""
    findings: list[Finding] = field(default_factory=list)
    locations: Locations = field(default_factory=Locations)
    headers: dict[str, list[str]] = field(default_factory=dict)
    """Each table's columns as read, to name a column's letter."""
    sheets: dict[str, str] = field(default_factory=dict)
    """Each table's sheet (its name in the workbook; for CSV, its file)."""
    files: dict[str, str] = field(default_factory=dict)
    """For a folder of CSV files: each table's file, which findings name."""
    generated_ids: int = 0
    dataset_rows: list[dict[str, Any]] = field(default_factory=list)
    """The rows of the ``datasets`` sheet, as records: ``dataset`` has the first one's
    properties (a workbook may hold several, for a JSON Lines output)."""

    def records(self) -> list[dict[str, Any]]:
        """The records read, as in a JSON Lines file: every dataset row first, then the
        records of the dataset's lists (defaults written in, ids generated)."""
        if self.dataset is None:
            return []
        lists = [k for k, v in self.dataset.items() if isinstance(v, list)]
        header = {k: v for k, v in self.dataset.items() if k not in lists}
        rows = self.dataset_rows or [header]
        return [*rows, *(r for key in lists for r in self.dataset[key])]

    def cell_of(self, path: JsonPath) -> tuple[str, str | None]:
        """The file and cell of a value of the dataset (or of the nearest value around it
        that has one): ``("data.xlsx", "positions!F12")``; the cell is ``None`` when
        nothing around the path came from a cell."""
        found = self.locations.find(path)
        if found is None:
            return self.name, None
        return self.files.get(found.table, self.name), self._cell(
            found.table, found.row, found.column
        )

    def _cell(self, table: str, row: int | None, column: str | None) -> str:
        header = self.headers.get(table, [])
        sheet = self.sheets.get(table, table)
        prefix = "" if table in self.files else f"{sheet_ref(sheet)}!"
        if row is None:
            return f"{prefix}A1" if column is None else prefix + _column_range(header, column)
        if column is not None and column in header:
            return f"{prefix}{column_letter(header.index(column))}{row}"
        return f"{prefix}{row}:{row}"  # the row, when the column is not in the sheet


def _column_range(header: list[str], column: str) -> str:
    if column in header:
        letter = column_letter(header.index(column))
        return f"{letter}:{letter}"
    return "1:1"


_KINDS: Final[dict[str, ColumnKind]] = {"string": "text", "number": "number", "integer": "number"}


def _kinds() -> Callable[[str, str], ColumnKind]:
    """What each column of each sheet expects (a number in a text column is a finding)."""
    from ..tables.xlsxio import table_of_sheet

    def kind(sheet: str, column: str) -> ColumnKind:
        table = table_of_sheet(sheet)
        spec = layout().tables.get(table) if table is not None else None
        if spec is None:
            return "any"
        if column in spec.keys:
            return "number" if column.endswith("_index") else "text"
        for spec_column in spec.columns:
            if spec_column.name == column:
                return _KINDS.get(spec_column.kind, "any")
        return "any"

    return kind


def _is_read(sheet: str) -> bool:
    """Whether a sheet is read: the tables and the Defaults sheet (the Read me, the
    codelists and unknown sheets are not)."""
    from ..tables.xlsxio import table_of_sheet

    name = sheet.strip().lower()
    return name == DEFAULTS_SHEET.lower() or (
        name not in TEMPLATE_SHEETS and table_of_sheet(sheet) is not None
    )


def read_workbook(path: Path, name: str | None = None, *, locate: bool = True) -> WorkbookData:
    """Read an XLSX workbook (never raises on a bad file: see ``findings``). Without
    ``locate`` the cells of the values are not kept (faster, for a conversion): findings
    on the data can then not be placed."""
    from ..tables.xlsxio import _unescape_xlsx, table_of_sheet

    out = WorkbookData(name if name is not None else str(path))
    cells = read_cells(path, name=out.name, kinds=_kinds(), wanted=_is_read)
    out.findings.extend(cells.findings)
    if not cells.readable:
        return out
    tables = Tables()
    defaults_table: Table | None = None
    for sheet in cells.tables:
        lowered = sheet.name.strip().lower()
        if lowered in TEMPLATE_SHEETS:
            if lowered == DEFAULTS_SHEET.lower():
                defaults_table = _as_table(sheet.name, sheet.header, sheet.rows, _unescape_xlsx)
                out.sheets[DEFAULTS_SHEET] = sheet.name
            continue
        table_name = table_of_sheet(sheet.name)
        if table_name is None:
            _unknown_sheet(out, sheet.name, sheet.name)
            continue
        if sheet.hidden:
            out.findings.append(
                workbook_finding(
                    "workbook-sheet-hidden",
                    f"the sheet {sheet.name!r} is hidden; its rows are read all the same",
                    out.name,
                    f"{sheet_ref(sheet.name)}!A1",
                )
            )
        if table_name in tables:
            out.findings.append(
                workbook_finding(
                    "workbook-sheet-unknown",
                    f"a second sheet for the table {table_name!r} is not read",
                    out.name,
                    f"{sheet_ref(sheet.name)}!A1",
                    hint="Move its rows to the first sheet of that table and delete it.",
                )
            )
            continue
        out.sheets[table_name] = sheet.name
        tables.tables[table_name] = _as_table(table_name, sheet.header, sheet.rows, _unescape_xlsx)
    _finish(out, tables, defaults_table, locate)
    return out


def read_csv_folder(folder: Path, name: str | None = None, *, locate: bool = True) -> WorkbookData:
    """Read a folder of CSV files, one per table (``positions.csv``...), and the
    ``Defaults.csv`` file if there is one."""
    from ..tables import read_csv

    out = WorkbookData(name if name is not None else str(folder))
    tables, problems = read_csv(folder)
    prefix = out.name.rstrip("/\\")
    defaults_table: Table | None = None
    for table in list(tables):
        out.files[table.name] = f"{prefix}/{table.name}.csv"
        out.sheets[table.name] = table.name
        if table.name.lower() == DEFAULTS_SHEET.lower():
            defaults_table = tables.tables.pop(table.name)
            out.files[DEFAULTS_SHEET] = out.files.pop(table.name)
            continue
        if table.name not in layout().tables:
            tables.tables.pop(table.name)
            _unknown_sheet(out, table.name, f"{table.name}.csv", file=out.files[table.name])
    _add_problems(out, problems)
    _finish(out, tables, defaults_table, locate)
    return out


def _as_table(
    name: str,
    header: list[str],
    rows: list[tuple[int, list[Any]]],
    unescape: Callable[[str], str],
) -> Table:
    table = Table(name, list(header), [], [])
    assert table.row_numbers is not None
    for number, values in rows:
        table.rows.append([unescape(v) if isinstance(v, str) else v for v in values])
        table.row_numbers.append(number)
    return table


def _unknown_sheet(out: WorkbookData, sheet: str, shown: str, file: str | None = None) -> None:
    names = [*layout().tables, DEFAULTS_SHEET]
    out.findings.append(
        workbook_finding(
            "workbook-sheet-unknown",
            f"{shown!r} is not a dipos table, so nothing in it is read"
            + did_you_mean(sheet, names),
            file or out.name,
            None if file else f"{sheet_ref(sheet)}!A1",
        )
    )


def _where(out: WorkbookData, table: str, row: int | None, column: str | None) -> tuple[str, str]:
    return out.files.get(table, out.name), out._cell(table, row, column)


def _check_columns(out: WorkbookData, tables: Tables, defaulted: set[tuple[str, str]]) -> None:
    """Unknown columns (dropped: their values would be lost silently otherwise) and
    missing required ones; a table without its key column is dropped."""
    for table in list(tables):
        spec = layout().tables[table.name]
        known = {*spec.keys, *(c.name for c in spec.columns)}
        if spec.has_empty:
            known.add(EMPTY_COLUMN)
        keep: list[int] = []
        for position, column in enumerate(table.columns):
            if column in known and column not in (table.columns[i] for i in keep):
                keep.append(position)
                continue
            if column == "":
                if any(row[position] is not None for row in table.rows if position < len(row)):
                    first = next(
                        table.row_number(i)
                        for i, row in enumerate(table.rows)
                        if position < len(row) and row[position] is not None
                    )
                    file, _ = _where(out, table.name, None, None)
                    out.findings.append(
                        workbook_finding(
                            "workbook-column-unknown",
                            f"column {column_letter(position)} has values but no name in row 1",
                            file,
                            _prefix(out, table.name) + f"{column_letter(position)}{first}",
                        )
                    )
                continue
            file, _ = _where(out, table.name, None, None)
            repeated = column in known
            out.findings.append(
                workbook_finding(
                    "workbook-column-unknown",
                    (
                        f"the column {column!r} appears twice; only the first is read"
                        if repeated
                        else f"{column!r} is not a column of {table.name}"
                        + did_you_mean(column, sorted(known))
                    ),
                    file,
                    _prefix(out, table.name) + f"{column_letter(position)}1",
                )
            )
        out.headers[table.name] = list(table.columns)
        if len(keep) != len(table.columns):
            table.columns = [table.columns[i] for i in keep]
            table.rows = [[row[i] if i < len(row) else None for i in keep] for row in table.rows]
        missing = [
            c
            for c in required_columns(spec)
            if c not in table.columns and (table.name, c) not in defaulted
        ]
        for column in missing:
            file, _ = _where(out, table.name, None, None)
            out.findings.append(
                workbook_finding(
                    "workbook-column-missing",
                    f"{table.name} has no column {column!r}, which "
                    + (
                        "links each row to its record" if column in spec.keys else "every row needs"
                    ),
                    file,
                    _prefix(out, table.name) + "1:1",
                )
            )
        if any(k in missing for k in spec.keys if k != spec.index_column):
            tables.tables.pop(table.name)


def _prefix(out: WorkbookData, table: str) -> str:
    if table in out.files:
        return ""
    return f"{sheet_ref(out.sheets.get(table, table))}!"


def _fill_placeholders(tables: Tables) -> None:
    """Give each main-table row with an empty ``id`` a placeholder (see
    :data:`PLACEHOLDER`), so that it is read; its id is generated afterwards."""
    for spec in layout().main.values():
        table = tables.tables.get(spec.name)
        if table is None or "id" not in spec.keys:
            continue
        if "id" not in table.columns:
            table.columns.append("id")
            for row in table.rows:
                row.append(None)
        position = table.columns.index("id")
        for sequence, row in enumerate(table.rows):
            value = row[position]
            if value is None or (isinstance(value, str) and not value.strip()):
                row[position] = PLACEHOLDER.format(row=table.row_number(sequence))


def _add_problems(out: WorkbookData, problems: list[Problem]) -> None:
    for problem in problems:
        file, cell = _where(out, problem.table, problem.row, problem.column)
        out.findings.append(workbook_finding("workbook-table", problem.message, file, cell))


def _finish(out: WorkbookData, tables: Tables, defaults_table: Table | None, locate: bool) -> None:
    defaults = None
    if defaults_table is not None:
        out.headers[DEFAULTS_SHEET] = list(defaults_table.columns)
        defaults, found = read_defaults(defaults_table, out)
        out.findings.extend(found)
    _check_columns(out, tables, defaults.columns if defaults is not None else set())
    _fill_placeholders(tables)
    # The cells of the values are needed for findings, and for defaults limited to rows.
    scoped = defaults is not None and any(
        scope is not None for scopes in defaults.by_list.values() for scope in scopes
    )
    records, problems = tables_to_records(tables, out.locations if locate or scoped else None)
    _add_problems(out, problems)
    out.dataset_rows = [r for r in records if r.get("type") == "dataset"]
    dataset = records_to_dataset(records)
    if defaults is not None:
        dataset = apply_sheet_defaults(dataset, defaults, out.locations)
    out.generated_ids = _generate_ids(dataset)
    out.dataset = dataset


def _generate_ids(dataset: dict[str, Any]) -> int:
    count = 0
    for key, members in dataset.items():
        if not isinstance(members, list) or key == "type":
            continue
        for position, record in enumerate(members):
            if not isinstance(record, dict):
                continue
            value = record.get("id")
            if isinstance(value, str) and value.startswith("(row "):
                content = {k: v for k, v in record.items() if k != "id"}
                members[position] = {
                    "type": record.get("type"),
                    "id": generated_id(content),
                    **{k: v for k, v in content.items() if k != "type"},
                }
                count += 1
    return count
