"""The run: files in, a report out (see the package's docstring)."""

from collections.abc import Callable, Iterable, Sequence
from fnmatch import fnmatchcase

from ..catalogue import rule_ids
from ..check.pipeline import Progress
from ..check.rules.cross import check_all
from ..check.rules.quotes import SourceTexts, check_quotes
from ..check.suggest import did_you_mean
from ..findings import Finding, ValidationReport
from ..index.compact import CompactIndex
from ..index.fields import RECORD_LIST_KEYS
from ..index.records import RecordEntry
from ..index.recover import RecordReader
from ..read.inputs import InputFile
from ..read.jsonstream import streamable
from ..read.reread import place_in_file
from ..read.yamlload import forget
from .files import Parts, check_file
from .parallel import check_in_workers


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
    across records lack, reading each file concerned again the way it was checked."""
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
    for name, group in grouped.items():
        located.extend(place_in_file(by_name[name], group, list_keys=RECORD_LIST_KEYS))
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
