"""The columns a table cannot do without: its keys (a child table's rows name their
record), and the properties its items require (a position's ``move``)."""

from functools import cache
from typing import Any

from ..schema.load import dataset_schema, record_definitions, ref_name
from ..tables.layout import TableSpec


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    name = ref_name(node)
    if name is None:
        return node
    resolved: dict[str, Any] = dataset_schema()["$defs"][name]
    return resolved


def item_schema(spec: TableSpec) -> dict[str, Any] | None:
    """The schema of a table's items (``None`` for a list of plain values)."""
    if spec.parent is None:
        if spec.record_type == "dataset":
            return dataset_schema()
        name = record_definitions().get(spec.record_type or "")
        return dataset_schema()["$defs"].get(name) if name else None
    node = item_schema(spec.parent)
    for segment in spec.path:
        if node is None:
            return None
        node = _resolve(node.get("properties", {}).get(segment, {}))
        if node.get("type") == "array":
            node = _resolve(node.get("items", {}))
    if node is None or "properties" not in node:
        return None
    return node


@cache
def _required(name: str) -> tuple[str, ...]:
    from ..tables.layout import layout

    spec = layout().tables[name]
    columns = [k for k in spec.keys if k not in ("id", spec.index_column)]
    if spec.scalar is not None:
        return (*columns, spec.scalar.name)
    schema = item_schema(spec)
    needed = set(schema.get("required", ())) if schema else set()
    needed.discard("type")
    columns += [c.name for c in spec.columns if len(c.path) == 1 and c.path[0] in needed]
    return tuple(columns)


def required_columns(spec: TableSpec) -> tuple[str, ...]:
    """The columns every table of this kind must have. A main table may leave out ``id``
    (ids are then generated), a child table its index column (rows keep their order)."""
    return _required(spec.name)
