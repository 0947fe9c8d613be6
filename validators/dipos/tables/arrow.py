"""The tables as Apache Arrow tables, pandas data frames and Parquet files (the
``dipos[tables]`` extra: pyarrow, pandas).

Column types follow the schema: text (and JSON text) as ``string``, numbers as
``double``, whole numbers and index columns as ``int64``, true/false as ``bool``;
an absent value is null. Parquet is written in batches of records, so that a dataset
of any size is exported in bounded memory.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .core import Table, Tables
from .extras import require
from .flatten import Flattener, records_to_tables
from .layout import EMPTY_COLUMN, INDEX_SUFFIX, TableSpec, layout

PARQUET_SUFFIX = ".parquet"
BATCH_RECORDS = 20_000
"""Records flattened between two writes of the Parquet files."""

_ARROW_TYPES = {
    "string": "string",
    "json": "string",
    "number": "float64",
    "integer": "int64",
    "boolean": "bool_",
}


def _pa() -> Any:
    return require("pyarrow", "tables")


def column_types(spec: TableSpec) -> list[tuple[str, str]]:
    """Each column of a table and its Arrow type name (``string``, ``int64``...)."""
    found: list[tuple[str, str]] = []
    for key in spec.keys:
        is_index = key.endswith(INDEX_SUFFIX) and spec.parent is not None
        found.append((key, "int64" if is_index else "string"))
    found.extend((c.name, _ARROW_TYPES[c.kind]) for c in spec.columns)
    if spec.has_empty:
        found.append((EMPTY_COLUMN, "string"))
    return found


def arrow_schema(spec: TableSpec) -> Any:
    """The Arrow schema of a table (column descriptions as field metadata)."""
    pa = _pa()
    descriptions = {c.name: c.description for c in spec.columns}
    fields = []
    for name, type_name in column_types(spec):
        description = descriptions.get(name)
        metadata = {"description": description} if description else None
        fields.append(pa.field(name, getattr(pa, type_name)(), metadata=metadata))
    return pa.schema(fields)


def table_to_arrow(table: Table, spec: TableSpec | None = None) -> Any:
    """One table as an Arrow table, typed by the layout."""
    pa = _pa()
    schema = arrow_schema(spec or layout().tables[table.name])
    # Rows converted as one struct array: pyarrow reads the tuples in C, which is several
    # times faster than a column at a time from Python lists.
    rows = pa.array(list(map(tuple, table.rows)), type=pa.struct(list(schema)))
    return pa.Table.from_arrays(rows.flatten(), schema=schema)


def tables_to_arrow(tables: Tables) -> dict[str, Any]:
    """Every table as an Arrow table, by name."""
    return {table.name: table_to_arrow(table) for table in tables}


def to_arrow(records: Iterable[Any]) -> dict[str, Any]:
    """The tables of dipos records as Arrow tables (``pyarrow.Table``), by table name."""
    return tables_to_arrow(records_to_tables(records))


def to_frames(records: Iterable[Any]) -> dict[str, Any]:
    """The tables of dipos records as pandas data frames, by table name: nullable
    columns (``Int64``, ``boolean``, ``string``), so that an absent value stays null."""
    pd = require("pandas", "tables")
    pa = _pa()
    mapping = {
        pa.int64(): pd.Int64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
        pa.string(): pd.StringDtype(),
        pa.float64(): pd.Float64Dtype(),
    }
    return {
        name: table.to_pandas(types_mapper=mapping.get) for name, table in to_arrow(records).items()
    }


def write_parquet(
    records: Iterable[Any], folder: Path, *, batch_records: int = BATCH_RECORDS
) -> None:
    """Write ``folder/<table>.parquet`` for every table, reading the records once and
    flattening ``batch_records`` of them at a time. Records given as a
    :class:`~dipos.tables.reading.RecordSource` with ``jobs`` above 1 are converted in
    that many worker processes when a file is large enough."""
    parquet = require("pyarrow.parquet", "tables")
    folder.mkdir(parents=True, exist_ok=True)
    specs = layout().tables
    writers: dict[str, Any] = {}
    try:
        for name, spec in specs.items():
            writers[name] = parquet.ParquetWriter(
                str(folder / f"{name}{PARQUET_SUFFIX}"), arrow_schema(spec), compression="zstd"
            )
        for tables in _arrow_batches(records, batch_records):
            for name, table in tables.items():
                writers[name].write_table(table)
    finally:
        for writer in writers.values():
            writer.close()


def _arrow_batches(records: Iterable[Any], batch_records: int) -> Iterator[dict[str, Any]]:
    """The Arrow tables of the records, a batch at a time (only tables with rows)."""
    from .parallel import converted, worth_it
    from .reading import RecordSource

    if isinstance(records, RecordSource) and records.jobs > 1 and worth_it(records.files):
        yield from converted(records.files, records.jobs)
        return
    specs = layout().tables
    flattener = Flattener()

    def take() -> dict[str, Any]:
        return {
            table.name: table_to_arrow(table, specs[table.name])
            for table in flattener.take()
            if table.rows
        }

    for record in records:
        flattener.add(record)
        if flattener.pending() >= batch_records:
            yield take()
    yield take()
