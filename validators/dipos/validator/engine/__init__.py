"""The engine: files in, a report out. It chooses how each file is read (a strategy)
and hands what is read to the one checking pipeline (:mod:`dipos.validator.check`).

1. Each file is read and checked on its own (:func:`check_file`): syntax,
   structure and one-record rules; each record is reduced to rows of the compact
   index (:mod:`dipos.validator.index.compact`). JSON Lines files are streamed line by
   line, never held whole; so are large JSON dataset files, record by record
   (:mod:`.streamed`). Line and column numbers are worked out afterwards,
   only for the records that have findings.
2. The index parts of all files are merged, and the cross-record rules run
   once over them (:func:`cross_check`).

Step 1 is independent per file (and per range of lines of a JSON Lines file), so
it can be split over worker processes (:mod:`.parallel`); a worker
returns a :class:`FilePart` (findings plus index part), which pickles.
"""

from .files import Parts, check_file
from .runner import cross_check, make_report, resolve_rule_patterns, run

__all__ = [
    "Parts",
    "check_file",
    "cross_check",
    "make_report",
    "resolve_rule_patterns",
    "run",
]
