"""Read the committed codelists (``schema/codelists/*.csv``) and find where the schema
uses each one."""

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema_model import SchemaDefinitions, codelist_mentions


@dataclass(frozen=True, slots=True)
class CodelistTable:
    """One codelist as committed: its columns and rows, as text."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]

    @property
    def codes(self) -> frozenset[str]:
        """Every code of the list, deprecated ones included."""
        return frozenset(row["code"] for row in self.rows)


@dataclass(frozen=True, slots=True)
class Usage:
    """A property that takes its values from a codelist."""

    definition: str
    property: str
    closed: bool


def load_codelists(codelists_dir: Path) -> list[CodelistTable]:
    """Every ``*.csv`` codelist of a folder, by name."""
    tables = []
    for path in sorted(codelists_dir.glob("*.csv")):
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))
        rows = tuple({k: (v or "") for k, v in row.items() if k is not None} for row in reader)
        tables.append(CodelistTable(path.stem, tuple(reader.fieldnames or ()), rows))
    return tables


def _values_schema(schema: dict[str, Any]) -> dict[str, Any]:
    items = schema.get("items")
    return items if schema.get("type") == "array" and isinstance(items, dict) else schema


def match_codelist(
    schema: dict[str, Any], codelists: list[CodelistTable]
) -> tuple[str, bool] | None:
    """The codelist a property's values come from, and whether the schema closes it
    (``enum``): matched by the enum's codes, or by the codelist its description names."""
    values = _values_schema(schema)
    enum = values.get("enum")
    if isinstance(enum, list):
        for table in codelists:
            if set(enum) == table.codes:
                return table.name, True
    known = {table.name for table in codelists}
    for name in codelist_mentions(schema) + codelist_mentions(values):
        if name in known:
            return name, isinstance(enum, list)
    return None


def codelist_usage(
    definitions: SchemaDefinitions, codelists: list[CodelistTable]
) -> dict[str, list[Usage]]:
    """For each codelist, the properties that use it."""
    usage: dict[str, list[Usage]] = {table.name: [] for table in codelists}
    for name, definition in definitions.definitions.items():
        for prop, schema in definition.get("properties", {}).items():
            matched = match_codelist(schema, codelists)
            if matched:
                usage[matched[0]].append(Usage(name, prop, matched[1]))
    return usage
