"""Cases where the validators are known to disagree, each stated explicitly.

A difference that comes from a validator (not from dipos) is asserted as it is,
so that a change in the validator shows up here. A difference that the dipos
models or generator could remove is an ``xfail(strict=True)``: it fails the day
it is fixed, and the marker is then removed.
"""

import json
from typing import Any

import pytest

from ._support import verdicts

MINIMAL_POSITION: dict[str, Any] = {
    "type": "position",
    "id": "pos-1",
    "holders": ["actor-russia"],
    "move": "demand",
    "topics": ["ceasefire"],
    "summary": "Russia demands a ceasefire.",
    "evidence": [{"source": "src-1", "quote": "a ceasefire", "quote_kind": "direct"}],
}


def _position(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(MINIMAL_POSITION))
    document.update(changes)
    return document


@pytest.mark.parametrize(
    "document",
    [
        _position(id="pos-1\n"),
        _position(topics=["ceasefire\n"]),
        {"type": "actor", "id": "a", "name": "A", "kind": "state", "wikidata": "Q42\n"},
    ],
    ids=["id", "topic", "wikidata"],
)
def test_python_jsonschema_accepts_a_trailing_newline_before_dollar(
    document: dict[str, Any],
) -> None:
    """Python's ``re`` lets ``$`` match before a final newline, and python-jsonschema
    searches with ``re.search``; ECMA-262 (ajv), jsonschema-rs and Rust (pydantic)
    do not. So python-jsonschema alone accepts ``"pos-1\\n"`` as an id. No portable
    pattern syntax avoids this; a Python tool that must reject such values has to
    rely on pydantic or jsonschema-rs, not on python-jsonschema alone."""
    assert verdicts(document) == {
        "python-jsonschema": True,
        "jsonschema-rs": False,
        "pydantic (JSON)": False,
        "pydantic (Python)": False,
    }


@pytest.mark.parametrize(
    "document",
    [
        _position(evidence=[{**MINIMAL_POSITION["evidence"][0], "start": 1.0, "end": 5.0}]),
        {"type": "proposal", "id": "p", "title": "T", "kind": "other", "point_count": 28.0},
    ],
    ids=["evidence-start-end", "point-count"],
)
def test_integral_float_for_an_integer(document: dict[str, Any]) -> None:
    """JSON Schema counts 1.0 as an integer; the models read it as 1 (types.Offset)."""
    assert set(verdicts(document).values()) == {True}


def test_integer_beyond_the_float_range_for_a_number() -> None:
    """The schema bounds numbers to the double range, so every validator rejects 10**400."""
    document = _position(quantities=[{"value": 10**400, "unit": "USD"}])
    assert set(verdicts(document).values()) == {False}


def test_every_pattern_documents_the_trailing_newline() -> None:
    """The divergence above is written in the schema itself, beside every pattern."""
    from dipos.model.types import PATTERN_NOTE
    from dipos.schema import dataset_schema, record_schema

    def patterns_without_note(node: Any) -> int:
        if isinstance(node, dict):
            missing = int("pattern" in node and node.get("$comment") != PATTERN_NOTE["$comment"])
            return missing + sum(patterns_without_note(v) for v in node.values())
        if isinstance(node, list):
            return sum(patterns_without_note(v) for v in node)
        return 0

    assert patterns_without_note(record_schema()) == 0
    assert patterns_without_note(dataset_schema()) == 0
