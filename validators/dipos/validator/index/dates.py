"""Reading the dates of the dipos EDTF subset into day ranges.

A date at year or month precision covers every day of that year or month;
``2025-06`` is the range 2025-06-01..2025-06-30. Comparing two dates means
comparing their ranges: one is surely after the other only when its first
possible day comes after the other's last possible day. Dates marked uncertain
or approximate (``?``, ``~``, ``%``) are never compared.

The dates are read by :mod:`dipos.edtf`; this module turns what it reads into day
ordinals, which the rules compare for every record.
"""

from functools import lru_cache
from typing import NamedTuple

from ...edtf import ImpossibleDate, IntervalReversed, read

__all__ = ["OPEN_END", "OPEN_START", "DayRange", "ImpossibleDate", "IntervalReversed", "parse"]

OPEN_START = -1
OPEN_END = 10**9


class DayRange(NamedTuple):
    """The days a date may be: ordinals (``date.toordinal()``) of the first and last."""

    # A named tuple rather than a frozen dataclass: as immutable, and built in about half
    # the time, which pays for reading the date through :mod:`dipos.edtf`.

    first: int
    last: int
    qualified: bool


@lru_cache(maxsize=8192)
def parse(text: str) -> DayRange | None:
    """The day range of an EDTF-subset date or interval; ``None`` if it is not one.

    Raises :class:`ImpossibleDate` for a day its month does not have, and
    :class:`IntervalReversed` (a kind of :class:`ImpossibleDate`) for an interval that
    ends before it starts.
    """
    ends = read(text)
    if ends is None:
        return None
    start, end = ends
    if start is not None and start is end:  # a single date
        return DayRange(
            start.first.toordinal(), start.last.toordinal(), start.uncertain or start.approximate
        )
    return DayRange(
        start.first.toordinal() if start else OPEN_START,
        end.last.toordinal() if end else OPEN_END,
        bool((start and start.qualified) or (end and end.qualified)),
    )
