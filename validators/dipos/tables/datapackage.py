"""A Frictionless Data Package: the CSV tables (:mod:`.csvio`) and ``datapackage.json``,
which describes each table: its fields and their types, the codes of closed codelists
(``enum`` constraints), its primary key and its foreign keys (a child table's rows
point to their parent's row). ``frictionless validate datapackage.json`` checks it.

References between records (a position's ``holders`` to actors) are not declared as
foreign keys: a reference may point to more than one record type (a link's ``target``
is a position or a proposal), and to records kept outside the package.
"""

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

from .core import Problem, Tables
from .csvio import CSV_SUFFIX, read_csv_table, write_csv_records
from .layout import EMPTY_COLUMN, EXTRA_SUFFIX, INDEX_SUFFIX, TableSpec, layout

DESCRIPTOR: Final = "datapackage.json"

_FIELD_TYPES: Final = {
    "string": "string",
    "json": "string",
    "number": "number",
    "integer": "integer",
    "boolean": "boolean",
}


def _fields(spec: TableSpec) -> list[dict[str, Any]]:
    fields: list[dict[str, Any]] = []
    for key in spec.keys:
        is_index = key.endswith(INDEX_SUFFIX) and spec.parent is not None
        field: dict[str, Any] = {
            "name": key,
            "type": "integer" if is_index else "string",
            "constraints": {"required": True},
        }
        if is_index:
            field["description"] = "The item's position in its list, from 0."
            field["constraints"]["minimum"] = 0
        elif spec.parent is None:
            field["description"] = "The record's id."
        else:
            field["description"] = f"The id of the {key.removesuffix('_id')} the row belongs to."
        fields.append(field)
    for column in spec.columns:
        field = {"name": column.name, "type": _FIELD_TYPES[column.kind]}
        if column.kind == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        description = column.description
        if column.kind == "json":
            what = (
                "properties beyond the declared ones" if column.name.endswith(EXTRA_SUFFIX) else ""
            )
            description = f"{description} (JSON text{': ' + what if what else ''})".strip()
        if description:
            field["description"] = description
        if column.enum is not None:
            field["constraints"] = {"enum": list(column.enum)}
        fields.append(field)
    if spec.has_empty:
        fields.append(
            {
                "name": EMPTY_COLUMN,
                "type": "string",
                "description": "The lists and objects of the row's item written empty "
                "([] or {}), by path, separated by spaces.",
            }
        )
    return fields


def table_schema(spec: TableSpec) -> dict[str, Any]:
    """The Table Schema of a table."""
    schema: dict[str, Any] = {"fields": _fields(spec), "missingValues": [""]}
    if spec.keys:
        schema["primaryKey"] = list(spec.keys)
    parent = spec.parent
    if parent is not None:
        fields = list(spec.keys[:-1])
        schema["foreignKeys"] = [
            {
                "fields": fields,
                "reference": {"resource": parent.name, "fields": list(parent.keys)},
            }
        ]
    return schema


def descriptor(header: dict[str, Any] | None) -> dict[str, Any]:
    """The ``datapackage.json`` of the tables, described from the dataset's own
    properties when there are some (nothing is made up when they are not)."""
    package: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "dipos-dataset",
    }
    if header:
        for key in ("title", "description", "homepage"):
            if isinstance(header.get(key), str):
                package[key] = header[key]
        if isinstance(header.get("license"), str):
            package["licenses"] = [{"name": header["license"]}]
        if isinstance(header.get("dipos_version"), str):
            package["dipos_version"] = header["dipos_version"]
    resources = []
    for name, spec in layout().tables.items():
        resource: dict[str, Any] = {
            "name": name,
            "path": f"{name}{CSV_SUFFIX}",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": table_schema(spec),
        }
        if spec.description:
            resource["description"] = spec.description
        resources.append(resource)
    package["resources"] = resources
    return package


def write_datapackage(records: Iterable[Any], folder: Path) -> None:
    """Write the records as a Data Package in ``folder``: one CSV file per table and
    ``datapackage.json``. Records are read once, in batches."""
    header: dict[str, Any] = {}

    def watch(source: Iterable[Any]) -> Iterator[Any]:
        for record in source:
            if not header and isinstance(record, dict) and record.get("type") == "dataset":
                header.update(record)
            yield record

    write_csv_records(watch(records), folder)
    text = json.dumps(descriptor(header), indent=2, ensure_ascii=False) + "\n"
    (folder / DESCRIPTOR).write_text(text, encoding="utf-8")


def read_datapackage(path: Path) -> tuple[Tables, list[Problem]]:
    """Read a Data Package's tables (``path``: the folder or its ``datapackage.json``).
    Each resource is read as the table it names, from a CSV file inside the folder."""
    descriptor_path = path / DESCRIPTOR if path.is_dir() else path
    folder = descriptor_path.parent
    problems: list[Problem] = []
    try:
        package = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        return Tables(), [Problem(DESCRIPTOR, None, None, f"cannot read it: {error}")]
    resources = package.get("resources") if isinstance(package, dict) else None
    if not isinstance(resources, list):
        return Tables(), [Problem(DESCRIPTOR, None, None, "it has no list of resources")]
    tables = Tables()
    root = folder.resolve()
    for position, resource in enumerate(resources):
        if not isinstance(resource, dict):
            continue
        name = resource.get("name")
        relative = resource.get("path")
        label = name if isinstance(name, str) else f"resource {position}"
        if not isinstance(relative, str) or "://" in relative:
            problems.append(Problem(label, None, None, "the resource needs a local CSV path"))
            continue
        file = (folder / relative).resolve()
        if not file.is_relative_to(root):
            problems.append(Problem(label, None, None, "the resource's path leaves the package"))
            continue
        table, found = read_csv_table(file, label)
        problems.extend(found)
        if table is not None:
            tables.tables[label] = table
    return tables, problems
