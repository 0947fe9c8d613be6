"""The schema documents for code that validates, read once per process.

They are read from the copy shipped inside the package (``dipos/schema/json/``),
which ``dipos schema --write`` keeps byte-for-byte equal to ``schema/*.json`` and
``dipos schema --check`` compares with the models. Reading the files, rather than
generating the schema, keeps pydantic and the models out of the validator's start-up.
"""

import json
from functools import cache
from importlib import resources
from typing import Any, Final

SCHEMA_FILES: Final = ("dataset.schema.json", "record.schema.json")
"""The schema files, by name, in the order they are written."""

PACKAGED_FOLDER: Final = "json"
"""The folder of this package that holds the shipped copy of the schema files."""


def packaged_text(filename: str) -> str:
    """The text of a schema file as shipped inside the package."""
    folder = resources.files(__package__).joinpath(PACKAGED_FOLDER)
    return folder.joinpath(filename).read_text(encoding="utf-8")


@cache
def _load(filename: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(packaged_text(filename))
    return document


LAYOUT_FILE: Final = "layout.json"
"""The record layout derived from the models (:mod:`dipos.schema.layout`), shipped beside
the schema files in the package (not in ``schema/``: it is the validator's, not the
standard's)."""


def layout() -> dict[str, Any]:
    """The record layout: where each record type holds references, codes and dates."""
    return _load(LAYOUT_FILE)


def dataset_schema() -> dict[str, Any]:
    """The schema of a whole dataset (``dataset.schema.json``). Do not modify it."""
    return _load("dataset.schema.json")


def record_schema() -> dict[str, Any]:
    """The schema of any one record (``record.schema.json``). Do not modify it."""
    return _load("record.schema.json")


@cache
def record_definitions() -> dict[str, str]:
    """The definition (under ``$defs`` of :func:`dataset_schema`) of each record type
    (``{"position": "Position", ...}``), read from the items of the dataset's record
    lists rather than written out again."""
    lists = dataset_schema()["properties"]
    found = {}
    for key, record_type in layout()["record_lists"].items():
        name = ref_name(lists[key]["items"])
        if name is not None:
            found[record_type] = name
    return found


def ref_name(node: dict[str, Any]) -> str | None:
    """The name of the definition a schema node's local ``$ref`` (``#/$defs/NAME``) points
    to, or ``None`` when the node is not such a reference."""
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return ref.rsplit("/", 1)[1]
    return None
