"""The results of a validation: findings, and the report that holds them.

These types are the library API: code that validates dipos data without the
command line reads `ValidationReport` and its `Finding` items.
"""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

from .catalogue import Severity, get
from .paths import Path, to_json_path, to_pointer
from .safetext import one_line

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in the data.

    ``file`` is the path as given (``"-"`` for standard input, ``"<object>"`` for a
    Python object); ``line`` and ``column`` are 1-based and ``None`` where unknown;
    ``path`` locates the value from the top of the file (in a JSON Lines file, from
    the top of the line).
    """

    rule: str
    """The rule id (see `dipos.validator.catalogue`)."""
    severity: Severity
    """``error``, ``warning`` or ``info``."""
    message: str
    """What is wrong, and what was expected."""
    hint: str = ""
    """How to fix it."""
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: Path = ()
    record_id: str | None = None
    """The ``id`` of the record the problem is in, where known."""
    cell: str | None = None
    """In a workbook or a folder of CSV tables: the sheet and cell, ``Positions!F12``
    (a whole column ``Positions!F:F``, a row ``Positions!12:12``); ``line`` and
    ``column`` are then ``None``."""

    @property
    def pointer(self) -> str:
        """The JSON Pointer (RFC 6901) of the value, e.g. ``/positions/3/evidence``."""
        return to_pointer(self.path)

    @property
    def json_path(self) -> str:
        """The path for people, e.g. ``$.positions[3].evidence``."""
        return to_json_path(self.path)

    @property
    def docs_url(self) -> str:
        """The rule's section on the documentation site."""
        return get(self.rule).docs_url

    def sort_key(self) -> tuple[str, int, int, str, str, int, str]:
        return (
            self.file or "",
            self.line or 0,
            self.column or 0,
            self.cell or "",
            self.pointer,
            _SEVERITY_ORDER[self.severity],
            self.rule,
        )

    def to_dict(self) -> dict[str, Any]:
        """The finding as JSON data (the ``--format json`` items)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "cell": self.cell,
            "pointer": self.pointer,
            "path": self.json_path,
            "record_id": self.record_id,
            "docs_url": self.docs_url,
        }


@dataclass(slots=True)
class ValidationReport:
    """Everything `dipos.validate` found.

    ``ok`` is true when there is no error (warnings and infos do not count);
    ``findings`` are sorted by file, line and column.
    """

    findings: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    """The files checked, as given."""
    records: int = 0
    """How many records were checked."""

    @property
    def errors(self) -> list[Finding]:
        """The findings of severity ``error``."""
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        """The findings of severity ``warning``."""
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def infos(self) -> list[Finding]:
        """The findings of severity ``info``."""
        return [f for f in self.findings if f.severity == "info"]

    @property
    def ok(self) -> bool:
        """True when no finding is an error."""
        return not any(f.severity == "error" for f in self.findings)

    def passes(self, *, strict: bool = False) -> bool:
        """Whether the data passes: no errors, and with ``strict`` no warnings either."""
        if strict:
            return not any(f.severity in ("error", "warning") for f in self.findings)
        return self.ok

    def counts(self) -> dict[str, int]:
        """The number of findings of each severity."""
        counter = Counter(f.severity for f in self.findings)
        return {severity: counter.get(severity, 0) for severity in ("error", "warning", "info")}

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON data."""
        return {
            "ok": self.ok,
            "files": len(self.files),
            "records": self.records,
            "counts": self.counts(),
            "findings": [f.to_dict() for f in self.findings],
        }

    def to_json(self) -> str:
        """The report as a JSON text (what ``--format json`` prints)."""
        return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2).decode()


def finding(
    rule: str,
    message: str,
    file: str,
    line: int | None = None,
    column: int | None = None,
    path: Path = (),
    record_id: str | None = None,
) -> Finding:
    """A finding of a rule, with the rule's severity and fix hint."""
    info = get(rule)
    return Finding(
        rule, info.severity, one_line(message), info.fix, file, line, column, path, record_id
    )
