"""``dipos.validator``: check dipos data and say precisely what is wrong and how to fix it.

The same checks as the ``dipos validate`` command, for use from Python::

    from dipos import validate

    report = validate("my-dataset/")              # a directory, a file, or a list of them
    report = validate({"type": "dataset", "dipos_version": "0.2", "actors": [...]})
    if not report.ok:
        for finding in report.errors:
            print(finding.file, finding.line, finding.rule, finding.json_path, finding.message)

Each `Finding` has the rule id (see `RULES`), severity, message,
fix hint, file, line, column, JSON path and record id. `ValidationReport.to_json`
gives the same JSON as ``dipos validate --format json``.

The function is also ``dipos.validate``; this package holds the machinery (the
rule catalogue is `dipos.validator.catalogue`).
"""

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..reference import context_files as reference_context
from .catalogue import DOCS_BASE_URL, RULES, RuleInfo, get
from .findings import Finding, ValidationReport
from .read.inputs import InputError, collect

__all__ = [
    "DOCS_BASE_URL",
    "RULES",
    "Finding",
    "InputError",
    "RuleInfo",
    "ValidationReport",
    "get",
    "validate",
]

PathLike = str | os.PathLike[str]


def _is_paths(data: Any) -> bool:
    if isinstance(data, str | os.PathLike):
        return True
    return (
        isinstance(data, list | tuple)
        and bool(data)
        and all(isinstance(item, str | os.PathLike) for item in data)
    )


def validate(
    data: Any,
    *,
    sources: PathLike | Sequence[PathLike] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    jobs: int = 1,
    reference: bool = True,
) -> ValidationReport:
    """Validate dipos data: Python objects or files.

    ``data`` is one of:

    * a ``dict``: a dataset (``"type": "dataset"``) or a single record;
    * a ``list`` of such dicts: records (and datasets) checked together, like the
      lines of a JSON Lines file;
    * a path (``str`` or ``pathlib.Path``) to a file or a directory, or a list of
      paths: every ``.json``, ``.jsonl``, ``.yaml`` and ``.yml`` file, checked as one
      dataset so that references resolve across files; a workbook (``.xlsx``) or a
      folder of CSV tables is read into records first, and its findings give the sheet
      and cell (``Finding.cell``).

    ``sources`` is a directory of source texts (or a list of them) to check quotes against:
    a text matches a source by file name (``<source id>.txt``) or by ``text_sha256``; ``select``
    and ``ignore`` are rule ids or globs (``"schema-*"``) as on the command line. ``jobs``
    greater than 1 checks files in that many worker processes, as ``--jobs`` does (large
    JSON Lines files are split between them; the report is the same). Files may refer
    to the ids of the dipos reference list (``dipos:actor/RUS``) without defining them,
    unless ``reference`` is false (as ``--no-reference``); Python objects may not yet.

    Raises `InputError` when a path does not exist or cannot be read, and
    ``ValueError`` for a ``select``/``ignore`` value that names no rule.

    Example::

        >>> from dipos.validator import validate
        >>> report = validate({"type": "actor", "id": "actor-x", "name": "X", "kind": "stat"})
        >>> report.ok
        False
        >>> [(f.rule, f.json_path) for f in report.findings]
        [('codelist-unknown', '$.kind')]
    """
    # Imported here, not above: `import dipos` (and `dipos --version`, `import dipos.model`)
    # need only the names of this module, not the engine with numpy and jsonschema-rs.
    from .check.pipeline import FilePart, check_value
    from .check.rules.quotes import SourceTexts
    from .engine.runner import cross_check, make_report, resolve_rule_patterns, run
    from .findings import finding
    from .index.recover import OBJECT_FILE, RecordReader
    from .read.domain import normalise

    texts = None
    if sources is not None:
        directories = [sources] if isinstance(sources, str | os.PathLike) else list(sources)
        texts = SourceTexts.from_directories(Path(d) for d in directories)
    if _is_paths(data):
        from ..workbook import validate as workbook

        paths: Sequence[PathLike] = [data] if isinstance(data, str | os.PathLike) else data
        try:
            # Workbooks and CSV folders are read into datasets; findings go back to cells.
            workbooks = workbook.read_inputs(paths)
            files = collect([Path(p) for p in workbook.other_paths(paths)])
            files += [f for f in map(workbook.as_input, workbooks) if f is not None]
        except OSError as error:
            raise InputError(str(error)) from error
        try:
            report = run(
                files,
                sources=texts,
                select=select,
                ignore=ignore,
                jobs=jobs,
                context=reference_context(files) if reference else (),
            )
        except OSError as error:
            raise InputError(str(error)) from error
        return workbook.place(
            report, workbooks, resolve_rule_patterns(select), resolve_rule_patterns(ignore)
        )
    selected = resolve_rule_patterns(select)
    ignored = resolve_rule_patterns(ignore) or frozenset()
    part = FilePart()
    part.index.start_file(OBJECT_FILE)
    items = list(enumerate(data)) if isinstance(data, list | tuple) else [(None, data)]
    checked: list[Any] = []
    for index, item in items:
        base: tuple[int, ...] = () if index is None else (index,)
        # The same values as a file would give: one domain for every reader.
        value, violation = normalise(item)
        if violation is not None:
            rule = "syntax-encoding" if violation.encoding else "syntax-json"
            part.findings.append(
                finding(rule, violation.message, OBJECT_FILE, path=(*base, *violation.path))
            )
            value = None
        else:
            check_value(value, part, OBJECT_FILE, None, base, keep_quotes=texts is not None)
        checked.append(value)
    objects = checked if isinstance(data, list | tuple) else checked[0]
    reader = RecordReader(part.index, [], objects=objects)
    findings = part.findings + cross_check(part.index, reader, texts, part.quoted)
    return make_report(findings, [OBJECT_FILE], part.records, selected, ignored)
