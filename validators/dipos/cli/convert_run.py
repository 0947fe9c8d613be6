"""The work of ``dipos convert`` (:mod:`dipos.cli.convert_cmd`), imported when the
command runs."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from ..export.atomic import OutputError, atomic_output, check_output
from ..tables.core import Problem, Tables
from ..tables.csvio import CSV_SUFFIX, read_csv
from ..tables.extras import MissingExtra
from ..tables.flatten import FlattenError, records_to_tables
from ..tables.layout import layout
from ..tables.reading import ReadError, iter_records
from ..tables.unflatten import records_to_dataset, tables_to_records
from ..validator.read.inputs import InputError, collect, given_mode
from ._common import EXIT_INVALID, EXIT_OK, fail
from .export_cmd import refuse_invalid, validate_files

TableKind = Literal["xlsx", "datapackage", "csv"]


def table_kind(path: Path) -> TableKind | None:
    """What kind of tables a path holds, or ``None`` for dipos data."""
    if path.suffix.lower() == ".xlsx" and not path.is_dir():
        return "xlsx"
    if path.name == "datapackage.json" and path.is_file():
        return "datapackage"
    if path.is_dir():
        if (path / "datapackage.json").is_file():
            return "datapackage"
        names = set(layout().tables)
        if any(p.stem in names for p in path.glob(f"*{CSV_SUFFIX}")):
            return "csv"
    return None


def read_tables(path: Path, kind: TableKind) -> tuple[Tables, list[Problem]]:
    if kind == "xlsx":
        from ..tables.xlsxio import read_xlsx

        return read_xlsx(path)
    if kind == "datapackage":
        from ..tables.datapackage import read_datapackage

        return read_datapackage(path)
    return read_csv(path)


def column_letter(position: int) -> str:
    """The spreadsheet letters of a column position (0 -> A, 26 -> AA)."""
    letters = ""
    position += 1
    while position:
        position, remainder = divmod(position - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def describe(problem: Problem, tables: Tables, source: Path, kind: TableKind) -> str:
    """Where a problem is, as its reader will look for it: a workbook's sheet and cell
    (``positions!F12``), a CSV file and line."""
    table = tables.tables.get(problem.table)
    if kind == "xlsx":
        from ..tables.xlsxio import sheet_name

        sheet = (
            sheet_name(problem.table)
            if table is None or table.name == problem.table
            else problem.table
        )
        where = f"{source}: {sheet}"
        if problem.row is not None:
            column = None
            if problem.column is not None and table is not None and problem.column in table.columns:
                column = column_letter(table.columns.index(problem.column))
            where += f"!{column}{problem.row}" if column else f"!{problem.row}:{problem.row}"
        if problem.column is not None:
            where += f" (column {problem.column})"
        return f"{where}: {problem.message}"
    file = source / f"{problem.table}{CSV_SUFFIX}" if source.is_dir() else source
    where = f"{file}"
    if problem.row is not None:
        where += f":{problem.row}"
    if problem.column is not None:
        where += f": column {problem.column}"
    return f"{where}: {problem.message}"


def _write_records(records: list[dict[str, Any]], path: Path) -> None:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from ..tables.xlsxio import write_xlsx

        write_xlsx(records_to_tables(records), path)
        return
    if suffix == ".jsonl":
        with path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return
    text = json.dumps(records_to_dataset(records), ensure_ascii=False, indent=2) + "\n"
    path.write_text(text, encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    """Run ``dipos convert`` (guarded by :func:`dipos.cli.convert_cmd.run_command`)."""
    output: Path = args.output
    suffix = output.suffix.lower()
    inputs = [Path(p) for p in args.inputs]
    try:
        # Said first: a missing input means the command could not run (exit 2), whatever
        # kind of input its name suggests.
        for given, path in zip(args.inputs, inputs, strict=True):
            given_mode(path, given)
    except InputError as error:
        return fail("convert", str(error))
    kinds = [table_kind(p) for p in inputs]
    if any(k is not None for k in kinds):
        if len(inputs) != 1:
            return fail("convert", "give one workbook, Data Package or folder of tables at a time")
        if suffix not in (".json", ".jsonl", ".xlsx"):
            return fail("convert", f"{output}: the output must end in .json, .jsonl or .xlsx")
        kind = kinds[0]
        assert kind is not None
        return _from_tables(inputs[0], kind, output)
    if suffix in (".json", ".jsonl") and len(inputs) == 1 and _is_authoring(inputs[0]):
        return _from_authoring(inputs[0], args.inputs[0], output)
    if suffix != ".xlsx":
        return fail(
            "convert",
            f"{output}: dipos data converts to a workbook (-o data.xlsx); for other table "
            "formats use dipos export",
        )
    return _from_data(args.inputs, output)


AUTHORING_SUFFIXES = (".yaml", ".yml", ".json")


def _is_authoring(path: Path) -> bool:
    return path.suffix.lower() in AUTHORING_SUFFIXES and path.is_file()


def _from_authoring(path: Path, name: str, output: Path) -> int:
    """An authoring YAML or JSON file (defaults, groups, empty ids: see
    docs/spreadsheets.md) expanded into the explicit dataset."""
    import orjson

    from ..authoring.expand import expand
    from ..validator.read.syntax import BOM
    from ..validator.read.yamlload import read_yaml
    from ..validator.report.text import render_finding

    try:
        check_output(output, "file")
        data = path.read_bytes()
    except (OutputError, OSError) as error:
        return fail("convert", str(error))
    if path.suffix.lower() == ".json":
        try:
            value = orjson.loads(data.removeprefix(BOM))
        except orjson.JSONDecodeError as error:
            print(f"{name}: {error}", file=sys.stderr)
            return EXIT_INVALID
    else:
        units, findings = read_yaml(data, name)
        if findings or len(units) != 1:
            for finding in findings:
                print(render_finding(finding), file=sys.stderr)
            if len(units) != 1 and not findings:
                print(f"{name}: an authoring file holds one YAML document", file=sys.stderr)
            return EXIT_INVALID
        value = units[0].value
    expanded = expand(value)
    if expanded.problems:
        for problem in expanded.problems:
            print(f"{name}: {problem}", file=sys.stderr)
        count = len(expanded.problems)
        print(
            f"dipos convert: {count} problem{'s' if count != 1 else ''} in {name}: nothing written",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if expanded.generated_ids:
        print(f"{expanded.generated_ids} ids generated from the records' content")
    return _write(_dataset_records(expanded.dataset), output)


def _dataset_records(dataset: dict[str, Any]) -> list[dict[str, Any]]:
    """A dataset document as records: its own properties first, then its record lists."""
    lists = {key for key in dataset if isinstance(dataset.get(key), list) and key != "type"}
    header = {k: v for k, v in dataset.items() if k not in lists}
    return [header, *(r for key in lists for r in dataset[key])]


def _from_workbook(source: Path, kind: TableKind, output: Path) -> int:
    """A workbook or a folder of CSV tables, read as the template's users write them:
    every spreadsheet trap reported at its cell, the Defaults sheet written into the
    records and empty ids generated (:mod:`dipos.workbook.read`)."""
    from ..validator.report.text import render_finding
    from ..workbook.read import read_csv_folder, read_workbook

    try:
        check_output(output, "file")
        if kind == "xlsx":
            from ..tables.extras import require

            require("openpyxl", "xlsx")
    except MissingExtra as error:
        return fail("convert", str(error))
    except OutputError as error:
        return fail("convert", str(error))
    if kind == "xlsx":
        data = read_workbook(source, locate=False)
    else:
        data = read_csv_folder(source, locate=False)
    for finding in data.findings:
        print(render_finding(finding), file=sys.stderr)
    errors = sum(1 for f in data.findings if f.severity == "error")
    if errors or data.dataset is None:
        plural = "s" if errors != 1 else ""
        print(
            f"dipos convert: {errors} problem{plural} in {source}: nothing written",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if len(data.dataset_rows) > 1 and output.suffix.lower() == ".json":
        print(
            f"dipos convert: {len(data.dataset_rows)} dataset rows in {source}: a .json file "
            "holds one dataset; write JSON Lines (-o data.jsonl) to keep them apart",
            file=sys.stderr,
        )
        return EXIT_INVALID
    if data.generated_ids:
        print(f"{data.generated_ids} ids generated from the rows' content")
    return _write(data.records(), output)


def _from_tables(source: Path, kind: TableKind, output: Path) -> int:
    if kind in ("xlsx", "csv"):
        return _from_workbook(source, kind, output)
    try:
        check_output(output, "file")
        tables, problems = read_tables(source, kind)
    except MissingExtra as error:
        return fail("convert", str(error))
    except (OutputError, OSError) as error:
        return fail("convert", str(error))
    records, more = tables_to_records(tables)
    problems = [*problems, *more]
    datasets = sum(1 for r in records if r.get("type") == "dataset")
    if datasets > 1 and output.suffix.lower() == ".json":
        problems.append(
            Problem(
                layout().main["dataset"].name,
                None,
                None,
                f"{datasets} dataset rows: a .json file holds one dataset; write JSON Lines "
                "(-o data.jsonl) to keep them apart",
            )
        )
    if problems:
        for problem in problems:
            print(describe(problem, tables, source, kind), file=sys.stderr)
        count = len(problems)
        plural = "s" if count != 1 else ""
        print(
            f"dipos convert: {count} problem{plural} in {source}: nothing written", file=sys.stderr
        )
        return EXIT_INVALID
    return _write(records, output)


def _write(records: list[dict[str, Any]], output: Path) -> int:
    try:
        with atomic_output(output, "file") as temporary:
            _write_records(records, temporary)
    except MissingExtra as error:
        return fail("convert", str(error))
    except (OutputError, FlattenError, ValueError, OSError) as error:
        return fail("convert", f"cannot write {output}: {error}")
    print(f"wrote {output} ({len(records)} records)")
    return EXIT_OK


def _from_data(paths: Sequence[str], output: Path) -> int:
    try:
        from ..tables.extras import require

        require("openpyxl", "xlsx")
        check_output(output, "file")
        files = collect(list(paths))
    except MissingExtra as error:
        return fail("convert", str(error))
    except (OutputError, InputError, OSError) as error:
        return fail("convert", str(error))
    if not files:
        return fail(
            "convert", "no dipos files found (.json, .jsonl, .yaml, .yml) in " + ", ".join(paths)
        )
    report = validate_files(files)
    if not report.ok:
        return refuse_invalid("convert", report)
    try:
        records = list(iter_records(files))
    except ReadError as error:
        return fail("convert", str(error))
    return _write(records, output)
