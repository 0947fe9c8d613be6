"""A folder of CSV files, one per table: ``<table>.csv``, UTF-8, a header row of column
names, RFC 4180 quoting. Empty cells are absent values (see :mod:`.cells`)."""

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from .cells import from_text, to_text
from .core import Problem, Table, Tables
from .flatten import Flattener
from .layout import layout

CSV_SUFFIX = ".csv"


def write_csv_table(table: Table, path: Path) -> None:
    """Write one table as a CSV file."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        writer.writerows([to_text(v) for v in row] for row in table.rows)


def write_csv(tables: Tables, folder: Path) -> None:
    """Write every table to ``folder/<table>.csv`` (the folder is created)."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in tables:
        write_csv_table(table, folder / f"{table.name}{CSV_SUFFIX}")


def write_csv_records(
    records: Iterable[Any], folder: Path, *, batch_records: int = 20_000
) -> dict[str, Path]:
    """Write the tables of the records to ``folder/<table>.csv``, flattening
    ``batch_records`` records at a time (memory stays flat); returns the files by table."""
    folder.mkdir(parents=True, exist_ok=True)
    specs = layout().tables
    paths = {name: folder / f"{name}{CSV_SUFFIX}" for name in specs}
    handles: dict[str, TextIO] = {}
    try:
        writers = {}
        for name, spec in specs.items():
            handles[name] = paths[name].open("w", encoding="utf-8", newline="")
            writers[name] = csv.writer(handles[name])
            writers[name].writerow(spec.column_names)
        flattener = Flattener()

        def flush() -> None:
            for table in flattener.take():
                writers[table.name].writerows([to_text(v) for v in row] for row in table.rows)

        for record in records:
            flattener.add(record)
            if flattener.pending() >= batch_records:
                flush()
        flush()
    finally:
        for handle in handles.values():
            handle.close()
    return paths


def read_csv_table(path: Path, name: str | None = None) -> tuple[Table | None, list[Problem]]:
    """Read one CSV file as a table (all cells text, or ``None`` when empty). Row numbers
    are the file's record numbers (the header is 1)."""
    table_name = name or path.stem
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [
            Problem(table_name, None, None, f"not UTF-8 text ({error.reason}): save it as UTF-8")
        ]
    except OSError as error:
        return None, [Problem(table_name, None, None, f"cannot read {path}: {error.strerror}")]
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        return None, [Problem(table_name, None, None, f"not valid CSV: {error}")]
    if not rows:
        return None, [Problem(table_name, 1, None, "the file is empty: it needs a header row")]
    header = [c.strip() for c in rows[0]]
    table = Table(table_name, header, [], [])
    assert table.row_numbers is not None
    for number, row in enumerate(rows[1:], 2):
        cells = [from_text(c) for c in row]
        if len(cells) > len(header) and any(c is not None for c in cells[len(header) :]):
            return table, [
                Problem(table_name, number, None, "more cells than columns in the header")
            ]
        table.rows.append(cells)
        table.row_numbers.append(number)
    return table, []


def read_csv(folder: Path, names: Iterable[str] | None = None) -> tuple[Tables, list[Problem]]:
    """Read ``folder/*.csv`` as tables (every CSV file: unknown tables are reported by
    :func:`~dipos.tables.tables_to_records`)."""
    tables = Tables()
    problems: list[Problem] = []
    wanted = set(names) if names is not None else None
    paths = sorted(folder.glob(f"*{CSV_SUFFIX}"))
    order = list(layout().tables)
    paths.sort(key=lambda p: (order.index(p.stem) if p.stem in order else len(order), p.name))
    for path in paths:
        if wanted is not None and path.stem not in wanted:
            continue
        table, found = read_csv_table(path)
        problems.extend(found)
        if table is not None:
            tables.tables[table.name] = table
    return tables, problems
