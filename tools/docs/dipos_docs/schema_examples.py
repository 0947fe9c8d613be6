"""Find real values in the example files for the schema reference.

Walking each example record alongside its schema definition gives, for every
definition, the objects of that kind the examples hold, and for every property
the first value the examples give it. The reference shows those where the
schema itself carries no ``examples``.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from .records import RecordIndex
from .schema_model import SchemaDefinitions, record_type_of, ref_name

_MAX_OBJECTS_PER_DEFINITION: Final = 200


@dataclass(slots=True)
class Harvest:
    """Values found in the examples: objects by definition name, and the first value
    of each (definition, property)."""

    objects: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    values: dict[tuple[str, str], Any] = field(default_factory=dict)

    def best_object(
        self, definition: str, max_chars: int = 1800
    ) -> tuple[str, dict[str, Any]] | None:
        """The example object of a definition that shows the most properties while staying
        short enough to read, with the example file it comes from."""
        candidates = [
            (file, obj)
            for file, obj in self.objects.get(definition, [])
            if len(json.dumps(obj, ensure_ascii=False)) <= max_chars
        ]
        if not candidates:
            return None
        return max(candidates, key=lambda pair: len(pair[1]))


def _branch_for(
    definitions: SchemaDefinitions, branches: list[Any], value: dict[str, Any]
) -> str | None:
    """The branch of a ``oneOf`` whose constants (``basis``, ``type``) the value matches."""
    for branch in branches:
        name = ref_name(branch) if isinstance(branch, dict) else None
        if name is None or name not in definitions.definitions:
            continue
        properties = definitions.definitions[name].get("properties", {})
        constants = {k: s["const"] for k, s in properties.items() if "const" in s}
        if constants and all(value.get(k) == c for k, c in constants.items()):
            return name
    return None


def _nested(
    definitions: SchemaDefinitions, schema: dict[str, Any], value: Any
) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            yield from _nested(definitions, schema["items"], item)
        return
    if not isinstance(value, dict):
        return
    name = ref_name(schema)
    if name is None:
        branches = schema.get("oneOf") or schema.get("anyOf")
        name = _branch_for(definitions, branches, value) if isinstance(branches, list) else None
    if name is not None and name in definitions.definitions:
        yield name, value


def harvest(definitions: SchemaDefinitions, index: RecordIndex) -> Harvest:
    """Collect example objects and property values from every example record."""
    by_type = {
        record_type_of(schema): name
        for name, schema in definitions.definitions.items()
        if record_type_of(schema)
    }
    found = Harvest()

    def walk(name: str, obj: dict[str, Any], file: str) -> None:
        bucket = found.objects.setdefault(name, [])
        if len(bucket) < _MAX_OBJECTS_PER_DEFINITION:
            bucket.append((file, obj))
        properties = definitions.definitions[name].get("properties", {})
        for prop, value in obj.items():
            schema = properties.get(prop)
            if not isinstance(schema, dict):
                continue
            found.values.setdefault((name, prop), value)
            for child, child_value in _nested(definitions, schema, value):
                walk(child, child_value, file)

    for example in index.files:
        if example.header is not None and "Dataset" in definitions.definitions:
            walk("Dataset", example.header, example.relative)
        for record in example.records:
            name = by_type.get(record.get("type"))
            if name is not None:
                walk(name, record, example.relative)
    return found
