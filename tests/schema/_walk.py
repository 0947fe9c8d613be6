"""Walking a JSON Schema document keyword by keyword, knowing which values are
sub-schemas and which are data (``enum``, ``const``, ``examples``...)."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

#: Keywords whose value is one sub-schema applying to the same instance location.
IN_PLACE_SCHEMA = frozenset({"not", "if", "then", "else"})
#: Keywords whose value is a list of sub-schemas applying to the same location.
IN_PLACE_LIST = frozenset({"allOf", "anyOf", "oneOf"})
#: Keywords whose value is one sub-schema applying to child instances.
CHILD_SCHEMA = frozenset(
    {
        "items",
        "contains",
        "additionalProperties",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
#: Keywords whose value is a list of sub-schemas applying to child instances.
CHILD_LIST = frozenset({"prefixItems"})
#: Keywords whose value maps names to sub-schemas.
SCHEMA_MAPS = frozenset({"$defs", "properties", "patternProperties", "dependentSchemas"})


@dataclass(frozen=True, slots=True)
class Node:
    """One schema object, where it is, and the `type` known to hold at its instance."""

    schema: dict[str, Any]
    pointer: str
    inherited_type: str | None
    parent_properties: frozenset[str]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def walk(
    schema: Any,
    pointer: str = "",
    inherited_type: str | None = None,
    parent_properties: frozenset[str] = frozenset(),
) -> Iterator[Node]:
    """Every schema object in a document (boolean schemas are skipped)."""
    if not isinstance(schema, dict):
        return
    own_type = schema.get("type") if isinstance(schema.get("type"), str) else None
    here_type = own_type or inherited_type
    here_properties = parent_properties | frozenset(schema.get("properties", {}))
    yield Node(schema, pointer, inherited_type, parent_properties)
    for key, value in schema.items():
        at = f"{pointer}/{_escape(key)}"
        if key in IN_PLACE_SCHEMA:
            yield from walk(value, at, here_type, here_properties)
        elif key in IN_PLACE_LIST:
            for index, sub in enumerate(value):
                yield from walk(sub, f"{at}/{index}", here_type, here_properties)
        elif key in CHILD_SCHEMA:
            yield from walk(value, at)
        elif key in CHILD_LIST:
            for index, sub in enumerate(value):
                yield from walk(sub, f"{at}/{index}")
        elif key in SCHEMA_MAPS:
            for name, sub in value.items():
                yield from walk(sub, f"{at}/{_escape(name)}")


def resolve_pointer(document: Any, pointer: str) -> Any:
    """The value at a JSON Pointer; raises ``KeyError`` or ``IndexError`` if absent."""
    node = document
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node
