"""The ``dipos`` command line.

Exit codes, for every command: 0 success; 1 the data or files checked are
invalid (or out of date); 2 the command could not run (bad usage, unreadable
path). No input, however broken, ends in a traceback.

Each command module adds its parser at start-up and imports the code it runs only when
it runs (a command with much of its own code keeps it in a module of its own, as
``convert_run``): ``dipos --version``, ``--help`` and each command start without the
other commands' libraries (tests/validate/test_startup_imports.py).
"""

import argparse
import sys
from collections.abc import Sequence

from ..version import SCHEMA_VERSION, __version__
from . import (
    anchor_cmd,
    convert_cmd,
    export_cmd,
    lookup_cmd,
    merge_cmd,
    migrate_cmd,
    report_cmd,
    schema_cmd,
    template_cmd,
    validate_cmd,
)
from ._common import DEBUG_ENV, EXIT_ERROR, EXIT_INVALID, EXIT_OK

__all__ = ["DEBUG_ENV", "EXIT_ERROR", "EXIT_INVALID", "EXIT_OK", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``dipos`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="dipos",
        description=(
            "Tools for dipos, the open JSON Schema for diplomatic negotiation positions. "
            "Exit codes: 0 success, 1 invalid or out of date, 2 could not run."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"dipos {__version__} (schema {SCHEMA_VERSION})",
    )
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    anchor_cmd.register(subcommands)
    lookup_cmd.register(subcommands)
    report_cmd.register(subcommands)
    schema_cmd.register(subcommands)
    validate_cmd.register(subcommands)
    migrate_cmd.register(subcommands)
    merge_cmd.register(subcommands)
    export_cmd.register(subcommands)
    convert_cmd.register(subcommands)
    template_cmd.register(subcommands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``dipos``; return the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        # argparse exits 2 on bad usage and 0 on --help/--version: keep its code.
        return int(exit_.code or 0)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        print("dipos: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
