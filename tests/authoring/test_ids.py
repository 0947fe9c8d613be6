"""Generated ids: stable, from the content, by record type."""

import re

from dipos.authoring.ids import canonical_json, fill_id, generated_id, needs_id
from dipos.patterns import ID_PATTERN

ACTOR = {"type": "actor", "name": "Northland", "kind": "state"}


def test_same_content_same_id_whatever_the_key_order_or_id() -> None:
    reordered = {"kind": "state", "name": "Northland", "type": "actor", "id": ""}
    assert generated_id(ACTOR) == generated_id(reordered)


def test_documented_example_value() -> None:
    assert generated_id(ACTOR) == "actor-6ebefddc267d"


def test_any_change_gives_another_id() -> None:
    assert generated_id(ACTOR) != generated_id({**ACTOR, "name": "Northland "})


def test_whole_floats_count_as_integers() -> None:
    one = {"type": "position", "quantities": [{"value": 5, "unit": "km"}]}
    two = {"type": "position", "quantities": [{"value": 5.0, "unit": "km"}]}
    assert generated_id(one) == generated_id(two)
    assert canonical_json(one) == '{"quantities":[{"unit":"km","value":5}],"type":"position"}'


def test_prefix_by_record_type_and_valid_id() -> None:
    for kind, prefix in [
        ("actor", "actor-"),
        ("territory", "terr-"),
        ("source", "src-"),
        ("proposal", "prop-"),
        ("position", "pos-"),
    ]:
        value = generated_id({"type": kind, "name": "x"})
        assert value.startswith(prefix)
        assert re.fullmatch(prefix + "[0-9a-f]{12}", value)
        assert re.fullmatch(ID_PATTERN, value)


def test_fill_id_only_when_empty() -> None:
    assert needs_id({})
    assert needs_id({"id": None})
    assert needs_id({"id": "  "})
    kept = {"type": "actor", "id": "actor-x", "name": "X"}
    assert fill_id(kept) is kept
    filled = fill_id({"type": "actor", "id": "", "name": "X"})
    assert list(filled) == ["type", "id", "name"]
    assert filled["id"] == generated_id({"type": "actor", "name": "X"})
