"""``dipos validate``: check dipos files and report every problem, with how to fix it.

Exit codes:

* 0: valid (warnings and infos are allowed, unless ``--strict``);
* 1: invalid: at least one error (or, with ``--strict``, one warning);
* 2: could not run: bad usage, an unknown rule in ``--select``/``--ignore``, a path
  that does not exist or cannot be read, a directory with no dipos files, or an
  internal error.

Formats (``--format``): ``text`` (one line per finding,
``file:line:column: severity [rule] $.path: message — hint: ... — docs URL``, then
a summary line), ``json`` (the report as JSON, as ``ValidationReport.to_json()``),
``github`` (GitHub Actions annotations) and ``sarif`` (SARIF 2.1.0, for code scanning).
With ``json`` and ``sarif`` standard output holds only the document; the summary
goes to standard error.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..reference import context_files as reference_context
from ..validator.catalogue import RULES
from ..validator.findings import ValidationReport
from ..validator.machine import cpu_count, limited_memory, physical_memory
from ..validator.read.inputs import InputError, InputFile, collect
from ..validator.read.jsonstream import starts_as_dataset
from ..validator.report import FORMATS
from ..validator.report.progress import ProgressLine
from ..validator.report.text import summary
from ..workbook.validate import as_input as workbook_file
from ..workbook.validate import other_paths
from ..workbook.validate import place as place_findings
from ..workbook.validate import read_inputs as workbook_inputs
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    JOBS,
    add_debug_option,
    fail,
    run_guarded,
    whole_number,
)

if TYPE_CHECKING:
    from ..validator.check.rules.quotes import SourceTexts

WHOLE_FILE_NOTE_BYTES = 64 * 1024 * 1024
"""A JSON or YAML file at least this large gets a note: it is parsed whole (JSON Lines
files are streamed), which takes about ten times its size in memory."""

WHOLE_FILE_FACTOR = {"json": 10, "yaml": 20, "jsonl": 0}
"""About how many times its size in memory a file takes when it is parsed whole."""

_EPILOG = """\
exit codes:
  0  valid (warnings allowed unless --strict)
  1  invalid: errors found (or warnings, with --strict)
  2  could not run: bad usage, unknown rule, missing or unreadable path,
     no dipos files found, internal error

examples:
  dipos validate my-dataset/
  dipos validate data.jsonl --sources texts/ --strict
  dipos validate huge.jsonl --jobs 0
  dipos validate . --format github --ignore topic-unknown
  cat record.json | dipos validate -

Rules: https://dipos.github.io/dipos/rules/ (or dipos validate --list-rules).
"""


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``validate`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "validate",
        help="check dipos files (JSON, JSON Lines, YAML) and report every problem",
        description=(
            "Check dipos data: files and directories (searched recursively for .json, "
            ".jsonl, .yaml and .yml files), workbooks (.xlsx) and folders of CSV tables "
            "(findings at their sheet and cell), or - for standard input. All files given are "
            "checked as one dataset: references resolve across them. Three layers are "
            "checked: syntax, the JSON Schema, and the rules across records; every problem "
            "is reported with its rule id, location, message and a fix hint."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or directories to check; - reads standard input",
    )
    parser.add_argument(
        "--format", choices=sorted(FORMATS), default="text", help="output format (default: text)"
    )
    parser.add_argument(
        "--strict", action="store_true", help="fail (exit 1) on warnings too, not only on errors"
    )
    parser.add_argument(
        "--select",
        action="append",
        metavar="RULE",
        help="report only these rules (ids or globs such as 'schema-*'; "
        "repeat or separate with commas)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        metavar="RULE",
        help="do not report these rules (ids or globs; repeat or use commas)",
    )
    parser.add_argument(
        "--max-errors",
        type=whole_number(1),
        metavar="N",
        help="print at most N findings (the summary still counts all)",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the findings that fail the run, and no summary",
    )
    parser.add_argument(
        "--sources",
        type=Path,
        action="append",
        metavar="DIR",
        help="directory of source texts (*.txt, *.md, searched recursively) to check quotes "
        "against; repeat for several. A text matches a source by file name "
        "(<source id>.txt) or by the SHA-256 of its bytes (text_sha256)",
    )
    parser.add_argument(
        "--context",
        action="append",
        metavar="PATH",
        help="also read these files or directories, only so that references into them "
        "resolve; their own problems are not reported (to check only changed files, as the "
        "pre-commit hook does)",
    )
    parser.add_argument(
        "--no-reference",
        action="store_true",
        help="do not resolve references to the ids of the dipos reference list "
        "(dipos:actor/RUS, dipos:territory/UA-14...), which are otherwise read as context: "
        "to check that a dataset defines every record it uses",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=JOBS,
        default=1,
        metavar="N",
        help="check in N worker processes (default 1; 0: one per processor). Large JSON Lines "
        "files are split between them; the findings are the same",
    )
    parser.add_argument(
        "--max-memory",
        type=_size,
        metavar="SIZE",
        help="refuse to start (exit 2) when a file read whole would need more memory than "
        "SIZE (e.g. 2G, 500M), and stop with exit 2 when the run uses more. A JSON or YAML "
        "file that is not streamed takes about ten times its size (YAML twenty); JSON Lines "
        "and JSON dataset files are streamed. Default: the machine's physical memory",
    )
    parser.add_argument(
        "--stdin-format",
        choices=("json", "jsonl", "yaml"),
        help="how standard input is written (default: guessed)",
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list the rules (id, severity, title) and exit"
    )
    add_debug_option(parser)
    parser.set_defaults(handler=run_command)


_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}


def _size(text: str) -> int:
    """A size in bytes: ``2G``, ``500M``, ``1.5GB``, ``100000000``."""
    cleaned = text.strip().upper().removesuffix("B").removesuffix("I")
    unit = cleaned[-1:] if cleaned[-1:] in _UNITS else ""
    try:
        value = float(cleaned[: len(cleaned) - len(unit)])
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size such as 2G or 500M: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError("must be more than 0")
    return int(value * _UNITS[unit])


OUT_OF_MEMORY = (
    "ran out of memory. This is not a problem of the data: a JSON or YAML file is "
    "read whole, which takes about ten times its size. Write large datasets as JSON "
    'Lines (.jsonl, one record per line) or as a JSON file that starts with {"type": '
    '"dataset", ...}: both are read in flat memory. See dipos validate --max-memory.'
)


def _fail(message: str) -> int:
    return fail("validate", message)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos validate``; never raise, never print a traceback (unless asked)."""
    return run_guarded("validate", _run, args, {MemoryError: lambda _: OUT_OF_MEMORY})


def _list_rules() -> int:
    for rule in RULES:
        print(f"{rule.id:28} {rule.severity:8} {rule.title}")
    return EXIT_OK


def _run(args: argparse.Namespace) -> int:
    if args.list_rules:
        return _list_rules()
    if not args.paths:
        return _fail("give at least one file or directory to check (or - for standard input)")
    # The engine (numpy, jsonschema-rs, the compiled schema) is imported when there is
    # work for it: `dipos --version` and `dipos validate --help` do without.
    from ..validator.check.rules.quotes import SourceTexts
    from ..validator.engine import resolve_rule_patterns

    try:
        resolve_rule_patterns(args.select)
        resolve_rule_patterns(args.ignore)
    except ValueError as error:
        return _fail(f"{error}; see dipos validate --list-rules")
    try:
        stdin = _read_stdin() if "-" in args.paths else None
        # Workbooks and folders of CSV tables are read into datasets first (their
        # findings are placed back at their cells below).
        workbooks = workbook_inputs(args.paths)
        files = collect(
            [str(p) for p in other_paths(args.paths)], stdin=stdin, stdin_kind=args.stdin_format
        )
        files += [f for f in map(workbook_file, workbooks) if f is not None]
        texts = SourceTexts.from_directories(args.sources) if args.sources else None
        checked = {f.path.resolve() for f in files if f.path is not None}
        context = [
            f
            for f in collect(args.context or [])
            if f.path is not None and f.path.resolve() not in checked
        ]
        if not args.no_reference:
            context = [*reference_context(files), *context]
    except (InputError, OSError, ValueError) as error:
        return _fail(str(error))
    if not files and not workbooks:
        return _fail(
            "no dipos files found (.json, .jsonl, .yaml, .yml, .xlsx, a folder of .csv) in "
            + ", ".join(args.paths)
        )
    limit = args.max_memory or physical_memory()
    too_large = _whole_file_over(limit, [*context, *files])
    if too_large is not None:
        return _fail(too_large)
    if not args.quiet:
        _note_large_whole_files([*context, *files])
    try:
        with limited_memory(args.max_memory):
            report = _validate(files, texts, args, context)
    except OSError as error:
        return _fail(
            f"cannot read {getattr(error, 'filename', '') or ''}: {error.strerror or error}"
        )
    report = place_findings(
        report, workbooks, resolve_rule_patterns(args.select), resolve_rule_patterns(args.ignore)
    )
    return _print(report, args)


def _read_stdin() -> bytes:
    """Standard input's bytes; ``OSError`` when it is closed."""
    if sys.stdin is None:
        raise OSError("standard input is closed: give files, or pipe data into -")
    try:
        return sys.stdin.buffer.read()
    except (OSError, ValueError, AttributeError) as error:
        raise OSError(f"cannot read standard input ({error})") from error


def _read_whole(file: InputFile) -> bool:
    """Whether a file is parsed whole (not streamed): YAML, and JSON that is not a dataset."""
    if file.kind == "jsonl":
        return False
    return not (file.kind == "json" and file.path is not None and starts_as_dataset(file))


def _whole_file_over(limit: int, files: list[InputFile]) -> str | None:
    """Why the run would need more than ``limit`` bytes of memory, if it would: a file
    that is read whole takes about :data:`WHOLE_FILE_FACTOR` times its size."""
    for file in files:
        size = file.size()
        factor = WHOLE_FILE_FACTOR[file.kind]
        if size * factor <= limit or not _read_whole(file):
            continue
        return (
            f"{file.name} ({_human(size)}) is read whole, which needs about "
            f"{_human(size * factor)} of memory, more than the {_human(limit)} "
            "allowed (--max-memory, by default the machine's memory). Write it as JSON Lines "
            '(.jsonl, one record per line) or as a JSON file that starts with {"type": '
            '"dataset", ...}: both are read in flat memory.'
        )
    return None


def _human(size: int) -> str:
    return f"{size / 1e9:,.1f} GB" if size >= 1e9 else f"{size / 1e6:,.0f} MB"


def _note_large_whole_files(files: list[InputFile]) -> None:
    """Say, before the work starts, why a large file that is read whole will take much
    memory (YAML files, and JSON files that do not start as a dataset)."""
    for file in files:
        if file.size() < WHOLE_FILE_NOTE_BYTES or not _read_whole(file):
            continue
        size = file.size()
        print(
            f"dipos validate: note: {file.name} ({size / 1e6:,.0f} MB) is read whole: expect "
            f"about {size * 10 / 1e9:,.1f} GB of memory. JSON Lines files (.jsonl, one record "
            'per line) and JSON files that start with {"type": "dataset", ...} are streamed.',
            file=sys.stderr,
        )


def _validate(
    files: list[InputFile],
    texts: "SourceTexts | None",
    args: argparse.Namespace,
    context: list[InputFile],
) -> ValidationReport:
    total = sum(f.size() for f in files)
    progress = ProgressLine(len(files)) if ProgressLine.wanted(total, len(files)) else None
    records_done = 0

    def on_file(_file: InputFile, _number: int) -> None:
        nonlocal records_done
        if progress is not None:
            progress.file_done(records_done)

    from ..validator.engine import run

    try:
        return run(
            files,
            sources=texts,
            select=args.select,
            ignore=args.ignore,
            on_file=on_file if progress else None,
            progress=progress.records_in_file if progress else None,
            context=context,
            jobs=args.jobs or cpu_count(),
        )
    finally:
        if progress is not None:
            progress.close()


def _print(report: ValidationReport, args: argparse.Namespace) -> int:
    passed = report.passes(strict=args.strict)
    shown = report
    if args.quiet:
        failing = ("error", "warning") if args.strict else ("error",)
        shown = ValidationReport(
            [f for f in report.findings if f.severity in failing], report.files, report.records
        )
    hidden = 0
    if args.max_errors is not None and len(shown.findings) > args.max_errors:
        hidden = len(shown.findings) - args.max_errors
        shown = ValidationReport(shown.findings[: args.max_errors], shown.files, shown.records)
    sys.stdout.write(FORMATS[args.format](shown, not args.quiet))
    machine = args.format in ("json", "sarif")
    notes = []
    if hidden:
        notes.append(
            f"{hidden} more finding{'s' if hidden != 1 else ''} not shown "
            f"(--max-errors {args.max_errors})"
        )
    if not args.quiet:
        line = summary(report)
        if args.strict and report.ok and not passed:
            line += " (warnings fail with --strict)"
        notes.append(line)
    for note in notes:
        print(note, file=sys.stderr if machine else sys.stdout)
    return EXIT_OK if passed else EXIT_INVALID
