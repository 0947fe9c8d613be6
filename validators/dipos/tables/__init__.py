"""dipos data as flat tables, and back: the one flattening convention of every table
format (CSV, XLSX, Parquet, Frictionless Data Package) and of the workbook route.

The layout is derived from the JSON Schema (:mod:`dipos.tables.layout`; documented in
``docs/tables.md``): one main table per record type (``positions``, ``actors``,
``territories``, ``sources``, ``proposals``, and ``datasets`` for a dataset's own
properties), nested objects as ``/``-path columns (``stated_on/value``), and each list
as a child table keyed by its parent's keys and the item's index
(``position_evidence``: ``position_id``, ``evidence_index``, ...).

Stable public functions (the workbook and exchange code build on them)::

    records_to_tables(records: Iterable[dict]) -> Tables
        # every table of the layout (empty ones too); a dataset's records are taken
        # out of it; raises FlattenError for data without the schema's shape
    tables_to_records(tables: Tables, locations: Locations | None = None)
        -> tuple[list[dict], list[Problem]]
        # records in table order; each Problem has table, row (spreadsheet row number,
        # header = 1), column, message; `locations` maps JSON paths of
        # records_to_dataset(records) to their cells
    records_to_dataset(records: Iterable[dict]) -> dict   # one dataset document
    write_csv(tables: Tables, folder: Path) -> None
    read_csv(folder: Path) -> tuple[Tables, list[Problem]]
    write_xlsx(tables: Tables, path: Path) -> None          # needs dipos[xlsx]
    read_xlsx(path: Path, *, ignore_sheets=()) -> tuple[Tables, list[Problem]]
    sheet_name(table: str) -> str                           # a table's XLSX sheet
    to_arrow(records) -> dict[str, pyarrow.Table]           # needs dipos[tables]
    to_frames(records) -> dict[str, pandas.DataFrame]       # needs dipos[tables]
    write_parquet(records, folder: Path) -> None            # streams, in batches
    write_datapackage(records, folder: Path) -> None        # CSV + datapackage.json
    read_datapackage(path: Path) -> tuple[Tables, list[Problem]]

Round trip: ``tables_to_records(records_to_tables(records))`` gives back the same
records (a dataset's record lists as records of their own), through any of the
formats too.
"""

from typing import TYPE_CHECKING, Any

from .core import Cell, Problem, Table, Tables
from .csvio import read_csv, write_csv
from .extras import MissingExtra
from .flatten import FlattenError, records_to_tables
from .layout import Layout, layout
from .unflatten import CellRef, Locations, records_to_dataset, tables_to_records

if TYPE_CHECKING:
    from .arrow import to_arrow, to_frames, write_parquet
    from .datapackage import read_datapackage, write_datapackage
    from .xlsxio import read_xlsx, sheet_name, write_xlsx

__all__ = [
    "Cell",
    "CellRef",
    "FlattenError",
    "Layout",
    "Locations",
    "MissingExtra",
    "Problem",
    "Table",
    "Tables",
    "layout",
    "read_csv",
    "read_datapackage",
    "read_xlsx",
    "records_to_dataset",
    "records_to_tables",
    "sheet_name",
    "tables_to_records",
    "to_arrow",
    "to_frames",
    "write_csv",
    "write_datapackage",
    "write_parquet",
    "write_xlsx",
]

_LAZY = {
    "to_arrow": "arrow",
    "to_frames": "arrow",
    "write_parquet": "arrow",
    "read_datapackage": "datapackage",
    "write_datapackage": "datapackage",
    "read_xlsx": "xlsxio",
    "sheet_name": "xlsxio",
    "write_xlsx": "xlsxio",
}


def __getattr__(name: str) -> Any:
    # The modules for optional formats are imported only when used (they import their
    # libraries lazily too, and say which extra to install when one is missing).
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
