"""Reading the dates of the dipos EDTF subset into day ranges.

A date at year or month precision covers every day of that year or month;
``2025-06`` is the range 2025-06-01..2025-06-30. Comparing two dates means
comparing their ranges: one is surely after the other only when its first
possible day comes after the other's last possible day. Dates marked uncertain
or approximate (``?``, ``~``, ``%``) are never compared.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

_SINGLE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?([?~%]?)$")
OPEN_START = -1
OPEN_END = 10**9


class ImpossibleDate(ValueError):  # noqa: N818 - reads as a finding name
    """A well-formed date that does not exist (``2025-02-30``)."""


@dataclass(frozen=True, slots=True)
class DayRange:
    """The days a date may be: ordinals (``date.toordinal()``) of the first and last."""

    first: int
    last: int
    qualified: bool


def _single(text: str) -> DayRange | None:
    match = _SINGLE.match(text)
    if match is None:
        return None
    year, month, day, qualifier = match.groups()
    y = int(year)
    if y == 0:
        raise ImpossibleDate(f"year 0000 does not exist in {text!r}")
    if month is None:
        first, last = datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    else:
        m = int(month)
        if day is None:
            first = datetime.date(y, m, 1)
            last = datetime.date(y, m, _days_in_month(y, m))
        else:
            d = int(day)
            days = _days_in_month(y, m)
            if d > days:
                raise ImpossibleDate(
                    f"{y:04d}-{m:02d}-{d:02d} does not exist: "
                    f"{calendar.month_name[m]} {y} has {days} days"
                )
            first = last = datetime.date(y, m, d)
    return DayRange(first.toordinal(), last.toordinal(), bool(qualifier))


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@lru_cache(maxsize=8192)
def parse(text: str) -> DayRange | None:
    """The day range of an EDTF-subset date or interval; ``None`` if it is not one.

    Raises :class:`ImpossibleDate` for a day its month does not have, and for an
    interval that ends before it starts.
    """
    if "/" not in text:
        return _single(text)
    start_text, _, end_text = text.partition("/")
    start = None if start_text == ".." else _single(start_text)
    end = None if end_text == ".." else _single(end_text)
    if (start is None and start_text != "..") or (end is None and end_text != ".."):
        return None
    if start is not None and end is not None and end.last < start.first:
        raise IntervalReversed(f"the interval {text!r} ends before it starts")
    return DayRange(
        start.first if start else OPEN_START,
        end.last if end else OPEN_END,
        bool((start and start.qualified) or (end and end.qualified)),
    )


class IntervalReversed(ImpossibleDate):
    """An interval whose end is before its start."""
