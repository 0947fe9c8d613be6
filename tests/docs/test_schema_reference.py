"""The schema reference documents every definition and property of the committed schema."""

import json
import re
from typing import Any

import pytest

from dipos_docs import schema_reference
from dipos_docs.codelist_data import load_codelists, match_codelist
from dipos_docs.schema_examples import Harvest, harvest
from dipos_docs.schema_model import SchemaDefinitions, load_definitions

from ._support import REPO_ROOT, fixture_index


@pytest.fixture(scope="module")
def definitions() -> SchemaDefinitions:
    return load_definitions(REPO_ROOT / "schema")


@pytest.fixture(scope="module")
def page(definitions: SchemaDefinitions) -> str:
    codelists = load_codelists(REPO_ROOT / "schema" / "codelists")
    found = harvest(definitions, fixture_index())
    return schema_reference.render(definitions, codelists, found, "schema/0.1")


def test_every_definition_of_both_schema_files_is_read(definitions: SchemaDefinitions) -> None:
    for name in ("dataset.schema.json", "record.schema.json"):
        schema = json.loads((REPO_ROOT / "schema" / name).read_text(encoding="utf-8"))
        assert set(schema["$defs"]) <= set(definitions.definitions)
    assert "Dataset" in definitions.definitions
    assert definitions.record_types[0] == "Dataset"


def test_every_definition_and_property_has_an_anchor(
    definitions: SchemaDefinitions, page: str
) -> None:
    for name, schema in definitions.definitions.items():
        assert f"## {name} {{#{name.lower()}}}" in page
        for prop in schema.get("properties", {}):
            assert f'<span id="{name.lower()}-{prop}"></span>`{prop}`' in page


def test_every_internal_link_points_to_a_definition(
    definitions: SchemaDefinitions, page: str
) -> None:
    anchors = {name.lower() for name in definitions.definitions} | {"every-object"}
    for target in re.findall(r"\]\(#([^)]+)\)", page):
        assert target in anchors


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"$ref": "#/$defs/Evidence"}, "[Evidence](#evidence)"),
        (
            {"type": "array", "items": {"$ref": "#/$defs/Evidence"}},
            "array of [Evidence](#evidence)",
        ),
        ({"type": "array", "items": {"type": "string"}}, "array of string"),
        (
            {"oneOf": [{"$ref": "#/$defs/StatedDate"}, {"$ref": "#/$defs/InferredDate"}]},
            "date ([stated](#stateddate) or [inferred](#inferreddate))",
        ),
        ({"type": "string", "format": "uri"}, "string (uri)"),
        ({"type": "integer"}, "integer"),
    ],
)
def test_type_markdown(schema: dict[str, Any], expected: str) -> None:
    assert schema_reference.type_markdown(schema) == expected


def test_constraints_in_words() -> None:
    found = schema_reference.constraints(
        {"type": "string", "pattern": "^a|b$", "minLength": 1, "maxLength": 500}
    )
    assert found == ["pattern `^a|b$`", "not empty", "at most 500 characters"]
    items = schema_reference.constraints(
        {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": "^x$"}}
    )
    assert items == ["at least one item", "each item: pattern `^x$`"]


def test_closed_codelists_are_matched_by_their_codes_and_linked() -> None:
    codelists = load_codelists(REPO_ROOT / "schema" / "codelists")
    move = {"type": "string", "enum": sorted(next(t for t in codelists if t.name == "move").codes)}
    assert match_codelist(move, codelists) == ("move", True)
    values = schema_reference.allowed_values(move, codelists)
    assert "(codelists.md#move-demand)" in values
    assert "closed codelist [`move`](codelists.md#move)" in values


def test_open_codelist_is_found_from_the_description() -> None:
    codelists = load_codelists(REPO_ROOT / "schema" / "codelists")
    topics = {
        "type": "array",
        "description": "What it is about (open codelist `topic`).",
        "items": {"type": "string"},
    }
    assert match_codelist(topics, codelists) == ("topic", False)
    assert "open codelist [`topic`](codelists.md#topic)" in schema_reference.allowed_values(
        topics, codelists
    )


def test_examples_come_from_the_schema_first_then_from_the_example_files(
    definitions: SchemaDefinitions,
) -> None:
    found = harvest(definitions, fixture_index())
    id_schema = definitions.definitions["Actor"]["properties"]["id"]
    assert schema_reference.example_of("Actor", "id", id_schema, found) == (
        '`"actor-russia"`, `"pos-2024-06-14-withdrawal"`'
    )
    name_schema = definitions.definitions["Actor"]["properties"]["name"]
    assert schema_reference.example_of("Actor", "name", name_schema, found) == (
        '`"Republic of Northland"`'
    )
    # Nested objects are reached through $ref and the date union (by its `basis`).
    assert ("InferredDate", "inferred_from") in found.values
    assert ("TerritoryScope", "extent") in found.values
    assert schema_reference.example_of("Actor", "name", name_schema, Harvest()) is None


def test_the_extension_rule_is_explained_once(page: str) -> None:
    assert page.count("## Rules for every object") == 1
    assert "**`extensions`**" in page
