"""Place the EDTF dates of dipos (a subset of ISO 8601-2 level 1) on a time axis: the
documentation's timeline and ``dipos report`` read them here.

A dipos date may be a year, a month or a day; it may be marked uncertain (``?``),
approximate (``~``) or both (``%``); it may be an interval whose start or end is
open (``../2022-02``). For drawing and sorting, each becomes the span of days
it covers: ``2024`` covers the whole of 2024, ``2024-06`` all of June.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from .edtf import Endpoint, read

__all__ = ["DateSpan", "Endpoint", "describe", "parse", "try_parse"]


@dataclass(frozen=True, slots=True)
class DateSpan:
    """The days an EDTF value covers. ``start`` or ``end`` is None for an open end (``..``)."""

    value: str
    start: Endpoint | None
    end: Endpoint | None

    @property
    def earliest(self) -> date | None:
        """The first day covered, or None when the start is open."""
        return self.start.first if self.start else None

    @property
    def latest(self) -> date | None:
        """The last day covered, or None when the end is open."""
        return self.end.last if self.end else None

    @property
    def is_point(self) -> bool:
        """Whether the value is a single day (not a month, a year or an interval)."""
        return self.start is not None and self.start is self.end and self.start.precision == "day"

    @property
    def is_interval(self) -> bool:
        """Whether the value has two ends (``a/b``, ``../b``, ``a/..``)."""
        return "/" in self.value

    @property
    def hedged(self) -> bool:
        """Whether any end is marked uncertain or approximate."""
        return any(e is not None and (e.uncertain or e.approximate) for e in (self.start, self.end))

    @property
    def sort_key(self) -> tuple[date, date]:
        """Order of the spans on a time axis: by first day, then by last day; an open
        start sorts by its end, an open end by its start."""
        first = self.earliest or self.latest or date.min
        last = self.latest or self.earliest or date.max
        return (first, last)


def parse(value: str) -> DateSpan:
    """The span of an EDTF value of the dipos subset (read by :mod:`dipos.edtf`). Raises
    ValueError when the value is malformed, names an impossible day, is an interval that
    ends before it starts, or has no known end (``../..``)."""
    ends = read(value)
    if ends is None:
        raise ValueError(f"not a dipos EDTF date: {value!r}")
    start, end = ends
    if start is None and end is None:
        raise ValueError(f"an interval needs at least one known end: {value!r}")
    return DateSpan(value, start, end)


def try_parse(value: object) -> DateSpan | None:
    """``parse``, or None when the value is not a date that can be placed."""
    if not isinstance(value, str):
        return None
    try:
        return parse(value)
    except ValueError:
        return None


def describe(span: DateSpan) -> str:
    """The date in words for readers: "2024-06-14", "June 2024 (approximate)",
    "until February 2022"."""

    def one(endpoint: Endpoint) -> str:
        if endpoint.precision == "year":
            words = str(endpoint.first.year)
        elif endpoint.precision == "month":
            words = f"{calendar.month_name[endpoint.first.month]} {endpoint.first.year}"
        else:
            words = endpoint.first.isoformat()
            if endpoint.time is not None:
                words += f" {endpoint.time}{endpoint.zone or ''}"
        marks = [
            m
            for m, on in (("uncertain", endpoint.uncertain), ("approximate", endpoint.approximate))
            if on
        ]
        return f"{words} ({', '.join(marks)})" if marks else words

    if not span.is_interval:
        assert span.start is not None  # a single date always has both ends
        return one(span.start)
    if span.start is None and span.end is not None:
        return f"until {one(span.end)}"
    if span.end is None and span.start is not None:
        return f"from {one(span.start)}"
    assert span.start is not None
    assert span.end is not None
    return f"{one(span.start)} to {one(span.end)}"
