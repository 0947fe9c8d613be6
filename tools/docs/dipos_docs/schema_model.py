"""Read the committed JSON Schema files into the definitions the reference documents.

``record.schema.json`` holds every definition (``$defs``), the dataset
included; ``dataset.schema.json`` has the dataset at its root. Both are read
so that nothing either file defines is left out of the reference.
"""

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

SCHEMA_FILES: Final = ("dataset.schema.json", "record.schema.json")
_CODELIST_MENTION: Final = re.compile(r"codelist `([a-z0-9_]+)`")


@dataclass(frozen=True, slots=True)
class SchemaDefinitions:
    """The definitions of the schema, by name, records first, then the objects they
    contain in the order a reader meets them."""

    documents: dict[str, dict[str, Any]]
    definitions: dict[str, dict[str, Any]]
    record_types: tuple[str, ...]

    def is_record(self, name: str) -> bool:
        """Whether a definition is a record type (it has a constant ``type``)."""
        return name in self.record_types


def ref_name(schema: dict[str, Any]) -> str | None:
    """The definition a ``$ref`` points to (``#/$defs/Evidence`` -> ``Evidence``)."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return ref.removeprefix("#/$defs/")
    return None


def referenced(schema: Any) -> list[str]:
    """Every definition a schema refers to, in document order, without repeats."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            name = ref_name(node)
            if name and name not in found:
                found.append(name)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def record_type_of(schema: dict[str, Any]) -> str | None:
    """The ``type`` constant of a record definition (``position``), if it is a record."""
    type_property = schema.get("properties", {}).get("type", {})
    const = type_property.get("const") if isinstance(type_property, dict) else None
    return const if isinstance(const, str) else None


def codelist_mentions(schema: dict[str, Any]) -> list[str]:
    """The codelists a description names ("(codelist `move`)")."""
    description = schema.get("description", "")
    return _CODELIST_MENTION.findall(description) if isinstance(description, str) else []


def load_definitions(schema_dir: Path) -> SchemaDefinitions:
    """Read ``dataset.schema.json`` and ``record.schema.json`` from ``schema_dir``."""
    documents = {
        name: json.loads((schema_dir / name).read_text(encoding="utf-8"))
        for name in SCHEMA_FILES
        if (schema_dir / name).is_file()
    }
    found: dict[str, dict[str, Any]] = {}
    for document in documents.values():
        for name, definition in document.get("$defs", {}).items():
            found.setdefault(name, definition)
    dataset = documents.get("dataset.schema.json")
    if dataset is not None and "Dataset" not in found:
        found["Dataset"] = {k: v for k, v in dataset.items() if not k.startswith("$")}

    records = [name for name, schema in found.items() if record_type_of(schema)]
    record_doc = documents.get("record.schema.json", {})
    union_order = [ref_name(branch) for branch in record_doc.get("oneOf", [])]
    records.sort(key=lambda n: union_order.index(n) if n in union_order else len(union_order))
    # Dataset first: it is what a contributor writes, and it contains the rest.
    if "Dataset" in records:
        records.remove("Dataset")
        records.insert(0, "Dataset")

    ordered = list(records)
    for name in records:
        for child in referenced(found[name]):
            pending = [child]
            while pending:
                current = pending.pop(0)
                if current in found and current not in ordered:
                    ordered.append(current)
                    pending.extend(referenced(found[current]))
    ordered.extend(sorted(n for n in found if n not in ordered))
    return SchemaDefinitions(
        documents=documents,
        definitions={name: found[name] for name in ordered},
        record_types=tuple(records),
    )
