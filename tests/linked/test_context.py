"""The JSON-LD context: generated from the mapping table, covering every term of the
schema, and published beside the schema."""

import json
from pathlib import Path

import pytest

from dipos.linked.context import array_properties, build_context, context_url
from dipos.linked.terms import CLASSES, SCOPES, TERMS
from dipos.schema import record_schema
from dipos_docs.site import published_schema_files

REPO_ROOT = Path(__file__).resolve().parents[2]


def _properties() -> dict[str, set[str]]:
    """Every property of the schema, with the definitions that have it."""
    found: dict[str, set[str]] = {}
    for name, definition in record_schema()["$defs"].items():
        for prop in definition.get("properties", {}):
            found.setdefault(prop, set()).add(name)
    return found


def test_every_property_of_the_schema_is_a_term() -> None:
    scoped = {name for inner in SCOPES.values() for name in inner}
    known = set(TERMS) | scoped | {"id", "type"}
    missing = sorted(set(_properties()) - known)
    assert not missing, f"add these properties to dipos.linked.terms.TERMS: {missing}"


def test_every_record_type_is_a_class() -> None:
    types = {
        definition["properties"]["type"]["const"]
        for definition in record_schema()["$defs"].values()
        if "const" in definition.get("properties", {}).get("type", {})
    }
    assert types <= set(CLASSES)


def test_the_committed_context_is_the_generated_one() -> None:
    committed = json.loads((REPO_ROOT / "schema" / "context.jsonld").read_text(encoding="utf-8"))
    assert committed == build_context(record_schema())


def test_list_properties_keep_their_shape_when_compacted() -> None:
    context = build_context(record_schema())["@context"]
    for name in array_properties(record_schema()) & set(TERMS):
        assert context[name].get("@container") in ("@set", "@list"), name


def test_a_property_that_is_a_list_in_one_place_only_is_refused() -> None:
    schema = {
        "$defs": {
            "A": {"properties": {"points": {"type": "array"}}},
            "B": {"properties": {"points": {"type": "string"}}},
        }
    }
    with pytest.raises(ValueError, match="points"):
        array_properties(schema)


def test_the_context_is_served_beside_the_schema() -> None:
    published = published_schema_files(REPO_ROOT, "https://dipos.github.io/dipos/")
    url = context_url(record_schema())
    relative = url.removeprefix("https://dipos.github.io/dipos/")
    assert published[relative] == REPO_ROOT / "schema" / "context.jsonld"
    assert relative.rsplit("/", 1)[0] + "/record.schema.json" in published
