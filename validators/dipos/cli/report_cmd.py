"""``dipos report``: a static HTML report of a dataset, to read in any browser, offline.

Exit codes:

* 0: the report is written and the data is valid (warnings allowed);
* 1: the report is written, but the data has errors (they are shown in the report, and
  the records concerned are marked);
* 2: no report: bad usage, a path that does not exist or holds no dipos file, an output
  folder that cannot be written or that holds other files, or an internal error.
"""

import argparse
from pathlib import Path
from typing import Any

from ._common import EXIT_INVALID, EXIT_OK, add_debug_option, fail, run_guarded

_EPILOG = """\
exit codes:
  0  report written, data valid (warnings allowed)
  1  report written, data invalid (errors shown in the report)
  2  no report: bad usage, missing path, no dipos files, output not writable

examples:
  dipos report examples/ -o build/report
  dipos report data.jsonl -o report --title "Talks, 2025" --sources texts/

Open OUTPUT/index.html in a browser; it needs no network.
"""


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``report`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "report",
        help="write a static HTML report of a dataset (matrix, evolution, graph, timeline)",
        description=(
            "Validate the data (files and folders, read as one dataset, as dipos validate "
            "does) and write a self-contained HTML report to a folder: who holds what "
            "position on each topic, how each party's positions evolved, the links between "
            "positions and proposals, a timeline, and every position with its quotes, "
            "sources and validation status. Invalid data still gets a report, with the "
            "problems shown. The report works offline, opened from disk."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="DATA", help="files or folders of dipos data")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="DIR",
        help="folder to write (created; an earlier report there is replaced whole)",
    )
    parser.add_argument("--title", help="the report's title (default: the dataset's title)")
    parser.add_argument(
        "--sources",
        type=Path,
        action="append",
        default=[],
        metavar="DIR",
        help="directory of source texts to check quotes against, as for dipos validate",
    )
    add_debug_option(parser)
    parser.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos report``; never raise, never print a traceback (unless asked)."""
    return run_guarded("report", _run, args)


def _run(args: argparse.Namespace) -> int:
    from ..report import InputError, OutputError, build_report
    from ..validator.report.text import summary

    try:
        outcome = build_report(args.paths, args.output, title=args.title, sources=args.sources)
    except (InputError, OutputError) as error:
        return fail("report", str(error))
    except OSError as error:
        return fail(
            "report", f"cannot read {getattr(error, 'filename', '') or ''}: {error.strerror}"
        )
    print(f"{summary(outcome.validation)}")
    print(f"report of {outcome.positions} positions written to {outcome.index}")
    if not outcome.validation.ok:
        print("the data has errors: they are listed in the report, and the records marked")
        return EXIT_INVALID
    return EXIT_OK
