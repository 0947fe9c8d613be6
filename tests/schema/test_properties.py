"""Property-based differential tests: generated valid documents are accepted by
python-jsonschema, jsonschema-rs and the models alike, round-trip through the
models unchanged, and every mutation of them gets the same verdict from all."""

import copy
import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from dipos.model import RECORD_TYPES

from . import strategies
from ._hypothesis import PROPERTY_SETTINGS
from ._support import verdicts


def _containers(node: Any, found: list[Any]) -> list[Any]:
    """Every object and array in a document, the document first."""
    if isinstance(node, dict | list):
        found.append(node)
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            _containers(child, found)
    return found


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid document with one change that may or may not make it invalid: a
    property dropped, an unknown property added, a value set to null or to a
    value of another type."""
    document = copy.deepcopy(draw(strategies.records))
    target = draw(st.sampled_from(_containers(document, [])))
    if isinstance(target, list):
        if target:
            index = draw(st.integers(0, len(target) - 1))
            target[index] = draw(st.sampled_from([None, *strategies.OTHER_TYPE_VALUES]))
        return document
    keys = sorted(target)
    action = draw(st.sampled_from(["drop", "add", "null", "retype"]))
    if action == "add" or not keys:
        name = draw(st.from_regex(r"^[a-z_]{1,10}$", fullmatch=True))
        target[name] = draw(st.sampled_from(["value", 1, None]))
    elif action == "drop":
        del target[draw(st.sampled_from(keys))]
    elif action == "null":
        target[draw(st.sampled_from(keys))] = None
    else:
        target[draw(st.sampled_from(keys))] = draw(st.sampled_from(strategies.OTHER_TYPE_VALUES))
    return document


@PROPERTY_SETTINGS
@given(document=strategies.records)
def test_generated_documents_are_valid_for_every_validator(document: dict[str, Any]) -> None:
    result = verdicts(document)
    assert all(result.values()), result


@PROPERTY_SETTINGS
@given(document=strategies.records)
def test_generated_documents_round_trip_through_the_models(document: dict[str, Any]) -> None:
    model_class = RECORD_TYPES[document["type"]]
    instance = model_class.model_validate_json(json.dumps(document))
    assert instance.to_json_dict() == document
    again = model_class.model_validate_json(instance.model_dump_json(exclude_unset=True))
    assert again == instance


@PROPERTY_SETTINGS
@given(document=mutated())
def test_mutated_documents_get_the_same_verdict_from_every_validator(document: Any) -> None:
    result = verdicts(document)
    assert len(set(result.values())) == 1, result
