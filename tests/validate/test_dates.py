"""The one reader of the dipos EDTF subset, and the day ranges the validator derives from it."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dipos import datespan, edtf
from dipos.model import types
from dipos.validator import validate
from dipos.validator.index import dates

D = date.fromisoformat
OPEN = None

Spec = tuple[str, str, edtf.Precision, bool, bool]
"""An endpoint as (first, last, precision, uncertain, approximate)."""

# value -> (start, end); None for an open end.
ENDS: dict[str, tuple[Spec | None, Spec | None]] = {
    "2025": (("2025-01-01", "2025-12-31", "year", False, False),) * 2,
    "2024-02": (("2024-02-01", "2024-02-29", "month", False, False),) * 2,
    "2025-02": (("2025-02-01", "2025-02-28", "month", False, False),) * 2,
    "2025-04": (("2025-04-01", "2025-04-30", "month", False, False),) * 2,
    "2025-12": (("2025-12-01", "2025-12-31", "month", False, False),) * 2,
    "2024-02-29": (("2024-02-29", "2024-02-29", "day", False, False),) * 2,
    "2024?": (("2024-01-01", "2024-12-31", "year", True, False),) * 2,
    "2025-05~": (("2025-05-01", "2025-05-31", "month", False, True),) * 2,
    "2025-05-17%": (("2025-05-17", "2025-05-17", "day", True, True),) * 2,
    "2025-03-01/2025-03-21": (
        ("2025-03-01", "2025-03-01", "day", False, False),
        ("2025-03-21", "2025-03-21", "day", False, False),
    ),
    "2024-06-14/2024-06": (
        ("2024-06-14", "2024-06-14", "day", False, False),
        ("2024-06-01", "2024-06-30", "month", False, False),
    ),
    "2024~/2025-06?": (
        ("2024-01-01", "2024-12-31", "year", False, True),
        ("2025-06-01", "2025-06-30", "month", True, False),
    ),
    "../2022-02": (OPEN, ("2022-02-01", "2022-02-28", "month", False, False)),
    "2025-06/..": (("2025-06-01", "2025-06-30", "month", False, False), OPEN),
    "../..": (OPEN, OPEN),  # the schema refuses it; the validator reads it as unbounded
}

# value -> the validator's day range: (first, last, qualified); None for an open end.
DAY_RANGES: dict[str, tuple[str | None, str | None, bool]] = {
    "2025": ("2025-01-01", "2025-12-31", False),
    "2024-02": ("2024-02-01", "2024-02-29", False),
    "2024-02-29": ("2024-02-29", "2024-02-29", False),
    "2024?": ("2024-01-01", "2024-12-31", True),
    "2025-05-17%": ("2025-05-17", "2025-05-17", True),
    "2025-03-01/2025-03-21": ("2025-03-01", "2025-03-21", False),
    "2024~/2025-06": ("2024-01-01", "2025-06-30", True),
    "2024/2025-06?": ("2024-01-01", "2025-06-30", True),
    "../2022-02": (OPEN, "2022-02-28", False),
    "2025-06~/..": ("2025-06-01", OPEN, True),
    "../..": (OPEN, OPEN, False),
}

NOT_DATES = [
    "",
    "not a date",
    "25-01-01",
    "2025-6",
    "2025-06-1",
    "2025-13",  # a month the calendar has not: not a date of the subset (no crash)
    "2025-00",
    "2025-02-00",
    "2025-13-32",
    "2025-06-14T10:00",
    " 2025",
    "2025??",
    "2025/",
    "/2025",
    "2025/2026/2027",
    "../../2025",
]

# value -> (exception, message) in the words the validator's findings use.
IMPOSSIBLE: dict[str, tuple[type[ValueError], str]] = {
    "0000": (edtf.ImpossibleDate, "year 0000 does not exist in '0000'"),
    "2025-02-29": (
        edtf.ImpossibleDate,
        "2025-02-29 does not exist: February 2025 has 28 days",
    ),
    "2025-04-31~": (edtf.ImpossibleDate, "2025-04-31 does not exist: April 2025 has 30 days"),
    "1900-02-29": (
        edtf.ImpossibleDate,
        "1900-02-29 does not exist: February 1900 has 28 days",
    ),
    "2025-02-30/2025-03": (
        edtf.ImpossibleDate,
        "2025-02-30 does not exist: February 2025 has 28 days",
    ),
    "x/2025-02-30": (
        edtf.ImpossibleDate,
        "2025-02-30 does not exist: February 2025 has 28 days",
    ),
    "2025-02-30/x": (  # not a date, but both ends are read before the value is refused
        edtf.ImpossibleDate,
        "2025-02-30 does not exist: February 2025 has 28 days",
    ),
    "2025/2024": (edtf.IntervalReversed, "the interval '2025/2024' ends before it starts"),
    "2025-03-02/2025-03-01": (
        edtf.IntervalReversed,
        "the interval '2025-03-02/2025-03-01' ends before it starts",
    ),
}


def _endpoint(spec: Spec | None) -> edtf.Endpoint | None:
    if spec is None:
        return None
    first, last, precision, uncertain, approximate = spec
    return edtf.Endpoint(D(first), D(last), precision, uncertain, approximate)


@pytest.mark.parametrize(("value", "ends"), ENDS.items())
def test_endpoints_precision_and_flags(value: str, ends: tuple[Spec | None, Spec | None]) -> None:
    start, end = ends
    assert edtf.read(value) == (_endpoint(start), _endpoint(end))


def test_a_single_date_is_both_ends() -> None:
    ends = edtf.read("2025-06")
    assert ends is not None
    assert ends[0] is ends[1]


@pytest.mark.parametrize(("value", "expected"), DAY_RANGES.items())
def test_day_ranges(value: str, expected: tuple[str | None, str | None, bool]) -> None:
    first, last, qualified = expected
    assert dates.parse(value) == dates.DayRange(
        dates.OPEN_START if first is None else D(first).toordinal(),
        dates.OPEN_END if last is None else D(last).toordinal(),
        qualified,
    )


@pytest.mark.parametrize("value", NOT_DATES)
def test_not_dates(value: str) -> None:
    assert edtf.read(value) is None
    assert dates.parse(value) is None
    with pytest.raises(ValueError, match="not a dipos EDTF date"):
        datespan.parse(value)


@pytest.mark.parametrize(("value", "error"), IMPOSSIBLE.items())
def test_impossible_dates_and_reversed_intervals(
    value: str, error: tuple[type[ValueError], str]
) -> None:
    kind, message = error
    for reader in (edtf.read, dates.parse, datespan.parse):
        with pytest.raises(kind) as raised:
            reader(value)
        assert type(raised.value) is kind
        assert str(raised.value) == message
    assert datespan.try_parse(value) is None


def test_the_validator_keeps_its_names() -> None:
    """The rules catch these names from ``dipos.validator.index.dates``; they are the reader's."""
    assert dates.ImpossibleDate is edtf.ImpossibleDate
    assert dates.IntervalReversed is edtf.IntervalReversed
    assert issubclass(dates.IntervalReversed, dates.ImpossibleDate)
    assert issubclass(dates.ImpossibleDate, ValueError)


def test_the_timeline_refuses_an_interval_without_a_known_end() -> None:
    with pytest.raises(ValueError, match="at least one known end"):
        datespan.parse("../..")


@pytest.mark.parametrize("value", ["2025-13-01", "2025-02-00", "2025-13-32"])
def test_an_impossible_month_is_a_malformed_date_not_a_crash(value: str, tmp_path: Path) -> None:
    record = {
        "type": "source",
        "id": "s",
        "title": "T",
        "kind": "other",
        "published_on": {"value": value, "basis": "stated"},
    }
    found = [(f.rule, f.json_path) for f in validate(record).findings]
    assert found == [("date-malformed", "$.published_on.value")]
    lines = tmp_path / "sources.jsonl"  # JSON Lines take the validator's fast path
    lines.write_text(json.dumps(record) + "\n", encoding="utf-8")
    found = [(f.rule, f.json_path) for f in validate(lines).findings]
    assert found == [("date-malformed", "$.published_on.value")]


_SCHEMA_DATE = re.compile(types.EDTF_PATTERN)


@given(st.from_regex(types.EDTF_PATTERN, fullmatch=True))
def test_every_schema_date_is_read_the_same_way_everywhere(value: str) -> None:
    try:
        ends = edtf.read(value)
    except edtf.ImpossibleDate as error:
        with pytest.raises(type(error), match=re.escape(str(error))):
            dates.parse.__wrapped__(value)
        return
    assert ends is not None  # what the schema allows, the reader reads
    start, end = ends
    day_range = dates.parse.__wrapped__(value)
    assert day_range is not None
    assert day_range.first == (start.first.toordinal() if start else dates.OPEN_START)
    assert day_range.last == (end.last.toordinal() if end else dates.OPEN_END)
    assert day_range.qualified == any(e is not None and e.qualified for e in ends)
    assert day_range.first <= day_range.last
    span = datespan.parse(value)
    assert (span.start, span.end) == ends
    for endpoint in (e for e in ends if e is not None):
        assert endpoint.first <= endpoint.last
        assert endpoint.qualified == (endpoint.uncertain or endpoint.approximate)


@given(st.text(alphabet="0123456789-/.?~%x", max_size=24))
def test_anything_else_is_read_or_refused_never_a_crash(value: str) -> None:
    try:
        ends = edtf.read(value)
    except edtf.ImpossibleDate:
        return
    assert (ends is not None) == bool(_SCHEMA_DATE.fullmatch(value) or value == "../..")
