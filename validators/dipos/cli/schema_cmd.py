"""``dipos schema``: regenerate or check the committed JSON Schema and codelists."""

import argparse
import sys
from pathlib import Path
from typing import Any

from ..schema import files


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``schema`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "schema",
        help="regenerate (--write) or check (--check) the schema directory",
        description=(
            "The JSON Schema files and codelists under schema/ are generated from the "
            "dipos models. --write regenerates them; --check exits 1 and names every file "
            "that differs from what the models generate."
        ),
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="regenerate the schema directory")
    action.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the schema directory differs from the models",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path("schema"),
        help="the schema directory (default: ./schema)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Run ``dipos schema``."""
    directory: Path = args.dir
    try:
        if args.write:
            changed = files.write(directory)
            for relative in changed:
                print(f"wrote {directory / relative}")
            print(f"{directory}: {len(changed)} file(s) updated")
            return 0
        if not directory.is_dir():
            print(f"dipos schema: error: {directory} is not a directory", file=sys.stderr)
            return 2
        drifts = files.check(directory)
    except OSError as error:
        print(f"dipos schema: error: {error}", file=sys.stderr)
        return 2
    if not drifts:
        print(f"{directory}: up to date with the models")
        return 0
    for drift in drifts:
        print(f"{directory / drift.path}: {drift.problem}", file=sys.stderr)
        if drift.diff:
            lines = drift.diff.splitlines()
            shown = lines[:40]
            print("\n".join("    " + line for line in shown), file=sys.stderr)
            if len(lines) > len(shown):
                print(f"    ... {len(lines) - len(shown)} more diff lines", file=sys.stderr)
    print(
        f"{len(drifts)} file(s) out of date: run `dipos schema --write` and commit {directory}/",
        file=sys.stderr,
    )
    return 1
