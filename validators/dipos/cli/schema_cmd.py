"""``dipos schema``: regenerate or check the committed JSON Schema and codelists."""

import argparse
import sys
from pathlib import Path
from typing import Any

from ._common import fail


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``schema`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "schema",
        help="regenerate (--write) or check (--check) the schema directory",
        description=(
            "The JSON Schema files and codelists under schema/, and the copy of the JSON "
            "Schema files shipped inside the dipos package (which the validator reads), are "
            "generated from the dipos models. --write regenerates both; --check exits 1 and "
            "names every file that differs from what the models generate."
        ),
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--write", action="store_true", help="regenerate the schema directory and packaged copy"
    )
    action.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if the schema directory or packaged copy differs from the models",
    )
    parser.add_argument(
        "--dir",
        type=Path,
        default=Path("schema"),
        help="the schema directory (default: ./schema)",
    )
    parser.add_argument(
        "--package-dir",
        type=Path,
        default=None,
        help=(
            "the packaged copy of the schema files "
            "(default: the schema/json folder of the installed dipos package)"
        ),
    )
    parser.set_defaults(handler=run)


def _shown(path: Path) -> Path:
    # The packaged copy's default path is absolute; inside the working tree, show it
    # relative, as the user would type it.
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def run(args: argparse.Namespace) -> int:
    """Run ``dipos schema``."""
    # Imported here: generating loads pydantic and the models, which `dipos validate`
    # (the other subcommand) does without.
    from ..schema import files

    directory: Path = args.dir
    package_dir: Path = _shown(args.package_dir or files.PACKAGED_DIR)
    try:
        if args.write:
            for folder, changed in (
                (directory, files.write(directory)),
                (package_dir, files.write_packaged(package_dir)),
            ):
                for relative in changed:
                    print(f"wrote {folder / relative}")
                print(f"{folder}: {len(changed)} file(s) updated")
            return 0
        if not directory.is_dir():
            return fail("schema", f"{directory} is not a directory")
        drifts = [(directory, drift) for drift in files.check(directory)]
        drifts += [(package_dir, drift) for drift in files.check_packaged(package_dir)]
    except OSError as error:
        return fail("schema", str(error))
    if not drifts:
        print(f"{directory}: up to date with the models")
        print(f"{package_dir}: up to date with the models")
        return 0
    for folder, drift in drifts:
        print(f"{folder / drift.path}: {drift.problem}", file=sys.stderr)
        if drift.diff:
            lines = drift.diff.splitlines()
            shown = lines[:40]
            print("\n".join("    " + line for line in shown), file=sys.stderr)
            if len(lines) > len(shown):
                print(f"    ... {len(lines) - len(shown)} more diff lines", file=sys.stderr)
    stale = " and ".join(sorted({f"{folder}/" for folder, _ in drifts}))
    print(
        f"{len(drifts)} file(s) out of date: run `dipos schema --write` and commit {stale}",
        file=sys.stderr,
    )
    return 1
