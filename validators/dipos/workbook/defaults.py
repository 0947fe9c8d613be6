"""The ``Defaults`` sheet: values entered once, written into every record that lacks them.

Each row of the sheet gives one default:

| sheet | column | value | rows |
| --- | --- | --- | --- |
| positions | stated_on/value | 2025-05-17 | |
| positions | stated_on/basis | stated | |
| position_holders | value | actor-russia | |
| position_evidence | source | src-tass-2025-05-17 | |
| position_holders | value | actor-united-states | 20-31 |

``sheet`` and ``column`` name a column of the template. ``rows`` (optional) limits the
default to the records on those rows of their main sheet (``positions`` rows 20 to 31:
the points of one plan); without it the default applies to every record of the sheet,
and a limited default wins over an unlimited one. ``note`` and other columns are for
people and are not read.

The rule is that of :mod:`dipos.authoring.defaults`, as in an authoring YAML file: a
value the record has is kept; a missing one is filled in. A default in a table of plain
values (``position_holders``, ``position_topics``) gives the whole list to records that
have none (several rows make a list of several); a default in a table of objects
(``position_evidence``) completes each item a record has, and creates none.
"""

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from ..authoring.defaults import apply_defaults, combine
from ..authoring.shape import shape_of
from ..tables import Locations, Table
from ..tables.layout import TableSpec, dataset_record_lists, layout
from ..tables.unflatten import CellRef, read_cell
from ..validator.check.suggest import did_you_mean
from ..validator.findings import Finding
from ..validator.paths import Path as JsonPath
from .cells import column_letter, workbook_finding

if TYPE_CHECKING:
    from .read import WorkbookData

DEFAULTS_SHEET: Final = "Defaults"
DEFAULTS_COLUMNS: Final = ("sheet", "column", "value", "rows", "note")
"""The columns of the ``Defaults`` sheet (``rows`` and ``note`` may be left out)."""

_ROWS = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")

Scope = tuple[tuple[int, int], ...] | None
"""Row ranges a default is limited to (``None``: every row)."""


@dataclass(slots=True)
class SheetDefaults:
    """The defaults read from the sheet, per record list and scope, and the row each
    default was given on (by its property path, list levels left out)."""

    by_list: dict[str, dict[Scope, dict[str, Any]]] = field(default_factory=dict)
    rows: dict[tuple[str, tuple[str, ...]], int] = field(default_factory=dict)
    columns: set[tuple[str, str]] = field(default_factory=set)
    """``(table, column)`` of every default: such a column may be left out of its sheet."""


def _main_and_chain(spec: TableSpec) -> tuple[TableSpec, list[TableSpec]]:
    chain: list[TableSpec] = []
    while spec.parent is not None:
        chain.append(spec)
        spec = spec.parent
    return spec, list(reversed(chain))


def _parse_rows(text: str) -> Scope | str:
    ranges: list[tuple[int, int]] = []
    for part in text.split(","):
        if not part.strip():
            continue
        match = _ROWS.match(part)
        if match is None:
            return f"{part.strip()!r} is not a row number or a range such as 20-31"
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if last < first:
            return f"the range {part.strip()!r} ends before it starts"
        ranges.append((first, last))
    return tuple(ranges) or None


def read_defaults(table: Table, out: "WorkbookData") -> tuple[SheetDefaults, list[Finding]]:
    """The defaults of the ``Defaults`` sheet, and a finding for each row that cannot be
    read."""
    found = SheetDefaults()
    findings: list[Finding] = []
    header = [c.strip().lower() for c in table.columns]
    file = out.files.get(DEFAULTS_SHEET, out.name)
    prefix = (
        "" if DEFAULTS_SHEET in out.files else f"{out.sheets.get(DEFAULTS_SHEET, DEFAULTS_SHEET)}!"
    )

    def problem(rule: str, message: str, row: int, column: str | None) -> None:
        letter = column_letter(header.index(column)) if column in header else "A"
        findings.append(workbook_finding(rule, message, file, f"{prefix}{letter}{row}"))

    for needed in ("sheet", "column", "value"):
        if needed not in header:
            findings.append(
                workbook_finding(
                    "workbook-column-missing",
                    f"the Defaults sheet has no column {needed!r} (its columns: sheet, "
                    "column, value, and optionally rows and note)",
                    file,
                    f"{prefix}1:1",
                )
            )
            return found, findings
    lists = {record_type: key for key, record_type in dataset_record_lists().items()}
    for sequence, values in enumerate(table.rows):
        number = table.row_number(sequence)
        cell = dict(zip(header, values, strict=False))
        sheet, column, value = cell.get("sheet"), cell.get("column"), cell.get("value")
        if sheet is None and column is None and value is None:
            continue
        spec = layout().tables.get(str(sheet).strip()) if sheet is not None else None
        if spec is None:
            problem(
                "workbook-sheet-unknown",
                f"{sheet!r} is not a table of the template"
                + did_you_mean(str(sheet), layout().tables),
                number,
                "sheet",
            )
            continue
        main, chain = _main_and_chain(spec)
        if main.record_type not in lists:
            problem(
                "workbook-table",
                "defaults are for record tables, not for datasets",
                number,
                "sheet",
            )
            continue
        target = next((c for c in spec.columns if c.name == str(column).strip()), None)
        if target is None:
            names = [c.name for c in spec.columns]
            problem(
                "workbook-column-unknown",
                f"{column!r} is not a column of {spec.name} that takes a default"
                + did_you_mean(str(column), names),
                number,
                "column",
            )
            continue
        if value is None:
            problem("workbook-table", "the default has no value", number, "value")
            continue
        try:
            typed = read_cell(value, target.kind)
        except ValueError as error:
            problem("workbook-table", str(error), number, "value")
            continue
        scope = _parse_rows(str(cell["rows"])) if cell.get("rows") is not None else None
        if isinstance(scope, str):
            problem("workbook-table", scope, number, "rows")
            continue
        record_list = lists[str(main.record_type)]
        defaults = found.by_list.setdefault(record_list, {}).setdefault(scope, {})
        path = _place(defaults, chain, target.path, typed)
        found.rows.setdefault((record_list, path), number)
        found.columns.add((spec.name, target.name))
    return found, findings


def _place(
    defaults: dict[str, Any], chain: list[TableSpec], column_path: tuple[str, ...], value: Any
) -> tuple[str, ...]:
    """Put a default in the nested defaults of its record; its path, list levels left out."""
    node = defaults
    path: list[str] = []
    for spec in chain:
        for segment in spec.path[:-1]:
            node = node.setdefault(segment, {})
        path.extend(spec.path)
        last = spec.path[-1]
        if spec.scalar is not None:
            node.setdefault(last, []).append(value)
            return tuple(path)
        node = node.setdefault(last, {})
    for segment in column_path[:-1]:
        node = node.setdefault(segment, {})
    node[column_path[-1]] = value
    return (*path, *column_path)


def _in_scope(scope: Scope, row: int | None) -> bool:
    if scope is None:
        return True
    return row is not None and any(first <= row <= last for first, last in scope)


def apply_sheet_defaults(
    dataset: dict[str, Any], defaults: SheetDefaults, locations: Locations
) -> dict[str, Any]:
    """The dataset with the defaults written into its records; the values filled in are
    located at their row of the ``Defaults`` sheet."""
    for record_list, scoped in defaults.by_list.items():
        records = dataset.get(record_list)
        if not isinstance(records, list):
            continue
        for position, record in enumerate(records):
            if not isinstance(record, dict):
                continue
            where = locations.cells.get((record_list, position))
            row = where.row if where is not None else None
            merged: dict[str, Any] = scoped.get(None, {})
            for scope, values in scoped.items():
                if scope is not None and _in_scope(scope, row):
                    merged = combine(merged, values)
            if not merged:
                continue
            filled = apply_defaults(record, merged, shape_of(str(record.get("type"))))
            _locate_filled(record, filled, (record_list, position), defaults, locations)
            records[position] = filled
    return dataset


def _default_row(defaults: SheetDefaults, record_list: str, path: tuple[str, ...]) -> int | None:
    """The row of the default that filled ``path`` (or of the first default below it, for
    an object filled whole)."""
    row = defaults.rows.get((record_list, path))
    if row is not None:
        return row
    return next(
        (
            number
            for (name, given), number in defaults.rows.items()
            if name == record_list and given[: len(path)] == path
        ),
        None,
    )


def _locate_filled(
    before: Any, after: Any, base: JsonPath, defaults: SheetDefaults, locations: Locations
) -> None:
    """Point each value a default filled in at the default's row."""
    record_list = str(base[0])

    def walk(old: Any, new: Any, path: JsonPath, plain: tuple[str, ...]) -> None:
        if isinstance(new, dict):
            for key, value in new.items():
                if not isinstance(old, dict) or key not in old:
                    row = _default_row(defaults, record_list, (*plain, key))
                    if row is not None:
                        locations.cells[(*path, key)] = CellRef(DEFAULTS_SHEET, row, "value")
                    continue
                walk(old[key], value, (*path, key), (*plain, key))
        elif isinstance(new, list) and isinstance(old, list):
            for index, (o, n) in enumerate(zip(old, new, strict=False)):
                walk(o, n, (*path, index), plain)

    walk(before, after, base, ())
