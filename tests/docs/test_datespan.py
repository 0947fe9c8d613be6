"""EDTF values of the dipos subset become spans of days (dipos.datespan), in a sensible order."""

from datetime import date

import pytest

from dipos import datespan


@pytest.mark.parametrize(
    ("value", "first", "last", "precision"),
    [
        ("2024-06-14", date(2024, 6, 14), date(2024, 6, 14), "day"),
        ("2024-06", date(2024, 6, 1), date(2024, 6, 30), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ],
)
def test_precision(value: str, first: date, last: date, precision: str) -> None:
    span = datespan.parse(value)
    assert (span.earliest, span.latest) == (first, last)
    assert span.start is not None
    assert span.start.precision == precision


@pytest.mark.parametrize(
    ("value", "uncertain", "approximate"),
    [("2024?", True, False), ("2025-05~", False, True), ("2025-05-17%", True, True)],
)
def test_qualifiers(value: str, uncertain: bool, approximate: bool) -> None:
    span = datespan.parse(value)
    assert span.start is not None
    assert (span.start.uncertain, span.start.approximate) == (uncertain, approximate)
    assert span.hedged


def test_intervals_and_open_ends() -> None:
    closed = datespan.parse("2025-03-01/2025-03-21")
    assert (closed.earliest, closed.latest) == (date(2025, 3, 1), date(2025, 3, 21))
    before = datespan.parse("../2022-02")
    assert before.earliest is None
    assert before.latest == date(2022, 2, 28)
    after = datespan.parse("2025-06/..")
    assert after.latest is None
    assert after.is_interval


@pytest.mark.parametrize(
    "value", ["2025-02-30", "2025-13", "25-01-01", "2025-06-14T10:00", "../..", "2025/2024", ""]
)
def test_rejects_what_cannot_be_placed(value: str) -> None:
    with pytest.raises(ValueError):
        datespan.parse(value)
    assert datespan.try_parse(value) is None


def test_order_on_the_axis() -> None:
    values = [
        "2025",
        "2024-06-14",
        "../2022-02",
        "2024-06",
        "2024-06-14/2024-07",
        "2024?",
        "2025-01~",
    ]
    ordered = sorted(values, key=lambda v: datespan.parse(v).sort_key)
    assert ordered == [
        "../2022-02",  # an open start sorts by its end
        "2024?",  # the whole year 2024 starts on 1 January
        "2024-06",
        "2024-06-14",
        "2024-06-14/2024-07",
        "2025-01~",
        "2025",
    ]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2024-06-14", "2024-06-14"),
        ("2024-06", "June 2024"),
        ("2024?", "2024 (uncertain)"),
        ("../2022-02", "until February 2022"),
        ("2025/..", "from 2025"),
        ("2025-03-01/2025-03-21", "2025-03-01 to 2025-03-21"),
    ],
)
def test_describe(value: str, words: str) -> None:
    assert datespan.describe(datespan.parse(value)) == words
