"""Whatever the data, the validator answers with findings, never an exception.

The schema's own fixture corpus and generated documents with one value changed
(to another type, to text that looks like a date but is not one, to any text) go
through both ways a record can take: the general path (a dict, or an invalid
line) and the fast path for schema-valid lines of a JSON Lines file. A month 13
once stopped ``dipos validate`` with an internal error: it is the kind of case
these tests are for.
"""

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dipos.validator import RULES, validate
from schema import strategies
from schema._hypothesis import PROPERTY_SETTINGS

SCHEMA_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schema"
CASES = sorted(SCHEMA_FIXTURES.glob("*/*.json"))
KNOWN_RULES = {rule.id for rule in RULES}

# Text shaped like the dates of the subset, with any digits: months 00 and 13 to 99,
# days 00 and 32 to 99, reversed intervals, open ends.
_DIGITS_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?[?~%]?"
date_like = st.from_regex(
    rf"^({_DIGITS_DATE}|{_DIGITS_DATE}/{_DIGITS_DATE}|\.\./{_DIGITS_DATE}|{_DIGITS_DATE}/\.\.)$",
    fullmatch=True,
)


def _check_both_ways(document: Any) -> None:
    reports = [validate(document)]
    with tempfile.TemporaryDirectory() as folder:
        lines = Path(folder) / "data.jsonl"
        try:
            text = orjson.dumps(document)
        except TypeError:  # an integer beyond 64 bits, which orjson does not write
            text = json.dumps(document).encode()
        lines.write_bytes(text + b"\n")
        reports.append(validate(lines))
    for report in reports:
        assert {f.rule for f in report.findings} <= KNOWN_RULES


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_schema_fixture_gets_findings_not_an_error(case: Path) -> None:
    _check_both_ways(orjson.loads(case.read_bytes()))


def _string_slots(node: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every place (container, key or index) that holds a string."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, child in items:
        if isinstance(child, str):
            found.append((node, key))
        elif isinstance(child, dict | list):
            _string_slots(child, found)
    return found


@st.composite
def with_one_string_changed(draw: st.DrawFn) -> Any:
    """A valid document with one string (a date's value, an id, a code...) replaced by
    date-shaped text, any text, or a value of another type."""
    document = copy.deepcopy(draw(strategies.records))
    slots = _string_slots(document, [])
    if slots:
        container, key = draw(st.sampled_from(slots))
        container[key] = draw(
            st.one_of(
                date_like, st.text(max_size=12), st.sampled_from(strategies.OTHER_TYPE_VALUES)
            )
        )
    return document


@PROPERTY_SETTINGS
@given(document=with_one_string_changed())
def test_changed_document_gets_findings_not_an_error(document: Any) -> None:
    _check_both_ways(document)


@pytest.mark.parametrize("value", ["2025-13-01", "2025-02-00", "2025-13-32", "2025-00", "0000"])
def test_impossible_or_malformed_date_in_a_valid_position(value: str) -> None:
    position = {
        "type": "position",
        "id": "pos-1",
        "holders": ["actor-1"],
        "move": "demand",
        "topics": ["ceasefire"],
        "summary": "A demand.",
        "stated_on": {"value": value, "basis": "stated"},
        "evidence": [{"source": "source-1", "quote": "We demand it."}],
    }
    _check_both_ways(position)
