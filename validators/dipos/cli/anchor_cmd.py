"""``dipos anchor``: fill or repair the quote selectors of evidence from the source texts.

Exit codes:

* 0: every piece of evidence is anchored (with ``--check``: and nothing would change);
* 1: some quote could not be anchored (not found, found more than once, no text for
  its source, a file unreadable), or, with ``--check``, some selector is missing or stale;
* 2: could not run: bad usage, a missing path or ``--sources`` directory, no dipos files,
  a file that could not be written.
"""

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._common import EXIT_ERROR, EXIT_INVALID, EXIT_OK, add_debug_option, fail, run_guarded

if TYPE_CHECKING:
    from ..anchor import AnchorReport

_DESCRIPTION = """\
For every piece of evidence, find its quote in the text of its source and write the
selectors that pin it down: `start` and `end` (in Unicode code points), `prefix` and
`suffix` (the 32 characters around the quote), and the source's `text_sha256`.

The quote is found even when it was copied with other quotation marks or
apostrophes (curly or straight), another dash or hyphen, other white space, line
breaks or no-break spaces; the quote is then CORRECTED to the source's own
characters, and the report says so. A quote found more than once is anchored at
the occurrence its existing prefix, suffix or start points to; otherwise it is
left unanchored and you are asked to add a prefix.

Without --check, THE FILES ARE REWRITTEN IN PLACE: this is what the command is
for. Only the values that change are rewritten; the rest of each file stays as
written (JSON indentation and key order, YAML comments and layout, JSON Lines
lines untouched byte for byte). Each file is written to a temporary file first
and then renamed, so a file is never left half-written. Use --check to change
nothing (in CI).

Source texts are matched as by `dipos validate --sources`: a text file
(*.txt, *.md) whose name is the source's id, or whose SHA-256 is its text_sha256.
"""

_EPILOG = """\
exit codes:
  0  every quote anchored (with --check: and every selector up to date)
  1  a quote not found, found more than once, or without a source text; a file
     unreadable; with --check: a selector missing or stale
  2  could not run: bad usage, missing path or --sources directory, no dipos
     files, a file that could not be written

examples:
  dipos anchor my-dataset/ --sources texts/
  dipos anchor data.yaml --sources texts/ --check
"""


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``anchor`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "anchor",
        help="find evidence quotes in the source texts and fill in their offsets, prefix "
        "and suffix (rewrites the files in place; --check to only check)",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="DATA",
        help="dipos files or directories (searched for .json, .jsonl, .yaml, .yml); all "
        "are read together, so evidence may name a source defined in another file",
    )
    parser.add_argument(
        "--sources",
        type=Path,
        action="append",
        required=True,
        metavar="DIR",
        help="directory of source texts (*.txt, *.md, searched recursively); repeat for several",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="rewrite nothing; exit 1 when a selector is missing or stale",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only the problems and the summary"
    )
    add_debug_option(parser)
    parser.set_defaults(handler=run_command)


def _fail(message: str) -> int:
    return fail("anchor", message)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos anchor``; never raise, never print a traceback (unless asked)."""
    return run_guarded("anchor", _run, args)


def _run(args: argparse.Namespace) -> int:
    from ..anchor import anchor_paths
    from ..validator.check.rules.quotes import SourceTexts
    from ..validator.read.inputs import InputError

    if "-" in args.paths:
        return _fail("standard input cannot be anchored: give files (they are rewritten)")
    try:
        texts = SourceTexts.from_directories(args.sources)
        report = anchor_paths(args.paths, texts, write=not args.check)
    except (InputError, OSError, ValueError) as error:
        return _fail(str(error))
    return _print(report, args)


def _print(report: "AnchorReport", args: argparse.Namespace) -> int:
    for note in report.notes:
        if args.quiet and not note.problem:
            continue
        print(note.format())
    problems = len(report.problems)
    changed = len(report.changed_files)
    if any(n.kind == "not-written" for n in report.notes):
        print("dipos anchor: some files could not be written (see above)", file=sys.stderr)
        return EXIT_ERROR
    evidence = f"{report.evidence} piece{'s' if report.evidence != 1 else ''} of evidence"
    if args.check:
        verdict = (
            f"{changed} file{'s' if changed != 1 else ''} with missing or stale selectors "
            "(run dipos anchor without --check to fix)"
            if changed
            else "all selectors up to date"
        )
    else:
        verdict = (
            f"{report.anchored} anchored, {changed} file{'s' if changed != 1 else ''} rewritten"
            if changed
            else "nothing to change"
        )
    trouble = f", {problems} problem{'s' if problems != 1 else ''}" if problems else ""
    print(f"{evidence}: {verdict}{trouble}")
    if problems or (args.check and changed):
        return EXIT_INVALID
    return EXIT_OK
