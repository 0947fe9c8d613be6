"""Reading the dates of dipos: a subset of EDTF (ISO 8601-2 level 1).

A date is a year (``2025``), a month (``2025-06``) or a day (``2025-06-14``), optionally
followed by ``?`` (uncertain), ``~`` (approximate) or ``%`` (both). A day may instead carry a
time of day (``2025-05-08T14:00:00``, with an optional zone ``Z`` or ``+03:00``); such a date
is not qualified, and it covers its day. An interval joins two
dates with ``/``; ``..`` leaves one end open (``../2022-02``, ``2025-06/..``).

Each date covers the days of its precision: ``2025-06`` is every day from 2025-06-01 to
2025-06-30. This is the one reader of the subset: the validator's day ranges
(:mod:`dipos.validator.dates`) and the documentation's timeline are both read from it.
"""

import calendar
import re
from datetime import date
from typing import Final, Literal, NamedTuple

Precision = Literal["day", "month", "year"]

_SINGLE: Final = re.compile(
    r"^([0-9]{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12][0-9]|3[01]))?)?([?~%]?)$"
)
"""One date; months and days as the schema allows them (a month 13 or a day 00 is not a
date of the subset, rather than a date that does not exist)."""

_WITH_TIME: Final = re.compile(
    r"^([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T(([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])(Z|[+-](?:0[0-9]|1[0-4]):[0-5][0-9])?$"
)
"""One day with a time of day and an optional zone, as ``dipos.patterns.TIME_OF_DAY``."""

_MARKS: Final[dict[str, tuple[bool, bool]]] = {
    "": (False, False),
    "?": (True, False),
    "~": (False, True),
    "%": (True, True),
}
"""Each qualifier as (uncertain, approximate)."""

OPEN: Final = ".."
"""An open end of an interval."""


class ImpossibleDate(ValueError):  # noqa: N818 - reads as a finding name
    """A well-formed date that does not exist (``2025-02-30``)."""


class IntervalReversed(ImpossibleDate):
    """An interval whose end is before its start."""


class Endpoint(NamedTuple):
    """One date of an EDTF value: the first and last day it covers, how precise it is, and
    whether it is marked uncertain or approximate."""

    # A named tuple rather than a frozen dataclass: it is as immutable, and built several
    # times faster; the validator reads one for every date it has not seen before.

    first: date
    last: date
    precision: Precision
    uncertain: bool
    approximate: bool
    time: str | None = None
    """The time of day (``14:00:00``) of a date that gives one."""
    zone: str | None = None
    """The zone of that time (``Z``, ``+03:00``), when the date gives one."""

    @property
    def qualified(self) -> bool:
        """Whether the date is marked uncertain or approximate (``?``, ``~`` or ``%``)."""
        return self.uncertain or self.approximate


Ends = tuple[Endpoint | None, Endpoint | None]
"""The start and end of a value (the same endpoint twice for a single date); ``None`` is an
open end."""


def read_endpoint(text: str) -> Endpoint | None:
    """One date of the subset, or ``None`` when ``text`` is not one.

    Raises :class:`ImpossibleDate` for year 0000 and for a day its month does not have
    (``2025-02-30``).
    """
    match = _SINGLE.match(text)
    if match is None:
        return _read_with_time(text)
    year_text, month_text, day_text, mark = match.groups()
    uncertain, approximate = _MARKS[mark]
    year = int(year_text)
    if year == 0:
        raise ImpossibleDate(f"year 0000 does not exist in {text!r}")
    if month_text is None:
        return Endpoint(date(year, 1, 1), date(year, 12, 31), "year", uncertain, approximate)
    month = int(month_text)
    if day_text is None:
        first = date(year, month, 1)
        last = date(year, month, days_in_month(year, month))
        return Endpoint(first, last, "month", uncertain, approximate)
    day = int(day_text)
    try:
        only = date(year, month, day)
    except ValueError:  # the pattern allows months 01-12 and days 01-31: the day is too late
        days = days_in_month(year, month)
        message = f"{calendar.month_name[month]} {year} has {days} days"
        raise ImpossibleDate(
            f"{year:04d}-{month:02d}-{day:02d} does not exist: {message}"
        ) from None
    return Endpoint(only, only, "day", uncertain, approximate)


def _read_with_time(text: str) -> Endpoint | None:
    match = _WITH_TIME.match(text)
    if match is None:
        return None
    year_text, month_text, day_text, time, _hour, zone = match.groups()
    day = read_endpoint(f"{year_text}-{month_text}-{day_text}")
    if day is None:  # pragma: no cover - the two patterns agree on the day
        return None
    return day._replace(time=time, zone=zone)


def _before(end: Endpoint, start: Endpoint) -> bool:
    """Whether ``end`` is surely before ``start``: an earlier day, or on the same day an
    earlier time in the same zone (times in different zones are not compared)."""
    if end.last < start.first:
        return True
    if end.first != start.first or end.precision != "day" or start.precision != "day":
        return False
    if end.time is None or start.time is None or end.zone != start.zone:
        return False
    return end.time < start.time


def days_in_month(year: int, month: int) -> int:
    """How many days the month has in that year (February: 28, or 29 in a leap year)."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def read(text: str) -> Ends | None:
    """The start and end of an EDTF value of the subset, or ``None`` when it is not one.

    A single date is both the start and the end (the same :class:`Endpoint`). ``../..``
    reads as two open ends; the schema does not allow it, and the timeline refuses it.

    Raises :class:`ImpossibleDate` for a date that does not exist, and
    :class:`IntervalReversed` for an interval that ends before it starts.
    """
    if "/" not in text:
        single = read_endpoint(text)
        return None if single is None else (single, single)
    start_text, _, end_text = text.partition("/")
    # Both ends are read before either is judged malformed: an impossible end is reported
    # even when the other end is not a date.
    start = None if start_text == OPEN else read_endpoint(start_text)
    end = None if end_text == OPEN else read_endpoint(end_text)
    if (start is None and start_text != OPEN) or (end is None and end_text != OPEN):
        return None
    if start is not None and end is not None and _before(end, start):
        raise IntervalReversed(f"the interval {text!r} ends before it starts")
    return start, end
