"""``dipos convert``: tables to dipos JSON, and dipos data to a workbook.

* A workbook (``.xlsx``), a Data Package (its folder or ``datapackage.json``) or a
  folder of CSV tables becomes a dipos JSON dataset (``-o data.json``) or JSON Lines
  (``-o data.jsonl``), or a workbook. A workbook or CSV folder is read as the template's
  users write it (:mod:`dipos.workbook.read`): its Defaults sheet is written into the
  records and empty ids are generated.
* An authoring YAML or JSON file (``defaults:`` blocks, groups, empty ids; see
  :mod:`dipos.authoring.expand`) becomes the explicit dataset (``-o data.json``).
* dipos data (JSON, JSON Lines, YAML files or folders) becomes a workbook
  (``-o data.xlsx``); it is validated first, and refused when invalid.

Every problem in the tables is reported with its table, row and column (its sheet and
cell in a workbook); nothing is written then (exit 1). The output is written beside its
final path and renamed into place when complete.
"""

import argparse
from pathlib import Path
from typing import Any

from ._common import add_debug_option, run_guarded

_EPILOG = """\
exit codes:
  0  converted
  1  the input has problems (each reported with its table, row and column, or its
     sheet and cell; nothing is written), or dipos data given is invalid
  2  could not run: bad usage, missing path, an optional package not installed

examples:
  dipos convert data.xlsx -o data.json
  dipos convert authoring.yaml -o dataset.json
  dipos convert tables/ -o data.jsonl
  dipos convert package/datapackage.json -o data.json
  dipos convert examples/ -o examples.xlsx

The tables and their columns: https://dipos.github.io/dipos/tables/
"""


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``convert`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "convert",
        help="convert a workbook or tables to dipos JSON, or dipos data to a workbook",
        description=(
            "Convert a workbook (.xlsx), a Frictionless Data Package or a folder of CSV "
            "tables into dipos JSON (-o data.json) or JSON Lines (-o data.jsonl); an "
            "authoring YAML or JSON file (defaults, groups, empty ids) into the explicit "
            "dataset (-o data.json); or dipos data into a workbook (-o data.xlsx)."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="IN",
        help="a workbook, a Data Package, a folder of CSV tables, or dipos files and folders",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="OUT",
        help="the file to write: .json, .jsonl or .xlsx",
    )
    add_debug_option(parser)
    parser.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos convert``; never raise, never print a traceback (unless asked)."""
    # The tables, the workbook reader and the validator are loaded only when the
    # command runs (convert_run): `dipos --version` and the other commands do without.
    from .convert_run import run

    return run_guarded("convert", run, args)
