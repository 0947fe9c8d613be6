"""Build the dipos JSON Schema documents from the pydantic models.

Pydantic writes a correct schema, but with a few habits other validators read
differently or reject (ajv in strict mode, jsonschema-rs). This module keeps
the output portable Draft 2020-12:

* no ``"type": "null"`` branches: optional properties are left out, never null;
* no ``discriminator`` keyword (an OpenAPI extension): the ``const`` of each
  branch already tells the branches apart;
* no ``default`` for properties that have none, no auto-generated property
  titles;
* descriptions re-flowed: the docstrings' line breaks inside a paragraph are
  joined, paragraph breaks are kept.

The output is deterministic: the same models give the same bytes.
"""

import json
import re
from typing import Any, Final

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from ..model import Dataset, Record
from ..version import SCHEMA_BASE_URL, SCHEMA_VERSION
from .load import SCHEMA_FILES as SCHEMA_FILES

DRAFT_2020_12: Final = "https://json-schema.org/draft/2020-12/schema"

_GENERATED_NOTE: Final = (
    "Generated from the dipos pydantic models by `dipos schema --write`. Do not edit by hand."
)


class PortableJsonSchema(GenerateJsonSchema):
    """Pydantic's generator, minus the constructs that are not portable."""

    def nullable_schema(self, schema: core_schema.NullableSchema) -> JsonSchemaValue:
        # Optional properties are omitted, never null (see dipos.model._base).
        return self.generate_inner(schema["schema"])

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def schema_id(filename: str) -> str:
    """The ``$id`` of a schema file."""
    return f"{SCHEMA_BASE_URL}{filename}"


def _reflow(text: str) -> str:
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(line.strip() for line in p.splitlines()) for p in paragraphs)


def _clean(node: Any) -> Any:
    if isinstance(node, dict):
        cleaned: dict[str, Any] = {}
        for key, value in node.items():
            if key == "discriminator":
                continue
            if key == "default" and value is None:
                continue
            if key == "description" and isinstance(value, str):
                cleaned[key] = _reflow(value)
                continue
            if key in ("properties", "$defs", "patternProperties"):
                # Children are property names, not keywords: clean only their schemas.
                cleaned[key] = {name: _clean(sub) for name, sub in value.items()}
                continue
            cleaned[key] = _clean(value)
        return cleaned
    if isinstance(node, list):
        return [_clean(item) for item in node]
    return node


EXTENSIONS_DEF: Final = "Extensions"
"""The one definition whose object takes keys of any name: a record's ``extensions``."""


def _hoist_extensions(body: dict[str, Any]) -> dict[str, Any]:
    """Give the ``extensions`` object one named definition that every record refers to, so
    that code generators make one type with an index signature instead of one per record."""
    owners = [body, *body.get("$defs", {}).values()]
    shared: dict[str, Any] | None = None
    for owner in owners:
        prop = owner.get("properties", {}).get("extensions")
        if prop is None:
            continue
        shared = {k: v for k, v in prop.items() if k != "description"}
        if "propertyNames" in shared:  # ajv strictTypes: a string keyword needs its type
            shared["propertyNames"] = {"type": "string", **shared["propertyNames"]}
        # A bare `$ref`: with a sibling keyword (a description), json-schema-to-typescript
        # makes a new type per use (`Extensions1`...), each with its index signature.
        owner["properties"]["extensions"] = {"$ref": f"#/$defs/{EXTENSIONS_DEF}"}
    if shared is not None:
        shared["description"] = (
            "A project's own additions to a record: an object whose keys are names of your "
            "choice, best with a namespace (`acme:reviewed`), and whose values are any JSON. "
            "It is the only object of the format that takes properties the standard does not "
            "define; everywhere else an unknown property is an error. Not for facts the "
            "format has a property for."
        )
        defs = dict(body.get("$defs", {}))
        defs[EXTENSIONS_DEF] = shared
        body["$defs"] = dict(sorted(defs.items()))
    return body


def _document(filename: str, title: str, description: str, body: dict[str, Any]) -> dict[str, Any]:
    body = _hoist_extensions(_clean(body))
    body.pop("title", None)
    body.pop("description", None)
    head: dict[str, Any] = {
        "$schema": DRAFT_2020_12,
        "$id": schema_id(filename),
        "title": title,
        "description": description,
        "$comment": f"dipos schema {SCHEMA_VERSION}. {_GENERATED_NOTE}",
    }
    return head | body


def build_schemas() -> dict[str, dict[str, Any]]:
    """Every schema document, by file name."""
    dataset = Dataset.model_json_schema(
        mode="validation", schema_generator=PortableJsonSchema, ref_template="#/$defs/{model}"
    )
    record = TypeAdapter(Record).json_schema(
        mode="validation", schema_generator=PortableJsonSchema, ref_template="#/$defs/{model}"
    )
    return {
        "dataset.schema.json": _document(
            "dataset.schema.json",
            "dipos dataset",
            _reflow(Dataset.__doc__ or ""),
            dataset,
        ),
        "record.schema.json": _document(
            "record.schema.json",
            "dipos record",
            "Any one dipos record: an actor, territory, source, proposal, position or "
            "dataset, told apart by its `type`. Each line of a dipos JSON Lines file, and "
            "each file that holds a single record, is valid against this schema.",
            record,
        ),
    }


def render(schema: dict[str, Any]) -> str:
    """The text of a schema file: two-space indents, UTF-8, newline at the end."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
