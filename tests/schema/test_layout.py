"""The record layout derived from the models (``dipos.schema.layout``) and the validator's
tables read from it: no table written out by hand, none out of step with the schema."""

from typing import Any

from dipos.codelists import SPECS
from dipos.patterns import ID_PATTERN
from dipos.schema import record_schema
from dipos.schema.layout import build_layout
from dipos.validator.index import fields

LAYOUT = build_layout()


def _id_references(schema: dict[str, Any]) -> dict[str, set[tuple[str, ...]]]:
    """Every property of each record type that holds the id of another record, found in
    the JSON Schema itself (an id pattern, not the record's own ``id``)."""
    defs = schema["$defs"]

    def walk(node: Any, path: tuple[str, ...], seen: tuple[str, ...]) -> set[tuple[str, ...]]:
        found: set[tuple[str, ...]] = set()
        if not isinstance(node, dict):
            return found
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in seen:
                return found
            return walk(defs[name], path, (*seen, name))
        if node.get("pattern") == ID_PATTERN and path and path[-1] != "id":
            found.add(path)
        for key, sub in node.get("properties", {}).items():
            found |= walk(sub, (*path, key), seen)
        if "items" in node:
            found |= walk(node["items"], (*path, "*"), seen)
        for keyword in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(keyword, []):
                found |= walk(sub, path, seen)
        return found

    return {
        name.lower(): walk(defs[name], (), (name,))
        for name in ("Actor", "Territory", "Source", "Proposal", "Position")
    }


def test_every_id_reference_of_the_schema_is_in_the_layout() -> None:
    """Checked against the schema, not the models: a reference field that lost its
    ``RefersTo`` marker would be missing here."""
    schema_refs = _id_references(record_schema())
    for record_type, paths in schema_refs.items():
        derived = {tuple(pattern) for pattern, _ in LAYOUT["references"][record_type]}
        assert derived == paths, record_type


def test_every_codelist_use_is_in_the_layout() -> None:
    uses = {used for spec in SPECS for used in spec.used_by}
    assert set(LAYOUT["coded_fields"]) == uses - {"StatedDate.basis", "InferredDate.basis"}


def test_the_validator_reads_the_derived_tables() -> None:
    assert LAYOUT["record_lists"] == fields.RECORD_LISTS
    assert list(fields.RECORD_TYPES) == LAYOUT["record_types"]
    assert {t: [[list(p), list(a)] for p, a in refs] for t, refs in fields.REFERENCES.items()} == (
        LAYOUT["references"]
    )
    assert set(fields.CODED_FIELDS) == set(LAYOUT["coded_fields"])
    assert fields.EDTF_FIELDS["position"][0] in {
        tuple(p) for p in LAYOUT["edtf_fields"]["position"]
    }


def test_a_dataset_holds_no_references_of_its_own() -> None:
    # Its records are checked one by one, each as its own type.
    assert LAYOUT["references"]["dataset"] == []
    assert "dataset" not in LAYOUT["edtf_fields"]


def test_a_model_inside_itself_is_walked_once() -> None:
    """A quantity's `applies_to` holds quantities: the walk stops at the second level."""
    places = {tuple(p) for _, p in LAYOUT["coded_fields"]["Quantity.measure"]}
    assert ("quantities", "*", "measure") in places
    assert not any("applies_to" in place for place in places)


def test_the_date_that_places_each_record_in_time_comes_from_the_models() -> None:
    """The ``PlacesInTime`` marker on one date property of a record type; the rules across
    records compare these dates (no table of them is written out by hand)."""
    assert LAYOUT["record_dates"] == {
        "source": "published_on",
        "proposal": "presented_on",
        "position": "stated_on",
    }
    assert LAYOUT["record_dates"] == fields.RECORD_DATES
