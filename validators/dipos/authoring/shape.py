"""Which properties of a record are lists, read from the shipped JSON Schema.

The defaults rule needs it: a default that is one object, for a list property
(``evidence: {source: src-1}``), completes the items a record has and must not
become the value of a record that has none.
"""

from functools import cache
from typing import Any

from ..schema.load import dataset_schema, record_definitions, ref_name

Shape = dict[str, "tuple[bool, Shape | None]"]
"""Per property: whether it is a list, and the shape of its objects (or ``None``)."""


@cache
def shape_of(record_type: str) -> Shape | None:
    """The shape of a record type (``None`` for an unknown type)."""
    definition = record_definitions().get(record_type)
    if definition is None:
        return None
    return _shape(definition, frozenset())


def _shape(name: str, seen: frozenset[str]) -> Shape | None:
    if name in seen:  # a recursive definition: stop here
        return None
    definitions: dict[str, Any] = dataset_schema()["$defs"]
    properties = definitions.get(name, {}).get("properties", {})
    shape: Shape = {}
    for key, schema in properties.items():
        is_list = schema.get("type") == "array"
        target = ref_name(schema.get("items", {}) if is_list else schema)
        shape[key] = (is_list, _shape(target, seen | {name}) if target else None)
    return shape
