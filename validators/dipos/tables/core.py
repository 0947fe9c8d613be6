"""The in-memory tables: :class:`Table`, :class:`Tables`, and :class:`Problem`."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .layout import layout

Cell = str | int | float | bool | None
"""A cell value: text, a number, a boolean, or ``None`` for an empty cell. Tables made by
:func:`~dipos.tables.records_to_tables` hold typed values; tables read from CSV hold text,
which :func:`~dipos.tables.tables_to_records` reads by each column's type."""


@dataclass(slots=True)
class Table:
    """One table: its column names and its rows (each a list of cells, in column order).

    ``row_numbers``, when set, gives each row's number in the file it was read from
    (a spreadsheet's row number, the header being row 1), for :class:`Problem`; when it
    is ``None`` a row's number is its position plus 2 (as if written with a header)."""

    name: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    row_numbers: list[int] | None = None

    def row_number(self, position: int) -> int:
        """The row number of the row at ``position`` (0-based) in this table."""
        if self.row_numbers is not None:
            return self.row_numbers[position]
        return position + 2

    def records(self) -> Iterator[dict[str, Any]]:
        """The rows as dicts, column name to cell, leaving out empty cells."""
        for row in self.rows:
            yield {c: v for c, v in zip(self.columns, row, strict=False) if v is not None}


@dataclass(slots=True)
class Tables:
    """A set of tables by name. Made by :func:`~dipos.tables.records_to_tables` with
    every table of the layout, in the documented order (empty tables included)."""

    tables: dict[str, Table] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Table:
        return self.tables[name]

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    def __iter__(self) -> Iterator[Table]:
        return iter(self.tables.values())

    def __len__(self) -> int:
        return len(self.tables)

    def names(self) -> list[str]:
        return list(self.tables)

    @classmethod
    def empty(cls) -> "Tables":
        """Every table of the layout, with its columns and no rows."""
        return cls({name: Table(name, spec.column_names) for name, spec in layout().tables.items()})


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the tables that cannot become dipos data as it is.

    ``table`` is the table's name (a CSV file's stem, an XLSX sheet's table); ``row`` the
    row's number as a spreadsheet shows it (the header is row 1; ``None`` for the
    table as a whole); ``column`` the column's name (``None`` for the whole row)."""

    table: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = self.table
        if self.row is not None:
            where += f" row {self.row}"
        if self.column is not None:
            where += f" column {self.column!r}"
        return f"{where}: {self.message}"
