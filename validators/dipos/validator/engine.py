"""The validation pipeline: files in, a report out.

1. Each file is read and checked on its own (:func:`check_file`): syntax,
   structure and one-record rules; each record is reduced to a compact index
   entry. JSON Lines files are streamed line by line. Line and column numbers
   are worked out afterwards, only for files that have findings.
2. The index entries of all files are merged, and the cross-record rules run
   once over them (:func:`cross_check`).

Step 1 is independent per file, so it can be split over worker processes; a
worker returns a :class:`FilePart` (findings plus index entries), which pickles.
"""

import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from typing import Any, BinaryIO

from .catalogue import rule_ids
from .findings import Finding, ValidationReport
from .index import RecordEntry, extract
from .inputs import InputFile
from .paths import Path
from .rules.cross import check_all
from .rules.quotes import SourceTexts, check_quotes
from .rules.record_checks import RecordChecker
from .structure import RECORD_LISTS, check_against_type, record_type_problem
from .syntax import iter_json_lines, read_json
from .textscan import LineIndex, nearest_path, scan
from .yamlload import compose, locate, read_yaml

Progress = Callable[[int], None]
"""Called with the number of records checked so far in the current file."""


@dataclass(slots=True)
class FilePart:
    """What checking one file gives: its findings, its index entries, its record count."""

    findings: list[Finding] = field(default_factory=list)
    entries: list[RecordEntry] = field(default_factory=list)
    records: int = 0
    parsed: bool = False
    """Whether the whole file parsed (JSON or YAML), so that findings can be located in it."""


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
        for list_name, member_type in RECORD_LISTS.items():
            members = value.get(list_name)
            if not isinstance(members, list):
                continue
            for index, member in enumerate(members):
                path = (*base, list_name, index)
                problem = record_type_problem(member, path, file, line, member_type)
                if problem is not None:
                    part.findings.append(problem)
                    member_type_found = member.get("type") if isinstance(member, dict) else None
                    if member_type_found in RECORD_LISTS.values():
                        _check_record(
                            str(member_type_found), member, part, file, line, path, keep_quotes
                        )
                    continue
                _check_record(member_type, member, part, file, line, path, keep_quotes)
    else:
        _check_record(value["type"], value, part, file, line, base, keep_quotes)


def _check_record(
    record_type: str,
    value: dict[str, Any],
    part: FilePart,
    file: str,
    line: int | None,
    path: Path,
    keep_quotes: bool,
) -> None:
    record_id = value.get("id") if isinstance(value.get("id"), str) else None
    part.records += 1
    part.findings.extend(check_against_type(record_type, value, path, file, line, record_id))
    part.findings.extend(RecordChecker(file, line, path, record_id).check(record_type, value))
    entry = extract(value, record_type, file, line, path, keep_quotes=keep_quotes)
    if entry is not None:
        part.entries.append(entry)


def _locate_json(text: str, findings: list[Finding], line: int | None = None) -> list[Finding]:
    """Fill in line and column of findings in a JSON text (or one JSON Lines line)."""
    todo = [f for f in findings if f.column is None]
    if not todo:
        return findings
    wanted: set[Path] = set()
    for f in todo:
        wanted.update(f.path[:end] for end in range(len(f.path) + 1))
    offsets = scan(text, wanted).offsets
    index = LineIndex(text)
    located = []
    for f in findings:
        if f.column is None:
            found = nearest_path(f.path, offsets)
            if found is not None:
                at_line, column = index.position(offsets[found])
                f = replace(f, line=line if line is not None else at_line, column=column)
        located.append(f)
    return located


def _locate_yaml(text: str, findings: list[Finding]) -> list[Finding]:
    if all(f.column is not None for f in findings):
        return findings
    root = compose(text)
    if root is None:
        return findings
    located = []
    for f in findings:
        if f.column is None:
            position = locate(root, f.path)
            if position is not None:
                f = replace(f, line=position[0], column=position[1])
        located.append(f)
    return located


def check_file(
    file: InputFile, *, keep_quotes: bool = False, progress: Progress | None = None
) -> FilePart:
    """Check one file on its own: syntax, structure, one-record rules; index its records.

    Raises ``OSError`` when the file cannot be read.
    """
    part = FilePart()
    if file.kind == "jsonl":
        _check_json_lines(file, part, keep_quotes, progress)
        return part
    data = file.read_bytes()
    reader = read_yaml if file.kind == "yaml" else read_json
    units, syntax_findings = reader(data, file.name)
    part.findings.extend(syntax_findings)
    for unit in units:
        check_value(unit.value, part, file.name, None, keep_quotes=keep_quotes)
    part.parsed = bool(units)
    return part


def locate_findings(file: InputFile, findings: list[Finding]) -> list[Finding]:
    """Fill in line and column of a parsed JSON or YAML file's findings (read again)."""
    if file.kind == "jsonl" or all(f.column is not None for f in findings):
        return findings
    text = file.read_bytes().decode("utf-8-sig")
    if file.kind == "yaml":
        return _locate_yaml(text, findings)
    return _locate_json(text, findings)


def _check_json_lines(
    file: InputFile, part: FilePart, keep_quotes: bool, progress: Progress | None
) -> None:
    handle: BinaryIO
    if file.data is not None:
        handle = io.BytesIO(file.data)
    else:
        assert file.path is not None
        handle = file.path.open("rb")
    with handle:
        for item in iter_json_lines(handle, file.name):
            if isinstance(item, Finding):
                part.findings.append(item)
                continue
            before = len(part.findings)
            check_value(item.value, part, file.name, item.line, keep_quotes=keep_quotes)
            if len(part.findings) > before and item.text is not None:
                part.findings[before:] = _locate_json(item.text, part.findings[before:], item.line)
            if progress is not None and part.records % 5000 == 0:
                progress(part.records)


def cross_check(entries: Sequence[RecordEntry], sources: SourceTexts | None) -> list[Finding]:
    """The cross-record rules over the merged index of all files."""
    found = list(check_all(entries))
    if sources is not None:
        source_entries: dict[str, RecordEntry] = {}
        for entry in entries:
            if entry.type == "source":
                source_entries.setdefault(entry.id, entry)
        found.extend(check_quotes(entries, source_entries, sources))
    return found


def resolve_rule_patterns(patterns: Iterable[str] | None) -> frozenset[str] | None:
    """Rule ids matching ``--select``/``--ignore`` values (ids, or globs like ``schema-*``,
    comma-separated). ``ValueError`` names a value that matches no rule."""
    if patterns is None:
        return None
    known = rule_ids()
    selected: set[str] = set()
    for value in patterns:
        for pattern in filter(None, (p.strip() for p in value.split(","))):
            matched = {rule for rule in known if fnmatchcase(rule, pattern)}
            if not matched:
                from .suggest import did_you_mean

                raise ValueError(f"no rule matches {pattern!r}{did_you_mean(pattern, known)}")
            selected |= matched
    return frozenset(selected)


def run(
    files: Sequence[InputFile],
    *,
    sources: SourceTexts | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    on_file: Callable[[InputFile, int], None] | None = None,
    progress: Progress | None = None,
    context: Sequence[InputFile] = (),
) -> ValidationReport:
    """Check files as one dataset and return the report (findings sorted by file, line).

    ``context`` files are read only for the records that references may name (and ids
    that may clash): their own problems are not reported. They are read first, so that
    an id used both in a context file and in a checked file is reported in the latter.
    """
    selected = resolve_rule_patterns(select)
    ignored = resolve_rule_patterns(ignore) or frozenset()
    findings: list[Finding] = []
    entries: list[RecordEntry] = []
    parsed: list[InputFile] = []
    records = 0
    for file in context:
        entries.extend(check_file(file).entries)
    for number, file in enumerate(files):
        part = check_file(file, keep_quotes=sources is not None, progress=progress)
        findings.extend(part.findings)
        entries.extend(part.entries)
        records += part.records
        if part.parsed:
            parsed.append(file)
        if on_file is not None:
            on_file(file, number + 1)
    checked = {file.name for file in files}
    findings.extend(f for f in cross_check(entries, sources) if f.file in checked)
    findings = _locate_all(findings, parsed)
    return make_report(findings, [f.name for f in files], records, selected, ignored)


def _locate_all(findings: list[Finding], parsed: list[InputFile]) -> list[Finding]:
    by_name = {file.name: file for file in parsed}
    grouped: dict[str, list[Finding]] = {}
    located: list[Finding] = []
    for f in findings:
        if f.column is None and f.file in by_name:
            grouped.setdefault(f.file, []).append(f)
        else:
            located.append(f)
    for name, group in grouped.items():
        located.extend(locate_findings(by_name[name], group))
    return located


def make_report(
    findings: list[Finding],
    files: list[str],
    records: int,
    selected: frozenset[str] | None,
    ignored: frozenset[str],
) -> ValidationReport:
    """Filter (``--select``/``--ignore``) and sort findings into a report."""
    order = {name: i for i, name in enumerate(files)}
    kept = [
        f for f in findings if (selected is None or f.rule in selected) and f.rule not in ignored
    ]
    kept.sort(key=lambda f: (order.get(f.file or "", len(order)), *f.sort_key()))
    return ValidationReport(findings=kept, files=files, records=records)
