"""The table formats of ``dipos export`` (:mod:`dipos.tables`), imported when used."""

from collections.abc import Iterable
from pathlib import Path
from typing import Any


def write_csv_folder(records: Iterable[dict[str, Any]], path: Path) -> None:
    from ..tables.csvio import write_csv_records

    write_csv_records(records, path)


def write_workbook(records: Iterable[dict[str, Any]], path: Path) -> None:
    from ..tables.flatten import records_to_tables
    from ..tables.xlsxio import write_xlsx

    write_xlsx(records_to_tables(records), path)


def write_parquet_folder(records: Iterable[dict[str, Any]], path: Path) -> None:
    from ..tables.arrow import write_parquet

    write_parquet(records, path)


def write_package(records: Iterable[dict[str, Any]], path: Path) -> None:
    from ..tables.datapackage import write_datapackage

    write_datapackage(records, path)
