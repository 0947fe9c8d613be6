"""``dipos template``: an XLSX workbook to fill in, generated from the schema.

The sheets are the tables of the one flattening convention (:mod:`dipos.tables`): a
sheet per record type (``positions``, ``actors``...) and one per list
(``position_evidence``: a row per piece of evidence, naming its position in
``position_id``). Row 1 holds the column names, each with its description as a cell
comment; every column of a closed codelist has a drop-down of its codes (from the
hidden ``codelists`` sheet) that refuses other values, and the ``topic`` columns one
that suggests the codes and accepts others (the list is open). A ``Read me`` sheet
explains the conventions and a ``Defaults`` sheet takes the values entered once
(:mod:`dipos.workbook.defaults`).

The columns a program needs to write any dataset losslessly but a person never does
(``_empty``, ``*/_extra``, the index of a list's rows when nothing refers to it) are
left out; the converter reads workbooks with or without them. Values with no fixed
shape (``extensions``, a quantity's ``applies_to``) are one column of JSON text.
"""

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Final

from ..codelists import load as load_codelist
from ..tables import records_to_tables
from ..tables.layout import EMPTY_COLUMN, EXTRA_SUFFIX, TableSpec, layout
from ..tables.xlsxio import sheet_name
from ..version import SCHEMA_VERSION
from .cells import column_letter
from .defaults import DEFAULTS_COLUMNS, DEFAULTS_SHEET
from .read import CODELISTS_SHEET, READ_ME_SHEET

MAX_ROW: Final = 1_048_576
PROMPT_MAX: Final = 255
"""Excel refuses an input message longer than this."""

WIDE_COLUMNS: Final = frozenset({"summary", "quote", "notes", "note", "description", "title"})

READ_ME: Final = f"""\
dipos {SCHEMA_VERSION} data workbook

Fill in this workbook to record diplomatic positions as dipos data, then convert it:
    dipos convert data.xlsx -o dataset.json
and check it (every problem is reported at its sheet and cell, e.g. positions!F12):
    dipos validate data.xlsx

The sheets
- One sheet per kind of record: actors, territories, sources, proposals, positions;
  datasets (optional) describes the dataset itself.
- One sheet per list: a record's lists go in their own sheets, one row per item.
  position_holders has a row per holder of a position, position_evidence a row per
  piece of evidence, and so on. The first column (position_id, actor_id...) names the
  record the row belongs to: type that record's id exactly.
- Rows of a list keep their order. A sheet with an *_index column (position_evidence's
  evidence_index) numbers its rows from 0, because the rows of another sheet refer to
  them (position_evidence_reported_via names its evidence by that number).
- Leave sheets you do not need empty; do not rename or delete columns. Extra sheets
  are not read (a warning says so).

The columns
- Row 1 holds the column names; point at one to read what it is for.
- A column with a drop-down takes only its codes (a closed codelist). The topics
  columns suggest the topic codes but take others (the list is open; a project's own
  codes look like myproject:water_rights).
- A name with a / is a part of an object: stated_on/value and stated_on/basis are the
  date and its basis (stated or inferred; an inferred date needs stated_on/inferred_from).
- Leave a cell empty when the value is not known. Never guess a date, an id or a URL.

Dates, numbers and formulas
- Dates are text: 2025-05-17, 2025-05 or 2025 (EDTF). The date columns are formatted
  as text; if a spreadsheet turns a date into its own date format, the converter
  reports it: format the column as Text and type the date again.
- Type values, not formulas (a formula is reported and not read).
- Do not merge cells: type the value in every row, or use the Defaults sheet.

Less typing
- Defaults sheet: a value entered once for a whole sheet, written into every record
  that does not give its own. Columns: sheet, column, value, and optionally rows
  (e.g. 20-31, to limit the default to those rows of the record's sheet, such as the
  points of one plan) and note. Examples:
      positions | stated_on/value | 2025-05-17
      positions | stated_on/basis | stated
      position_holders | value | actor-russia       (the holders of every position)
      position_evidence | source | src-1            (the source of every quote)
  A default in a sheet of plain values (position_holders, position_topics) gives the
  whole list to records that have none; a default in a sheet of objects
  (position_evidence) completes each row they have.
- Ids: a row of actors, territories, sources, proposals or positions whose id is left
  empty gets one made from its content: pos- and 12 characters (the same content
  always gives the same id). Rows of other sheets cannot name such a record, so type
  an id for any record that has lists. Once a generated id is used elsewhere or
  published, copy it into the id cell: any change to the row changes it.

More: https://dipos.github.io/dipos/spreadsheets/
"""


def template_columns(spec: TableSpec) -> list[str]:
    """The columns of a table in the template (see the module's note)."""
    keys = [k for k in spec.keys if k != spec.index_column or spec.children]
    values = [
        c.name for c in spec.columns if c.name != EMPTY_COLUMN and c.path[-1:] != (EXTRA_SUFFIX,)
    ]
    return [*keys, *values]


def _descriptions(spec: TableSpec) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in spec.keys:
        if key == "id":
            found[key] = (
                "The record's id, unique in the dataset (letters, digits and . _ : / -). "
                "Left empty, one is made from the row's content."
            )
        elif key == spec.index_column:
            found[key] = "The item's place in its list, from 0 (rows of other sheets refer to it)."
        elif key.endswith("_index"):
            found[key] = "The place, from 0, of the item of the parent list this row belongs to."
        else:
            found[key] = f"The id of the record this row belongs to ({key[:-3]})."
    for column in spec.columns:
        text = column.description or spec.description
        if column.enum:
            text += " Codes: " + ", ".join(column.enum) + "."
        if column.kind == "json":
            text += ' Written as JSON text, e.g. {"acme:reviewed": true} or [{...}].'
        found[column.name] = text.strip()
    return found


def _codes(spec: TableSpec, column: str) -> tuple[tuple[str, ...], bool] | None:
    """The drop-down of a column: its codes, and whether other values are refused."""
    for spec_column in spec.columns:
        if spec_column.name != column:
            continue
        if spec_column.enum:
            return spec_column.enum, True
        if spec_column.kind == "boolean":
            return ("true", "false"), True
        if spec.scalar is spec_column and spec.name.endswith("_topics"):
            topics = tuple(c.code for c in load_codelist("topic").codes if not c.deprecated)
            return topics, False
    return None


class _Codelists:
    """The hidden sheet of drop-down lists, one column per distinct list."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet
        self.ranges: dict[tuple[str, ...], str] = {}

    def range_of(self, name: str, codes: tuple[str, ...]) -> str:
        if codes not in self.ranges:
            letter = column_letter(len(self.ranges))
            self.sheet.cell(row=1, column=len(self.ranges) + 1, value=name)
            for row, code in enumerate(codes, 2):
                self.sheet.cell(row=row, column=len(self.ranges) + 1, value=code)
            self.ranges[codes] = f"{CODELISTS_SHEET}!${letter}$2:${letter}${len(codes) + 1}"
        return self.ranges[codes]


def build_template(records: Iterable[dict[str, Any]] = ()) -> Any:
    """The template workbook (an openpyxl ``Workbook``), with ``records`` (actors and
    territories to share) filled in."""
    import openpyxl
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = openpyxl.Workbook()
    read_me = workbook.active
    assert read_me is not None
    read_me.title = READ_ME_SHEET
    for row, line in enumerate(READ_ME.splitlines(), 1):
        read_me.cell(row=row, column=1, value=line)
    read_me["A1"].font = Font(bold=True, size=14)
    read_me.column_dimensions["A"].width = 100
    bold = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE3F0")
    defaults = workbook.create_sheet(DEFAULTS_SHEET)
    _header(defaults, list(DEFAULTS_COLUMNS), bold, header_fill)
    codelists = _Codelists(workbook.create_sheet(CODELISTS_SHEET))
    codelists.sheet.sheet_state = "hidden"
    filled = records_to_tables(records) if records else None
    sheet_list = DataValidation(
        type="list", formula1=codelists.range_of("sheet", tuple(layout().tables)), allow_blank=True
    )
    defaults.add_data_validation(sheet_list)
    sheet_list.add(f"A2:A{MAX_ROW}")
    for spec in layout().tables.values():
        sheet = workbook.create_sheet(sheet_name(spec.name))
        columns = template_columns(spec)
        descriptions = _descriptions(spec)
        _header(sheet, columns, bold, header_fill)
        for position, column in enumerate(columns):
            letter = column_letter(position)
            cell = sheet.cell(row=1, column=position + 1)
            description = descriptions.get(column, "")
            if description:
                comment = Comment(description, "dipos")
                comment.width, comment.height = 300, 150
                cell.comment = comment
            wide = column.split("/")[-1] in WIDE_COLUMNS
            sheet.column_dimensions[letter].width = 50 if wide else 20
            kind = next((c.kind for c in spec.columns if c.name == column), "string")
            if kind == "string":
                # Text format: keeps 2025-05 and 1.10 as typed instead of a date or a number.
                sheet.column_dimensions[letter].number_format = "@"
            if wide:
                sheet.column_dimensions[letter].alignment = Alignment(wrap_text=True)
            codes = _codes(spec, column)
            if codes is None:
                continue
            values, closed = codes
            validation = DataValidation(
                type="list",
                formula1=codelists.range_of(f"{spec.name}.{column}", values),
                allow_blank=True,
                showErrorMessage=closed,
                errorTitle="Not a code of this column",
                error="Choose a code from the list (see the column's comment in row 1).",
                showInputMessage=True,
                promptTitle=column[:32],
                prompt=("Choose a code" if closed else "Choose a topic, or type your own code")[
                    :PROMPT_MAX
                ],
            )
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{MAX_ROW}")
        if filled is not None and spec.name in filled:
            table = filled[spec.name]
            for cells in table.rows:
                by_name = dict(zip(table.columns, cells, strict=False))
                sheet.append([by_name.get(column) for column in columns])
    return workbook


def _header(sheet: Any, columns: list[str], bold: Any, fill: Any) -> None:
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
    sheet.freeze_panes = "A2"


def write_template(path: Path, records: Iterable[dict[str, Any]] = ()) -> None:
    """Write the template to ``path``, whole or not at all (a temporary file renamed)."""
    workbook = build_template(records)
    folder = path.parent if str(path.parent) else Path()
    handle, temporary = tempfile.mkstemp(suffix=".xlsx", dir=folder)
    os.close(handle)
    try:
        workbook.save(temporary)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
