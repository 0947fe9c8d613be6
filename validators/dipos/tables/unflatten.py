"""Tables to records: rows read back into dipos records, with a :class:`Problem` for each
cell, row or table that cannot be read (never an exception).

Cells may be typed (from :func:`~dipos.tables.records_to_tables`, a workbook) or text
(from CSV): each is read by its column's type. Items of a list are ordered by their
index column; rows without an index follow, in their order. Only the shape is checked
here; whether the data is valid dipos is the validator's business (convert, then
validate).
"""

import datetime
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .core import Problem, Table, Tables
from .layout import (
    EMPTY_COLUMN,
    PATH_SEPARATOR,
    Column,
    Node,
    TableSpec,
    dataset_record_lists,
    layout,
)

JsonPath = tuple[str | int, ...]

_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)")
_MISSING = object()


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a value of the converted data came from: table, row number, column."""

    table: str
    row: int
    column: str | None


@dataclass(slots=True)
class Locations:
    """Where each value of the converted dataset came from, by its JSON path in the dataset
    document that :func:`records_to_dataset` makes (``("positions", 3, "evidence", 0,
    "quote")``)."""

    cells: dict[JsonPath, CellRef] = field(default_factory=dict)

    def find(self, path: Iterable[str | int]) -> CellRef | None:
        """The cell of a path, or of its nearest enclosing value that has one."""
        steps = tuple(path)
        for end in range(len(steps), -1, -1):
            found = self.cells.get(steps[:end])
            if found is not None:
                return found
        return None


class _CellError(ValueError):
    pass


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise _CellError("expected text, found a true/false value: type it as text")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.date | datetime.time | datetime.timedelta):
        raise _CellError(
            "a spreadsheet date or time, not text: type the date as text in the dipos "
            "format (2025-06-14), e.g. after formatting the cell as Text"
        )
    raise _CellError(f"expected text, found {type(value).__name__}")


def _number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise _CellError("expected a number, found a true/false value")
    if isinstance(value, int | float):
        if (isinstance(value, float) and value != value) or value in (float("inf"), float("-inf")):
            raise _CellError("expected a finite number")
        return value
    if isinstance(value, str):
        text = value.strip()
        if _INTEGER.fullmatch(text):
            return int(text)
        if _NUMBER.fullmatch(text):
            return float(text)
        raise _CellError(f"expected a number (digits, a . for decimals), found {value!r}")
    raise _CellError(f"expected a number, found {type(value).__name__}")


def _integer(value: Any) -> int:
    number = _number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise _CellError(f"expected a whole number, found {value!r}")
        return int(number)
    return number


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise _CellError(f"expected true or false, found {value!r}")


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError as error:
            raise _CellError(f"expected JSON text ({error})") from None
    if isinstance(value, bool | int | float):
        return value
    raise _CellError(f"expected JSON text, found {type(value).__name__}")


_READERS = {
    "string": _text,
    "number": _number,
    "integer": _integer,
    "boolean": _boolean,
    "json": _json,
}


def read_cell(value: Any, kind: str) -> Any:
    """A cell's value as dipos data, for a column of this kind; raises ``ValueError``."""
    return _READERS[kind](value)


def _is_empty(value: Any) -> bool:
    return value is None


def _set(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        target = target.setdefault(step, {})
    target[path[-1]] = value


def _get(target: dict[str, Any], path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(target, dict) or step not in target:
            return _MISSING
        target = target[step]
    return target


def _order(value: dict[str, Any], node: Node, head: tuple[str, ...] = ()) -> dict[str, Any]:
    """The object's properties in the schema's order (undeclared ones last), at every level."""
    ordered: dict[str, Any] = {k: value[k] for k in head if k in value}
    for name, target in node.properties.items():
        if name not in value:
            continue
        inner = value[name]
        if isinstance(target, Node) and isinstance(inner, dict):
            inner = _order(inner, target)
        elif isinstance(target, TableSpec) and target.item is not None and isinstance(inner, list):
            item_node = target.item
            inner = [_order(i, item_node) if isinstance(i, dict) else i for i in inner]
        ordered[name] = inner
    for name, inner in value.items():
        if name not in ordered:
            ordered[name] = inner
    return ordered


@dataclass(slots=True)
class _Item:
    value: Any
    record: int
    """The record's position among the records returned."""
    table: str
    row: int
    cells: list[tuple[tuple[str, ...], str]]
    """The column paths set from this row and their column names (for locations)."""
    path: JsonPath | None = None


@dataclass(slots=True)
class _Pending:
    parent: _Item
    path: tuple[str, ...]
    items: list[tuple[tuple[int, int], _Item]] = field(default_factory=list)


class _Reader:
    def __init__(self, tables: Tables, want_cells: bool) -> None:
        self.tables = tables
        self.layout = layout()
        self.problems: list[Problem] = []
        self.want_cells = want_cells
        self.records: list[_Item] = []
        self.items: dict[str, dict[tuple[Any, ...], _Item]] = {}
        self.pending: dict[str, dict[tuple[tuple[Any, ...], tuple[str, ...]], _Pending]] = {}

    def problem(self, table: str, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(table, row, column, message))

    def run(self) -> None:
        for table in self.tables:
            if table.name not in self.layout.tables:
                self.problem(table.name, None, None, "not a dipos table: rename or remove it")
        by_type: dict[str, list[_Item]] = {}
        for name, spec in self.layout.tables.items():
            given = self.tables.tables.get(name)
            if given is None:
                continue
            found = self.read_table(spec, given)
            if spec.record_type is not None:
                by_type[spec.record_type] = found
        # Records in the layout's order of types, each table's in its rows' order.
        for spec in self.layout.main.values():
            for item in by_type.get(spec.record_type or "", []):
                item.record = len(self.records)
                item.path = ()
                self.records.append(item)
        for name in self.layout.tables:
            for pending in self.pending.get(name, {}).values():
                pending.items.sort(key=lambda entry: entry[0])
                indexes = [key[1] for key, _ in pending.items if key[0] == 0]
                if len(set(indexes)) != len(indexes):
                    seen: set[int] = set()
                    for key, item in pending.items:
                        if key[0] == 0 and key[1] in seen:
                            spec = self.layout.tables[name]
                            self.problem(
                                name, item.row, spec.index_column, "this index appears twice"
                            )
                        seen.add(key[1])
                _set(pending.parent.value, pending.path, [item.value for _, item in pending.items])
                for position, (_, item) in enumerate(pending.items):
                    item.record = pending.parent.record
                    if pending.parent.path is not None:
                        item.path = (*pending.parent.path, *pending.path, position)
        main_specs = {spec.record_type: spec for spec in self.layout.main.values()}
        for item in self.records:
            spec = main_specs[item.value["type"]]
            item.value = _order(item.value, spec.item or Node(()), ("type", "id"))

    def columns(self, spec: TableSpec, table: Table) -> dict[int, Column | str] | None:
        """Each column of the table (by position): a value column, a key, or ``_empty``."""
        known: dict[str, Column | str] = {k: k for k in spec.keys}
        known.update({c.name: c for c in spec.columns})
        if spec.has_empty:
            known[EMPTY_COLUMN] = EMPTY_COLUMN
        found: dict[int, Column | str] = {}
        for position, name in enumerate(table.columns):
            if name is None or name == "":
                continue
            target = known.get(name)
            if target is None:
                self.problem(spec.name, 1, name, "not a column of this table: check its name")
                continue
            if any((t.name if isinstance(t, Column) else t) == name for t in found.values()):
                self.problem(spec.name, 1, name, "this column appears twice")
                continue
            found[position] = target
        missing = [k for k in spec.keys if k not in table.columns]
        if spec.parent is not None:
            # A child table can do without its index column (rows then keep their order).
            missing = [k for k in missing if k != spec.index_column]
        if missing:
            self.problem(spec.name, 1, None, f"the key column {missing[0]!r} is missing: add it")
            return None
        return found

    def read_table(self, spec: TableSpec, table: Table) -> list[_Item]:
        columns = self.columns(spec, table)
        if columns is None:
            return []
        own: dict[tuple[Any, ...], _Item] = {}
        self.items[spec.name] = own
        key_positions = {
            name: position for position, name in enumerate(table.columns) if name in spec.keys
        }
        found: list[_Item] = []
        for sequence, row in enumerate(table.rows):
            number = table.row_number(sequence)
            if all(_is_empty(cell) for cell in row):
                continue
            keys = self.keys(spec, table, row, number, key_positions)
            if keys is None:
                continue
            item = self.read_row(spec, table, row, number, columns, sequence)
            if item is None:
                continue
            if spec.parent is None:
                if keys:
                    if keys in own:
                        self.problem(spec.name, number, "id", f"the id {keys[0]!r} appears twice")
                        continue
                    item.value["id"] = keys[0]
                own[keys or (sequence,)] = item
                found.append(item)
                continue
            self.attach(spec, item, keys, number, sequence)
            own[keys] = item
        return found

    def keys(
        self,
        spec: TableSpec,
        table: Table,
        row: list[Any],
        number: int,
        positions: dict[str, int],
    ) -> tuple[Any, ...] | None:
        values: list[Any] = []
        for name in spec.keys:
            position = positions.get(name)
            cell = row[position] if position is not None and position < len(row) else None
            is_index = name.endswith("_index") and not (spec.parent is None and name == "id")
            if _is_empty(cell):
                if spec.parent is not None and name == spec.index_column:
                    values.append(None)
                    continue
                self.problem(spec.name, number, name, "empty key cell: fill it in")
                return None
            try:
                values.append(_integer(cell) if is_index else _text(cell))
            except _CellError as error:
                self.problem(spec.name, number, name, str(error))
                return None
        return tuple(values)

    def read_row(
        self,
        spec: TableSpec,
        table: Table,
        row: list[Any],
        number: int,
        columns: dict[int, Column | str],
        sequence: int,
    ) -> _Item | None:
        value: dict[str, Any] = {}
        cells: list[tuple[tuple[str, ...], str]] = []
        scalar: Any = _MISSING
        empties: str | None = None
        extras: list[tuple[Column, Any]] = []
        for position, target in columns.items():
            cell = row[position] if position < len(row) else None
            if _is_empty(cell) or (isinstance(target, str) and target != EMPTY_COLUMN):
                continue
            if target == EMPTY_COLUMN:
                empties = cell if isinstance(cell, str) else str(cell)
                continue
            assert isinstance(target, Column)
            try:
                read = read_cell(cell, target.kind)
            except _CellError as error:
                self.problem(spec.name, number, target.name, str(error))
                continue
            if spec.item is not None and self._is_extra(spec, target):
                extras.append((target, read))
                continue
            if spec.scalar is not None and target is spec.scalar:
                scalar = read
            else:
                _set(value, target.path, read)
            if self.want_cells:
                cells.append((target.path, target.name))
        if spec.scalar is not None:
            if scalar is _MISSING:
                self.problem(spec.name, number, spec.scalar.name, "empty value: fill it in")
                return None
            item_value: Any = scalar
        else:
            for column, read in extras:
                if not isinstance(read, dict):
                    self.problem(spec.name, number, column.name, "expected a JSON object")
                    continue
                target_object = _get(value, column.path) if column.path else value
                if target_object is _MISSING:
                    target_object = {}
                    _set(value, column.path, target_object)
                for key, inner in read.items():
                    if key in target_object:
                        self.problem(spec.name, number, column.name, f"{key!r} is also a column")
                        continue
                    target_object[key] = inner
            if empties:
                self.mark_empty(spec, value, empties, number)
            item_value = value
        if spec.parent is None:
            item_value = {"type": spec.record_type, **item_value}
        return _Item(item_value, -1, spec.name, number, cells)

    def _is_extra(self, spec: TableSpec, column: Column) -> bool:
        node = self._node_at(spec, column.path)
        return node is not None and node.extra is column

    def _node_at(self, spec: TableSpec, path: tuple[str, ...]) -> Node | None:
        node = spec.item
        for step in path:
            if node is None:
                return None
            target = node.properties.get(step)
            node = target if isinstance(target, Node) else None
        return node

    def mark_empty(self, spec: TableSpec, value: dict[str, Any], empties: str, number: int) -> None:
        for path_text in empties.split():
            path = tuple(path_text.split(PATH_SEPARATOR))
            parent = self._node_at(spec, path[:-1])
            target = parent.properties.get(path[-1]) if parent is not None else None
            if isinstance(target, TableSpec):
                empty: Any = []
            elif isinstance(target, Node) and target.may_be_empty:
                empty = {}
            else:
                self.problem(
                    spec.name, number, EMPTY_COLUMN, f"{path_text!r} is not a list or object here"
                )
                continue
            if _get(value, path) is not _MISSING:
                self.problem(
                    spec.name, number, EMPTY_COLUMN, f"{path_text!r} is marked empty but has values"
                )
                continue
            _set(value, path, empty)

    def attach(
        self,
        spec: TableSpec,
        item: _Item,
        keys: tuple[Any, ...],
        number: int,
        sequence: int,
    ) -> None:
        assert spec.parent is not None
        parent_keys = keys[:-1]
        parents = self.items.get(spec.parent.name, {})
        parent = parents.get(parent_keys)
        if parent is None:
            shown = ", ".join(f"{k} {v!r}" for k, v in zip(spec.keys, parent_keys, strict=False))
            self.problem(
                spec.name,
                number,
                spec.keys[0],
                f"no row of {spec.parent.name} has {shown}: check the keys",
            )
            return
        index = keys[-1]
        order = (0, index) if index is not None else (1, sequence)
        pending_for_table = self.pending.setdefault(spec.name, {})
        slot = (parent_keys, spec.path)
        pending = pending_for_table.get(slot)
        if pending is None:
            existing = _get(parent.value, spec.path)
            if existing is not _MISSING:
                self.problem(
                    spec.name,
                    number,
                    None,
                    f"{PATH_SEPARATOR.join(spec.path)!r} is marked empty in {spec.parent.name}",
                )
                return
            pending = _Pending(parent, spec.path)
            pending_for_table[slot] = pending
        pending.items.append((order, item))


def tables_to_records(
    tables: Tables, locations: Locations | None = None
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The dipos records in the tables, and the problems met reading them.

    Records come in the order of the main tables (the dataset's own properties first,
    then actors, territories, sources, proposals, positions), each table's in its rows'
    order. A row with a problem in a key is left out; a cell with a problem is left out
    of its record. When ``locations`` is given, it is filled with where each value came
    from, by its JSON path in :func:`records_to_dataset`'s document.
    """
    reader = _Reader(tables, locations is not None)
    reader.run()
    records = [item.value for item in reader.records]
    if locations is not None:
        _fill_locations(reader, locations)
    return records, reader.problems


def _fill_locations(reader: _Reader, locations: Locations) -> None:
    lists = {record_type: key for key, record_type in dataset_record_lists().items()}
    counts: dict[str, int] = {}
    record_paths: dict[int, JsonPath] = {}
    for item in reader.records:
        record_type = item.value.get("type")
        if record_type == "dataset" or record_type not in lists:
            record_paths[item.record] = ()
        else:
            key = lists[record_type]
            position = counts.get(key, 0)
            counts[key] = position + 1
            record_paths[item.record] = (key, position)
    for items in reader.items.values():
        for item in items.values():
            if item.path is None or item.record not in record_paths:
                continue
            base = (*record_paths[item.record], *item.path)
            if base not in locations.cells:
                locations.cells[base] = CellRef(item.table, item.row, None)
            for path, column in item.cells:
                locations.cells[(*base, *path)] = CellRef(item.table, item.row, column)


def records_to_dataset(records: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One dataset document holding the records: the first dataset record's properties
    (a new ``dipos_version`` header when there is none), then the record lists."""
    from ..version import SCHEMA_VERSION

    header: dict[str, Any] | None = None
    lists: dict[str, list[dict[str, Any]]] = {}
    key_of = {record_type: key for key, record_type in dataset_record_lists().items()}
    for record in records:
        record_type = record.get("type")
        if record_type == "dataset":
            if header is None:
                header = dict(record)
            continue
        lists.setdefault(key_of.get(str(record_type), "positions"), []).append(record)
    document = header or {"type": "dataset", "dipos_version": SCHEMA_VERSION}
    for key in key_of.values():
        if key in lists:
            document[key] = lists[key]
    return document
