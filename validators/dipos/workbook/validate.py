"""``dipos validate data.xlsx``: a workbook (or a folder of CSV tables) checked as dipos
data, every finding at its sheet and cell.

An input adapter, chosen by the path: an ``.xlsx`` file, or a directory with ``.csv``
files in it, is read into its explicit dataset (:mod:`dipos.workbook.read`), which the
validator checks like any other file (as one dataset with the other paths given, so
references resolve across them); then each finding's JSON path is mapped back to the
cell the value came from, and the problems of reading the workbook are added.
"""

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from ..validator.findings import Finding, ValidationReport
from ..validator.read.inputs import InputError, InputFile

if TYPE_CHECKING:
    from .read import WorkbookData

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")

_CELL = re.compile(r"^(?:(?P<sheet>'(?:[^']|'')*'|[^!]*)!)?(?P<col>[A-Z]*)(?P<row>\d*)")


def is_workbook(path: str | os.PathLike[str]) -> bool:
    """Whether a path given to ``dipos validate`` is a workbook or a folder of CSV tables."""
    given = Path(path)
    if str(path) == "-":
        return False
    if given.suffix.lower() in WORKBOOK_SUFFIXES:
        return given.is_file()
    if not given.is_dir():
        return False
    # A folder of CSV tables has at least one file named after a table (positions.csv).
    names = {p.stem for p in _files(given) if p.suffix.lower() == ".csv"}
    if not names:
        return False  # the common case, decided without loading the tables' layout
    from ..tables.layout import layout

    return not names.isdisjoint(layout().tables)


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []


def read_inputs(paths: Iterable[str | os.PathLike[str]]) -> "list[WorkbookData]":
    """Read the workbooks and CSV folders among the paths. Raises ``InputError`` when a
    workbook is given and openpyxl (the ``dipos[xlsx]`` extra) is not installed."""
    found: list[WorkbookData] = []
    for path in paths:
        if not is_workbook(path):
            continue
        # The workbook reader (and the tables under it) is loaded only when a workbook or
        # a folder of tables is given: `dipos validate data.json` does without.
        from ..tables.extras import MissingExtra, require
        from .read import read_csv_folder, read_workbook

        given = Path(path)
        if given.is_dir():
            found.append(read_csv_folder(given, name=str(path)))
            continue
        try:
            require("openpyxl", "xlsx")
        except MissingExtra as error:
            raise InputError(f"{path}: {error}") from None
        found.append(read_workbook(given, name=str(path)))
    return found


def other_paths(paths: Sequence[str | os.PathLike[str]]) -> list[str | os.PathLike[str]]:
    """The paths that are not workbooks; a CSV folder stays when it also holds dipos files
    (its ``.json`` and YAML files are read as usual)."""
    kept: list[str | os.PathLike[str]] = []
    for path in paths:
        if not is_workbook(path) or (
            Path(path).is_dir()
            and any(
                p.suffix.lower() in (".json", ".jsonl", ".yaml", ".yml") for p in _files(Path(path))
            )
        ):
            kept.append(path)
    return kept


def as_input(workbook: "WorkbookData") -> InputFile | None:
    """The workbook's dataset as an in-memory file for the validator (``None`` when the
    workbook could not be read)."""
    if workbook.dataset is None:
        return None
    return InputFile(workbook.name, "json", data=orjson.dumps(workbook.dataset))


def _sort_key(finding: Finding, order: dict[str, int]) -> tuple[int, str, int, int, str, str]:
    match = _CELL.match(finding.cell or "")
    sheet, column, row = "", 0, 0
    if match is not None:
        sheet = match.group("sheet") or ""
        letters = match.group("col") or ""
        for letter in letters:
            column = column * 26 + ord(letter) - 64
        row = int(match.group("row") or 0)
    return (
        order.get(sheet.strip("'"), len(order)),
        sheet,
        row,
        column,
        finding.pointer,
        finding.rule,
    )


def _row_of(cell: str | None) -> set[tuple[str, int]]:
    """``{(sheet, row), (sheet, 0)}`` of a cell (row 0 stands for the whole sheet)."""
    match = _CELL.match(cell or "")
    if match is None:
        return set()
    sheet = (match.group("sheet") or "").strip("'")
    row = int(match.group("row") or 0)
    return {(sheet, row), (sheet, 0)}


def _covered(workbook: "WorkbookData") -> set[tuple[str, int]]:
    """The rows (and, for a missing column, whole sheets) where reading the workbook
    already reported an error: a required value missing there is no news."""
    found: set[tuple[str, int]] = set()
    for finding in workbook.findings:
        if finding.severity != "error":
            continue
        match = _CELL.match(finding.cell or "")
        if match is None:
            continue
        sheet = (match.group("sheet") or "").strip("'")
        if finding.rule == "workbook-column-missing":
            found.add((sheet, 0))
        elif match.group("row"):
            found.add((sheet, int(match.group("row"))))
    return found


def place(
    report: ValidationReport,
    workbooks: "Sequence[WorkbookData]",
    selected: frozenset[str] | None,
    ignored: frozenset[str] | None,
) -> ValidationReport:
    """The report with the findings in workbooks placed at their cells, and the problems of
    reading the workbooks added (filtered by ``--select``/``--ignore`` too)."""
    if not workbooks:
        return report
    by_name = {w.name: w for w in workbooks}
    kept: list[Finding] = []
    placed: dict[str, list[Finding]] = {w.name: [] for w in workbooks}
    covered = {w.name: _covered(w) for w in workbooks}
    for finding in report.findings:
        workbook = by_name.get(finding.file or "")
        if workbook is None:
            kept.append(finding)
            continue
        file, cell = workbook.cell_of(finding.path)
        if finding.rule == "schema-required" and _row_of(cell) & covered[workbook.name]:
            continue  # the value is missing because of a problem already reported there
        placed[workbook.name].append(replace(finding, file=file, cell=cell, line=None, column=None))
    for workbook in workbooks:
        for finding in workbook.findings:
            if (selected is None or finding.rule in selected) and finding.rule not in (
                ignored or frozenset()
            ):
                placed[workbook.name].append(finding)
    files = list(report.files)
    for workbook in workbooks:
        if workbook.name not in files:
            files.append(workbook.name)
        order = {sheet: i for i, sheet in enumerate(workbook.sheets.values())}
        findings = sorted(placed[workbook.name], key=lambda f: (f.file or "", *_sort_key(f, order)))
        kept.extend(findings)
    return ValidationReport(findings=kept, files=files, records=report.records)
