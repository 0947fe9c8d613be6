"""The validation pipeline: files in, a report out.

1. Each file is read and checked on its own (:func:`check_file`): syntax,
   structure and one-record rules; each record is reduced to rows of the compact
   index (:mod:`dipos.validator.compact`). JSON Lines files are streamed line by
   line, never held whole; so are large JSON dataset files, record by record
   (:mod:`dipos.validator.streamed`). Line and column numbers are worked out afterwards,
   only for the records that have findings.
2. The index parts of all files are merged, and the cross-record rules run
   once over them (:func:`cross_check`).

Step 1 is independent per file (and per range of lines of a JSON Lines file), so
it can be split over worker processes (:mod:`dipos.validator.parallel`); a worker
returns a :class:`FilePart` (findings plus index part), which pickles.
"""

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from typing import Any

import orjson

from .catalogue import rule_ids
from .compact import CompactIndex
from .entries import index_record
from .fastpath import fast_checks
from .findings import Finding, ValidationReport
from .index import RecordEntry, extract
from .inputs import InputFile
from .jsonstream import streamable
from .paths import Path
from .recover import RecordReader
from .rules.cross import check_all
from .rules.quotes import SourceTexts, check_quotes
from .rules.record_checks import Problem, problems
from .structure import (
    RECORD_LISTS,
    check_against_type,
    record_type_problem,
    record_validator,
)
from .syntax import empty_file, finding, line_duplicate_keys, read_json, read_line
from .textscan import LineIndex, nearest_path, scan
from .yamlload import compose, locate, read_yaml

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
        for list_name in RECORD_LISTS:
            members = value.get(list_name)
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
        _keep_quotes(part, value, record_type, file, line, path)


def _keep_quotes(
    part: FilePart, value: dict[str, Any], record_type: str, file: str, line: int | None, path: Path
) -> None:
    if record_type in ("position", "source"):
        entry = extract(value, record_type, file, line, path, keep_quotes=True)
        if entry is not None:
            part.quoted.append(entry)


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
    return _locate_in_nodes(root, findings)


def _locate_in_nodes(root: Any, findings: list[Finding]) -> list[Finding]:
    """Fill in line and column of findings in a YAML document's node tree."""
    located = []
    for f in findings:
        if f.column is None:
            position = locate(root, f.path)
            if position is not None:
                f = replace(f, line=position[0], column=position[1])
        located.append(f)
    return located


def check_file(
    file: InputFile,
    *,
    keep_quotes: bool = False,
    progress: Progress | None = None,
    index: CompactIndex | None = None,
) -> FilePart:
    """Check one file on its own: syntax, structure, one-record rules; index its records
    (into ``index`` when given: the index of the files before it).

    Raises ``OSError`` when the file cannot be read.
    """
    part = FilePart() if index is None else FilePart(index=index)
    if streamable(file):
        from .streamed import check_streamed

        streamed = check_streamed(file, part.index.hasher, keep_quotes)
        if streamed is not None:
            part.findings.extend(streamed.findings)
            part.records += streamed.records
            part.quoted.extend(streamed.quoted)
            part.index.merge(streamed.index)
            return part
    part.index.start_file(file.name)
    if file.kind == "jsonl":
        _check_json_lines(file, part, keep_quotes, progress)
        return part
    data = file.read_bytes()
    reader = read_yaml if file.kind == "yaml" else read_json
    units, syntax_findings = reader(data, file.name)
    part.findings.extend(syntax_findings)
    for unit in units:
        before = len(part.findings)
        check_value(unit.value, part, file.name, None, keep_quotes=keep_quotes)
        if unit.node is not None and len(part.findings) > before:
            # Placed now, from the tree already parsed, rather than by parsing again.
            part.findings[before:] = _locate_in_nodes(unit.node, part.findings[before:])
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
    with file.open() as handle:
        _, seen_content = check_lines(handle, file.name, part, keep_quotes, progress)
    if not seen_content:
        part.findings.append(empty_file(file.name))


def check_lines(
    lines: Iterable[bytes],
    file: str,
    part: FilePart,
    keep_quotes: bool = False,
    progress: Progress | None = None,
    first_line: int = 1,
    bom_line: int = 1,
) -> tuple[int, bool]:
    """Check lines of a JSON Lines file (numbered from ``first_line``) into ``part``.

    Returns how many lines were read and whether any had content. Each line is parsed
    from its bytes; a line that does not parse takes the exact way of
    :func:`~dipos.validator.syntax.read_line`, which says what is wrong with it. Line
    ``bom_line`` is the first of the file, where a byte-order mark is allowed (0: none).
    """
    # Parsed JSON holds no reference cycles: the cycle collector would only scan the
    # millions of short-lived objects for nothing (about a tenth of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_lines(lines, file, part, keep_quotes, progress, first_line, bom_line)
    finally:
        if collecting:
            gc.enable()


def _check_lines(
    lines: Iterable[bytes],
    file: str,
    part: FilePart,
    keep_quotes: bool,
    progress: Progress | None,
    first_line: int,
    bom_line: int,
) -> tuple[int, bool]:
    loads, dumps, decode_error = orjson.loads, orjson.dumps, orjson.JSONDecodeError
    newline = orjson.OPT_APPEND_NEWLINE
    checks, finish_checks = fast_checks(part.index)
    fast = {t: (record_validator(t).is_valid, check) for t, check in checks.items()}
    findings = part.findings
    number = first_line - 1
    seen_content = False
    valid_records = 0
    for raw in lines:
        number += 1
        try:
            value = loads(raw)
        except decode_error:
            line_findings, unit, content = read_line(raw, file, number, number == bom_line)
            seen_content = seen_content or content
            findings.extend(line_findings)
            if unit is not None:
                _check_line_value(unit.value, raw, part, file, number, bom_line, keep_quotes)
            continue
        try:
            written = dumps(value, None, newline)
        except TypeError:  # nested too deeply for orjson to write
            written = b""
        # A line just as orjson writes its value has no duplicate key (see
        # textscan.may_have_duplicate_keys_in_bytes); any other is checked.
        if raw != written:
            findings.extend(line_duplicate_keys(raw, value, file, number))
        record_type = value.get("type") if type(value) is dict else None
        valid_and_check = fast.get(record_type) if type(record_type) is str else None
        if valid_and_check is not None and valid_and_check[0](value):
            # The common case, kept short: a record (not a dataset) that the schema finds valid.
            valid_records += 1
            found = valid_and_check[1](value, number)
            if found or keep_quotes:
                _valid_line_extras(found, value, raw, part, file, number, bom_line, keep_quotes)
        else:
            seen_content = True
            _check_line_value(value, raw, part, file, number, bom_line, keep_quotes)
        if progress is not None and (part.records + valid_records) % 5000 == 0:
            progress(part.records + valid_records)
    finish_checks()
    part.records += valid_records
    seen_content = seen_content or valid_records > 0
    return number - first_line + 1, seen_content


def _check_line_value(
    value: Any,
    raw: bytes,
    part: FilePart,
    file: str,
    number: int,
    bom_line: int,
    keep_quotes: bool,
) -> None:
    """Check the value of a line the general way, and locate its findings in the line."""
    before = len(part.findings)
    check_value(value, part, file, number, keep_quotes=keep_quotes)
    if len(part.findings) > before:
        part.findings[before:] = _locate_in_line(raw, part.findings[before:], number, bom_line)


def _locate_in_line(
    raw: bytes, findings: list[Finding], number: int, bom_line: int
) -> list[Finding]:
    """Give the findings of one JSON Lines line their columns (decoded only when needed)."""
    text = raw.decode("utf-8-sig" if number == bom_line else "utf-8")
    return _locate_json(text, findings, number)


def _valid_line_extras(
    found: list[Problem],
    value: dict[str, Any],
    raw: bytes,
    part: FilePart,
    file: str,
    number: int,
    bom_line: int,
    keep_quotes: bool,
) -> None:
    """For a valid record: place its one-record findings, keep its quotes if asked."""
    if found:
        made = [
            finding(rule, message, file, number, None, rel, value["id"])
            for rule, message, rel in found
        ]
        part.findings.extend(_locate_in_line(raw, made, number, bom_line))
    if keep_quotes:
        _keep_quotes(part, value, str(value["type"]), file, number, ())


def cross_check(
    index: CompactIndex,
    reader: RecordReader,
    sources: SourceTexts | None,
    quoted: Sequence[RecordEntry] = (),
) -> list[Finding]:
    """The cross-record rules over the merged index of all files."""
    found = list(check_all(index, reader))
    if sources is not None:
        source_entries: dict[str, RecordEntry] = {}
        for entry in quoted:
            if entry.type == "source":
                source_entries.setdefault(entry.id, entry)
        found.extend(check_quotes(quoted, source_entries, sources))
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
    jobs: int = 1,
) -> ValidationReport:
    """Check files as one dataset and return the report (findings sorted by file, line).

    ``context`` files are read only for the records that references may name (and ids
    that may clash): their own problems are not reported. They are read first, so that
    an id used both in a context file and in a checked file is reported in the latter.
    ``jobs`` greater than 1 checks the files in that many worker processes (see
    :mod:`dipos.validator.parallel`); the report is the same.
    """
    selected = resolve_rule_patterns(select)
    ignored = resolve_rule_patterns(ignore) or frozenset()
    keep_quotes = sources is not None
    findings: list[Finding] = []
    quoted: list[RecordEntry] = []
    parsed: list[InputFile] = []
    records = 0
    done = 0
    if jobs > 1:
        from .parallel import check_in_workers

        index, parts = check_in_workers(files, context, jobs, keep_quotes=keep_quotes)
    else:
        index = CompactIndex()
        parts = _check_in_turn(files, context, index, keep_quotes, progress)
    for file, part, in_context, last_of_file in parts:
        quoted.extend(part.quoted)
        if in_context:
            continue
        findings.extend(part.findings)
        records += part.records
        if part.parsed:
            parsed.append(file)
        if last_of_file:
            done += 1
            if on_file is not None:
                on_file(file, done)
    checked = {file.name for file in files}
    reader = RecordReader(index, [*context, *files])
    found = cross_check(index, reader, sources, quoted)
    findings.extend(f for f in found if f.file in checked)
    findings = _locate_all(findings, parsed, files)
    return make_report(findings, [f.name for f in files], records, selected, ignored)


Parts = Iterator[tuple[InputFile, FilePart, bool, bool]]
"""Checked parts, in order: (file, part, whether the file is context, whether the part is
the file's last)."""


def _check_in_turn(
    files: Sequence[InputFile],
    context: Sequence[InputFile],
    index: CompactIndex,
    keep_quotes: bool,
    progress: Progress | None,
) -> Parts:
    for file in context:
        yield file, check_file(file, keep_quotes=keep_quotes, index=index), True, True
    for file in files:
        part = check_file(file, keep_quotes=keep_quotes, progress=progress, index=index)
        yield file, part, False, True


def _locate_all(
    findings: list[Finding], parsed: list[InputFile], files: Sequence[InputFile] = ()
) -> list[Finding]:
    """Fill in the columns (and, in JSON and YAML files, the lines) that the findings
    across records lack: in a parsed JSON or YAML file by its paths, in a JSON Lines
    file within the finding's line, in a large JSON file read as a stream within the
    record concerned."""
    by_name: dict[str, InputFile] = {file.name: file for file in parsed}
    for file in files:
        if file.name not in by_name and (file.kind == "jsonl" or streamable(file)):
            by_name[file.name] = file
    grouped: dict[str, list[Finding]] = {}
    located: list[Finding] = []
    for f in findings:
        if f.column is None and f.file in by_name:
            grouped.setdefault(f.file, []).append(f)
        else:
            located.append(f)
    whole = {file.name for file in parsed}
    for name, group in grouped.items():
        file = by_name[name]
        if file.kind == "jsonl":
            located.extend(_locate_in_lines(file, group))
        elif name in whole:
            located.extend(locate_findings(file, group))
        else:
            from .streamed import locate_streamed

            located.extend(locate_streamed(file, group))
    return located


def _locate_in_lines(file: InputFile, findings: list[Finding]) -> list[Finding]:
    """Give findings on lines of a JSON Lines file their columns (the file is read again
    up to the last line concerned; only those lines are decoded)."""
    by_line: dict[int, list[Finding]] = {}
    located: list[Finding] = []
    for f in findings:
        if f.line is None:
            located.append(f)
        else:
            by_line.setdefault(f.line, []).append(f)
    if not by_line:
        return located
    last = max(by_line)
    with file.open() as handle:
        for number, raw in enumerate(handle, 1):
            group = by_line.pop(number, None)
            if group is not None:
                try:
                    located.extend(_locate_in_line(raw, group, number, bom_line=1))
                except ValueError:  # the line changed since it was checked
                    located.extend(group)
            if number >= last:
                break
    for group in by_line.values():  # lines no longer there
        located.extend(group)
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
