"""Records to tables: each record's values placed in the rows of the layout's tables.

The layout (:mod:`.layout`) is compiled once into *plans*: for each object of the
schema, what each property becomes (a column, a nested object, a child table). A
record is then flattened by walking only the properties it has, which keeps the
cost proportional to the data, not to the (wide) tables.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from .core import Table, Tables
from .layout import (
    EMPTY_COLUMN,
    PATH_SEPARATOR,
    Column,
    Node,
    TableSpec,
    dataset_record_lists,
    layout,
)

_COLUMN, _LIST, _OBJECT, _JSON, _SKIP = range(5)
_CONTAINERS = (dict, list)
_PLAIN = frozenset({str, int, float, bool})


class FlattenError(ValueError):
    """A record does not have the shape the schema gives it (validate it first)."""


@dataclass(slots=True)
class _Plan:
    """How one object of the schema fills a row: property name to action."""

    actions: dict[str, tuple[int, Any]]
    columns: dict[str, int]
    """The properties that are plain values, and their columns (also in ``actions``)."""
    extra: int | None
    """The column of undeclared properties (JSON), if the object allows them."""
    path: str
    """The object's path below the table's item, for the ``_empty`` column."""


@dataclass(slots=True)
class _TablePlan:
    spec: TableSpec
    width: int
    item: _Plan | None
    """For a table of objects (and main tables): the item's plan."""
    empty: int | None
    """The index of the ``_empty`` column."""
    pad: tuple[None, ...] = ()
    """The empty cells after a child table's keys."""


def dumps(value: Any) -> str:
    """JSON text for a JSON column: compact, non-ASCII characters kept as they are."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Compiler:
    def __init__(self) -> None:
        self.tables: dict[str, _TablePlan] = {}
        self.nodes: list[_Plan] = []

    def table(self, spec: TableSpec) -> _TablePlan:
        names = spec.column_names
        index = {name: i for i, name in enumerate(names)}
        empty = index.get(EMPTY_COLUMN)
        plan = _TablePlan(spec, len(names), None, empty, (None,) * (len(names) - len(spec.keys)))
        self.tables[spec.name] = plan
        if spec.item is not None:
            plan.item = self.node(spec.item, index)
            if spec.parent is None:
                plan.item.actions["type"] = (_SKIP, None)
                if spec.keys:
                    plan.item.actions["id"] = (_SKIP, None)
        for child in spec.children:
            self.table(child)
        return plan

    def node(self, node: Node, index: dict[str, int]) -> _Plan:
        actions: dict[str, tuple[int, Any]] = {}
        for name, target in node.properties.items():
            if isinstance(target, Column):
                kind = _JSON if target.kind == "json" else _COLUMN
                actions[name] = (kind, index[target.name])
            elif isinstance(target, Node):
                actions[name] = (_OBJECT, self.node(target, index))
            else:
                actions[name] = (_LIST, target.name)
        extra = index[node.extra.name] if node.extra is not None else None
        columns = {name: target for name, (kind, target) in actions.items() if kind == _COLUMN}
        plan = _Plan(actions, columns, extra, PATH_SEPARATOR.join(node.path))
        self.nodes.append(plan)
        return plan


@cache
def _plans() -> dict[str, _TablePlan]:
    compiler = _Compiler()
    for spec in layout().main.values():
        compiler.table(spec)
    # A list's action leads straight to its table's plan (compiled after its parent).
    for node in compiler.nodes:
        for name, (kind, target) in node.actions.items():
            if kind == _LIST:
                node.actions[name] = (kind, compiler.tables[target])
    return compiler.tables


def _path(base: str, name: str) -> str:
    return f"{base}{PATH_SEPARATOR}{name}" if base else name


class Flattener:
    """Adds records to tables, a record at a time; :meth:`take` hands over the rows so
    far (for writing in batches)."""

    def __init__(self) -> None:
        self._plans = _plans()
        self._main = {t: self._plans[spec.name] for t, spec in layout().main.items()}
        self._lists = dataset_record_lists()
        self._rows: dict[str, list[list[Any]]] = {name: [] for name in self._plans}
        self._count = 0

    def add(self, record: Any) -> None:
        """Add a record (a dict, or a model with ``to_json_dict``); a dataset's record
        lists are added as records of their own."""
        if not isinstance(record, dict) and hasattr(record, "to_json_dict"):
            record = record.to_json_dict()
        if not isinstance(record, dict):
            raise FlattenError(f"a record is a JSON object, not {type(record).__name__}")
        record_type = record.get("type")
        plan = self._main.get(record_type) if isinstance(record_type, str) else None
        if plan is None:
            raise FlattenError(f"unknown record type {record_type!r}")
        if record_type == "dataset":
            header = {k: v for k, v in record.items() if k not in self._lists}
            self._add(plan, header)
            for key in self._lists:
                members = record.get(key)
                if isinstance(members, list):
                    for member in members:
                        self.add(member)
            return
        self._add(plan, record)

    def add_all(self, records: Iterable[Any]) -> None:
        for record in records:
            self.add(record)

    def _add(self, plan: _TablePlan, record: dict[str, Any]) -> None:
        row: list[Any] = [None] * plan.width
        keys: tuple[Any, ...] = ()
        if plan.spec.keys:
            record_id = record.get("id")
            if not isinstance(record_id, str):
                raise FlattenError(f"a {plan.spec.record_type} record needs an `id` (text)")
            row[0] = record_id
            keys = (record_id,)
        empties: list[str] = []
        assert plan.item is not None
        self._fill(plan.item, record, row, keys, empties)
        if empties:
            assert plan.empty is not None
            row[plan.empty] = " ".join(empties)
        self._rows[plan.spec.name].append(row)
        self._count += 1

    def _fill(
        self,
        plan: _Plan,
        values: dict[str, Any],
        row: list[Any],
        keys: tuple[Any, ...],
        empties: list[str],
    ) -> None:
        # The hot loop of an export: one dict lookup and one comparison per property.
        extra: dict[str, Any] | None = None
        columns = plan.columns
        actions = plan.actions
        for name, value in values.items():
            column = columns.get(name)
            if column is not None:
                # Most properties are plain values: the shortest path first.
                if value.__class__ not in _PLAIN:
                    raise FlattenError(f"{_path(plan.path, name)!r} must be a plain value")
                row[column] = value
                continue
            action = actions.get(name)
            if action is None:
                if plan.extra is None:
                    raise FlattenError(f"unknown property {_path(plan.path, name)!r}")
                if extra is None:
                    extra = {}
                extra[name] = value
                continue
            kind, target = action
            if kind == _COLUMN:
                if value is None or isinstance(value, _CONTAINERS):
                    raise FlattenError(f"{_path(plan.path, name)!r} must be a plain value")
                row[target] = value
            elif kind == _LIST:
                if value.__class__ is not list:
                    raise FlattenError(f"{_path(plan.path, name)!r} must be a list")
                if value:
                    self._add_items(target, value, keys)
                else:
                    empties.append(_path(plan.path, name))
            elif kind == _OBJECT:
                if value.__class__ is not dict:
                    raise FlattenError(f"{_path(plan.path, name)!r} must be an object")
                if not value:
                    empties.append(target.path)
                self._fill(target, value, row, keys, empties)
            elif kind == _JSON:
                row[target] = dumps(value)
            # _SKIP: the record's type and id, which the table and its key hold.
        if extra is not None:
            assert plan.extra is not None
            row[plan.extra] = dumps(extra)

    def _add_items(self, plan: _TablePlan, items: list[Any], keys: tuple[Any, ...]) -> None:
        rows = self._rows[plan.spec.name]
        pad = plan.pad
        item_plan = plan.item
        if item_plan is None:
            for position, item in enumerate(items):
                if item is None or isinstance(item, _CONTAINERS):
                    raise FlattenError(f"the items of {plan.spec.name!r} must be plain values")
                rows.append([*keys, position, item])
            return
        for position, item in enumerate(items):
            if item.__class__ is not dict:
                raise FlattenError(f"the items of {plan.spec.name!r} must be objects")
            item_keys = (*keys, position)
            row: list[Any] = [*item_keys, *pad]
            empties: list[str] = []
            self._fill(item_plan, item, row, item_keys, empties)
            if empties:
                assert plan.empty is not None
                row[plan.empty] = " ".join(empties)
            rows.append(row)

    def pending(self) -> int:
        """How many rows the main tables hold (records added since the last take)."""
        return self._count

    def take(self) -> Tables:
        """The tables of the records added so far (every table of the layout); the
        flattener starts again empty."""
        tables = Tables(
            {
                name: Table(name, plan.spec.column_names, self._rows[name])
                for name, plan in self._plans.items()
            }
        )
        self._rows = {name: [] for name in self._plans}
        self._count = 0
        return tables


def records_to_tables(records: Iterable[Any]) -> Tables:
    """The tables of dipos records (dicts; a dataset's records are taken out of it)."""
    flattener = Flattener()
    if isinstance(records, dict):
        flattener.add(records)
    else:
        flattener.add_all(records)
    return flattener.take()


def batches(records: Iterable[Any], size: int = 10_000) -> Iterator[Tables]:
    """The tables of the records, ``size`` records at a time (for streaming writers)."""
    flattener = Flattener()
    for record in records:
        flattener.add(record)
        if flattener.pending() >= size:
            yield flattener.take()
    yield flattener.take()
