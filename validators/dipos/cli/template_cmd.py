"""``dipos template``: write an XLSX workbook to fill in, generated from the schema.

Exit codes: 0 written; 2 could not run (the file exists and ``--force`` was not given,
it cannot be written, or no reference list is available for ``--with-reference``).
"""

import argparse
from pathlib import Path
from typing import Any

from ._common import EXIT_OK, fail


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``template`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "template",
        help="write an XLSX workbook to fill in (one sheet per table, drop-downs for codes)",
        description=(
            "Write an XLSX workbook generated from the schema: a sheet per record type and "
            "per list, column descriptions as comments on row 1, drop-down lists for the "
            "codelists, a Read me sheet and a Defaults sheet. Fill it in, then "
            "`dipos convert FILE.xlsx -o dataset.json` and `dipos validate FILE.xlsx`."
        ),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("dipos-template.xlsx"),
        metavar="FILE.xlsx",
        help="where to write the workbook (default: dipos-template.xlsx)",
    )
    parser.add_argument(
        "--with-reference",
        action="store_true",
        help="fill in the shared actors and territories (the project's reference list)",
    )
    parser.add_argument("--force", action="store_true", help="replace the output file if it exists")
    parser.set_defaults(handler=run_command)


def _fail(message: str) -> int:
    return fail("template", message)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos template``."""
    from ..workbook.reference import NoReference, shared_records
    from ..workbook.template import write_template

    output: Path = args.output
    if output.suffix.lower() != ".xlsx":
        return _fail(f"the output must be an .xlsx file: {output}")
    if output.exists() and not args.force:
        return _fail(f"{output} exists: give --force to replace it")
    records: list[dict[str, Any]] = []
    origin = ""
    if args.with_reference:
        try:
            records, origin = shared_records()
        except NoReference as error:
            return _fail(str(error))
    try:
        from ..tables.extras import require

        require("openpyxl", "xlsx")
        write_template(output, records)
    except ImportError as error:  # MissingExtra: says which extra to install
        return _fail(str(error))
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    print(f"wrote {output}" + (f", with {len(records)} records from {origin}" if origin else ""))
    return EXIT_OK
