"""The checking pipeline: a parsed value (a dataset or a record) in, its findings
and its rows of the compact index out. Every way of reading data (a whole file, a
stream of records, JSON Lines lines, byte ranges in workers, Python objects) ends here."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, finding
from ..index.compact import CompactIndex
from ..index.entries import index_record
from ..index.fields import RECORD_LISTS
from ..index.records import RecordEntry, extract
from ..paths import Path
from .rules.record_checks import problems
from .structure import check_against_type, record_type_problem

Progress = Callable[[int], None]
"""Called with the number of records checked so far in the current file."""


@dataclass(slots=True)
class FilePart:
    """What checking one file (or part of one) gives: its findings, its part of the
    compact index, its record count."""

    findings: list[Finding] = field(default_factory=list)
    index: CompactIndex = field(default_factory=CompactIndex)
    records: int = 0
    parsed: bool = False
    """Whether the whole file parsed (JSON or YAML), so that findings can be located in it."""
    quoted: list[RecordEntry] = field(default_factory=list)
    """With source texts only (``--sources``): the full entries of positions and sources,
    whose quotes are checked against the texts."""


def check_value(
    value: Any,
    part: FilePart,
    file: str,
    line: int | None,
    base: Path = (),
    *,
    keep_quotes: bool = False,
) -> None:
    """Check one parsed value (a dataset or a record) into ``part``."""
    problem = record_type_problem(value, base, file, line)
    if problem is not None:
        part.findings.append(problem)
        return
    if value["type"] == "dataset":
        _check_record("dataset", value, part, file, line, base, keep_quotes)
        # The lists in the order of the file, as a stream reads them: of two records with
        # the same id, the one written first is the original, whichever its list.
        for list_name in [key for key in value if key in RECORD_LISTS]:
            members = value[list_name]
            if not isinstance(members, list):
                continue
            for index, member in enumerate(members):
                check_member(member, (*base, list_name, index), part, file, line, keep_quotes)
    else:
        _check_record(value["type"], value, part, file, line, base, keep_quotes)


def check_member(
    member: Any, path: Path, part: FilePart, file: str, line: int | None, keep_quotes: bool
) -> None:
    """Check an item of a dataset's record list (``path`` ends with the list and index)."""
    member_type = RECORD_LISTS[str(path[-2])]
    problem = record_type_problem(member, path, file, line, member_type)
    if problem is not None:
        part.findings.append(problem)
        member_type_found = member.get("type") if isinstance(member, dict) else None
        if member_type_found in RECORD_LISTS.values():
            _check_record(str(member_type_found), member, part, file, line, path, keep_quotes)
        return
    _check_record(member_type, member, part, file, line, path, keep_quotes)


def _check_record(
    record_type: str,
    value: dict[str, Any],
    part: FilePart,
    file: str,
    line: int | None,
    path: Path,
    keep_quotes: bool,
) -> None:
    record_id = value.get("id")
    record_id = record_id if isinstance(record_id, str) else None
    part.records += 1
    part.findings.extend(check_against_type(record_type, value, path, file, line, record_id))
    for rule, message, rel in problems(record_type, value):
        part.findings.append(finding(rule, message, file, line, None, path + rel, record_id))
    index_record(part.index, value, record_type, line, path)
    if keep_quotes:
        keep_quotes_of(part, value, record_type, file, line, path)


def keep_quotes_of(
    part: FilePart, value: dict[str, Any], record_type: str, file: str, line: int | None, path: Path
) -> None:
    if record_type in ("position", "source"):
        entry = extract(value, record_type, file, line, path, keep_quotes=True)
        if entry is not None:
            part.quoted.append(entry)
