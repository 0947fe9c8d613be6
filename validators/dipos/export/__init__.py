"""Exporters: dipos data written in other formats, for ``dipos export --to NAME``.

Each format is an :class:`Exporter` in :data:`EXPORTERS`, by name. The command validates
the data first (and refuses invalid data), then calls the exporter's ``write`` with the
records (read once, as a stream: a dataset's own properties, then each record) and a
temporary path, which it renames to the output only once everything is written, so that
an output is never half-written. To add a format, add an entry to :data:`EXPORTERS`;
an exporter imports its libraries inside ``write`` (the base install stays lean) and
names them in ``requires`` so that a missing one is reported before any work.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from . import tables as _tables

Records = Iterable[dict[str, Any]]
"""The records to export, in the order read (each a JSON object, as a dict)."""


@dataclass(frozen=True, slots=True)
class Exporter:
    """One output format of ``dipos export``."""

    name: str
    """The format's name on the command line (``--to NAME``)."""
    help: str
    """One line for ``dipos export --help``."""
    target: Literal["file", "folder"]
    """Whether the format writes one file or a folder of files."""
    write: Callable[[Records, Path], None]
    """Writes the records to the path given (a file, or a folder to create)."""
    requires: tuple[tuple[str, str], ...] = ()
    """The optional modules it needs, each with the extra that installs it:
    ``(("pyarrow", "tables"),)``."""
    suffix: str = ""
    """For a file: the usual suffix of the output (``.xlsx``)."""


def _write_jsonld(records: Records, path: Path) -> None:
    from ..linked.export import write_jsonld

    write_jsonld(records, path)


def _write_turtle(records: Records, path: Path) -> None:
    from ..linked.export import write_turtle

    write_turtle(records, path)


EXPORTERS: dict[str, Exporter] = {
    "csv": Exporter(
        "csv",
        "a folder of CSV files, one per table (UTF-8, header row)",
        "folder",
        _tables.write_csv_folder,
    ),
    "xlsx": Exporter(
        "xlsx",
        "an XLSX workbook, one sheet per table (dipos[xlsx])",
        "file",
        _tables.write_workbook,
        (("openpyxl", "xlsx"),),
        ".xlsx",
    ),
    "parquet": Exporter(
        "parquet",
        "a folder of Parquet files, one per table (dipos[tables])",
        "folder",
        _tables.write_parquet_folder,
        (("pyarrow", "tables"), ("pyarrow.parquet", "tables")),
    ),
    "datapackage": Exporter(
        "datapackage",
        "a Frictionless Data Package: CSV files and datapackage.json with table schemas, "
        "keys and codelists",
        "folder",
        _tables.write_package,
    ),
    "jsonld": Exporter(
        "jsonld",
        "JSON-LD with the dipos context (schema.org, Dublin Core, PROV, Web Annotation, "
        "Wikidata) (dipos[linked-data])",
        "file",
        _write_jsonld,
        (("pyld", "linked-data"), ("rdflib", "linked-data")),
        ".jsonld",
    ),
    "ttl": Exporter(
        "ttl",
        "RDF Turtle, the same graph as the JSON-LD (dipos[linked-data])",
        "file",
        _write_turtle,
        (("pyld", "linked-data"), ("rdflib", "linked-data")),
        ".ttl",
    ),
}
"""The formats of ``dipos export``, by name."""

__all__ = ["EXPORTERS", "Exporter", "Records"]
