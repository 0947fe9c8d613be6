"""The dates of dipos as spans of days, for the pages: moved to :mod:`dipos.datespan`
(the report reads them too, and the report is part of the runtime package)."""

from dipos.datespan import DateSpan, Endpoint, describe, parse, try_parse

__all__ = ["DateSpan", "Endpoint", "describe", "parse", "try_parse"]
