"""The run: files in, a report out (see the package's docstring)."""

from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatchcase

from ..catalogue import rule_ids
from ..check.lines import locate_in_line
from ..check.pipeline import Progress
from ..check.rules.cross import check_all
from ..check.rules.quotes import SourceTexts, check_quotes
from ..check.suggest import did_you_mean
from ..findings import Finding, ValidationReport
from ..index.compact import CompactIndex
from ..index.records import RecordEntry
from ..index.recover import RecordReader
from ..read.inputs import InputFile
from ..read.jsonstream import streamable
from ..read.yamlload import forget
from .files import Parts, check_file, locate_findings
from .parallel import check_in_workers
from .streamed import locate_streamed


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
    :mod:`dipos.validator.engine.parallel`); the report is the same.
    """
    try:
        return _run(files, sources, select, ignore, on_file, progress, context, jobs)
    finally:
        forget()  # the YAML files remembered for this run


def _run(
    files: Sequence[InputFile],
    sources: SourceTexts | None,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    on_file: Callable[[InputFile, int], None] | None,
    progress: Progress | None,
    context: Sequence[InputFile],
    jobs: int,
) -> ValidationReport:
    selected = resolve_rule_patterns(select)
    ignored = resolve_rule_patterns(ignore) or frozenset()
    keep_quotes = sources is not None
    findings: list[Finding] = []
    quoted: list[RecordEntry] = []
    parsed: list[InputFile] = []
    records = 0
    done = 0
    if jobs > 1:
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
                    located.extend(locate_in_line(raw, group, number, bom_line=1))
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
