"""``dipos export``: write dipos data as tables (or another registered format).

The data is validated as ``dipos validate`` does; invalid data is refused with the
validator's findings (exit 1) and nothing is written. The validation runs in another
process while the output is written beside its final path; the output is renamed into
place only when complete and valid, so it is never half-written nor made from invalid
data.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..export import EXPORTERS, Exporter
from ._common import EXIT_INVALID, EXIT_OK, JOBS, add_debug_option, fail, run_guarded

if TYPE_CHECKING:
    from ..validator.findings import ValidationReport
    from ..validator.read.inputs import InputFile

_EPILOG = """\
formats:
{formats}

exit codes:
  0  written
  1  the data is invalid (the validator's findings are printed; nothing is written)
  2  could not run: bad usage, missing path, an optional package not installed,
     the output path holds something else

examples:
  dipos export examples/ --to csv -o tables/
  dipos export data.jsonl --to parquet -o parquet/
  dipos export data/ --to datapackage -o package/ && frictionless validate package/datapackage.json

The tables and their columns: https://dipos.github.io/dipos/tables/
"""


def _formats_text() -> str:
    return "\n".join(f"  {e.name:12} {e.help}" for e in EXPORTERS.values())


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``export`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "export",
        help="write dipos data as tables: CSV, XLSX, Parquet, Frictionless Data Package",
        description=(
            "Validate dipos data (files and directories, read as one dataset) and write it "
            "in another format. Invalid data is refused with the validator's findings."
        ),
        epilog=_EPILOG.format(formats=_formats_text()),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="DATA", help="dipos files or directories")
    parser.add_argument(
        "--to",
        required=True,
        choices=list(EXPORTERS),
        metavar="FORMAT",
        dest="format",
        help="output format: " + ", ".join(EXPORTERS),
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT",
        help="the file or folder to write (a folder is replaced only if it holds an "
        "earlier export)",
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=JOBS,
        default=0,
        metavar="N",
        help="convert a large JSON Lines file in N worker processes (default 0: one per "
        "processor; formats that support it: parquet); the validation runs alongside",
    )
    add_debug_option(parser)
    parser.set_defaults(handler=run_command)


def check_extras(exporter: Exporter) -> None:
    """Raise :class:`MissingExtra` when a library the format needs is not installed."""
    from ..tables.extras import require

    for module, extra in exporter.requires:
        require(module, extra)


def refuse_invalid(command: str, report: "ValidationReport") -> int:
    """Print the errors of an invalid report and say nothing was written."""
    from ..validator.findings import ValidationReport
    from ..validator.report.text import render_text, summary

    errors_only = ValidationReport(
        [f for f in report.findings if f.severity == "error"], report.files, report.records
    )
    sys.stderr.write(render_text(errors_only, False))
    print(summary(report), file=sys.stderr)
    print(f"dipos {command}: the data is invalid: nothing written", file=sys.stderr)
    return EXIT_INVALID


def validate_files(files: "list[InputFile]", jobs: int = 1) -> "ValidationReport":
    """Validate the files as ``dipos validate`` does."""
    from ..validator.engine import run

    return run(files, jobs=jobs)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos export``; never raise, never print a traceback (unless asked)."""
    return run_guarded("export", _run, args)


class _InvalidDataError(Exception):
    def __init__(self, report: "ValidationReport") -> None:
        super().__init__("invalid")
        self.report = report


def _run(args: argparse.Namespace) -> int:
    from ..export.atomic import OutputError, atomic_output, check_output
    from ..export.background import BackgroundValidation, ValidationError
    from ..tables.extras import MissingExtra
    from ..tables.flatten import FlattenError
    from ..tables.reading import ReadError, RecordSource
    from ..validator.machine import cpu_count
    from ..validator.read.inputs import InputError, collect

    exporter = EXPORTERS[args.format]
    output: Path = args.output
    try:
        check_output(output, exporter.target)
        files = collect(args.paths)
    except (OutputError, InputError, OSError) as error:
        return fail("export", str(error))
    if not files:
        return fail(
            "export",
            "no dipos files found (.json, .jsonl, .yaml, .yml) in " + ", ".join(args.paths),
        )
    try:
        check_extras(exporter)
    except MissingExtra as error:
        return fail("export", f"--to {exporter.name}: {error}")
    # The data is validated in another process while this one writes the output into a
    # temporary path, renamed into place only once the data is known to be valid.
    validation = BackgroundValidation(files)
    records = RecordSource(files, args.jobs or cpu_count())
    try:
        with atomic_output(output, exporter.target) as temporary:
            failure: Exception | None = None
            try:
                exporter.write(records, temporary)
            except Exception as error:  # reported after the validation has spoken
                failure = error
            report = validation.report()
            if not report.ok:
                raise _InvalidDataError(report)
            if failure is not None:
                raise failure
    except _InvalidDataError as invalid:
        return refuse_invalid("export", invalid.report)
    except ValidationError as error:
        return fail("export", f"could not validate the data: {error}")
    except MissingExtra as error:
        return fail("export", f"--to {exporter.name}: {error}")
    except (OutputError, ReadError, FlattenError, ValueError, OSError) as error:
        return fail("export", f"cannot write {output}: {error}")
    finally:
        validation.cancel()
    print(f"wrote {output} ({exporter.name}, {report.records} records)")
    return EXIT_OK
