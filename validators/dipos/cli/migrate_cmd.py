"""``dipos migrate``: convert dipos 0.1 files to 0.2, in place or into another folder."""

import argparse
import sys
from pathlib import Path
from typing import Any

from ._common import fail

_NO_OUTPUT = (
    "nothing written: pass --in-place to rewrite the files, or -o OUTDIR to write the "
    "converted files into another folder"
)


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``migrate`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "migrate",
        help="convert dipos 0.1 files to 0.2 (--in-place, or -o OUTDIR)",
        description=(
            "Convert dipos 0.1 files (JSON, JSON Lines, YAML; folders are searched) to dipos "
            "0.2: dipos_version becomes 0.2, x_ properties move into the record's "
            "`extensions`, a proposal's signatories become objects with `actor`. Files "
            "already in 0.2 are left as they are. Without --in-place or -o, nothing is "
            "written: the command lists what would change and exits 1 if anything would. "
            "JSON keeps its indentation and key order; YAML is written again from its data, "
            "without its comments. Exit codes: 0 done (or nothing to change), 1 a file "
            "could not be converted (or, without an output, would change), 2 could not run."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to convert")
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--in-place", action="store_true", help="rewrite the files that change, where they are"
    )
    output.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUTDIR",
        help=(
            "write every file, converted, into OUTDIR (a file keeps its name; a folder's "
            "files keep their paths inside it); the originals are not changed"
        ),
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print only problems, and no summary"
    )
    parser.set_defaults(handler=run)


def _fail(message: str) -> int:
    return fail("migrate", message)


def run(args: argparse.Namespace) -> int:
    """Run ``dipos migrate``; never raise on bad input."""
    from ..migrate.files import migrate_file
    from ..validator.read.inputs import InputError, InputFile, collect

    planned: list[tuple[InputFile, Path | None]] = []
    targets: dict[Path, str] = {}
    for given in args.paths:
        if given == "-":
            return _fail("standard input cannot be migrated: give a file or a folder")
        try:
            files = collect([given])
        except InputError as error:
            return _fail(str(error))
        root = Path(given)
        for file in files:
            assert file.path is not None
            target: Path | None = None
            if args.in_place:
                target = file.path
            elif args.output is not None:
                relative = file.path.relative_to(root) if root.is_dir() else Path(file.path.name)
                target = args.output / relative
                if target.exists() and target.resolve() == file.path.resolve():
                    return _fail(
                        f"{target} is the input file itself: use --in-place to rewrite "
                        "files where they are"
                    )
                key = target.resolve()
                if key in targets and targets[key] != str(file.path):
                    return _fail(
                        f"{targets[key]} and {file.path} would both be written to {target}"
                    )
                targets[key] = str(file.path)
            planned.append((file, target))
    if not planned:
        return _fail("no .json, .jsonl, .yaml or .yml files found in " + ", ".join(args.paths))

    failed = changed = written = 0
    for file, target in planned:
        assert file.path is not None
        result = migrate_file(file.path, file.kind, target)
        for problem in result.problems:
            where = str(problem.file)
            if problem.line is not None:
                where += f":{problem.line}"
            path = f" {problem.json_path}" if problem.path else ""
            print(
                f"{where}: {problem.severity} [{problem.rule}]{path}: {problem.message}",
                file=sys.stderr,
            )
        if result.failed:
            failed += 1
            if not result.written:
                continue
        if result.changes:
            changed += 1
        if result.written:
            written += 1
        if args.quiet:
            continue
        if result.changes:
            verb = "converted" if target is not None else "would convert"
            dest = f" -> {target}" if target is not None and target != file.path else ""
            print(f"{verb} {file.path}{dest}: " + "; ".join(result.changes))
            if result.comments_dropped and target is not None:
                print(f"note: {target}: the YAML comments of {file.path} were not kept")
        elif result.written:
            print(f"copied {file.path} -> {target} (already dipos 0.2)")
    if not args.quiet:
        print(
            f"{len(planned)} file(s): {changed} to convert, {written} written, "
            f"{failed} could not be converted"
        )
    if failed:
        return 1
    if not args.in_place and args.output is None and changed:
        print(_NO_OUTPUT, file=sys.stderr)
        return 1
    return 0
