"""The linked-data exporters, for ``dipos export --to jsonld|ttl``.

``dipos export`` (the tables' command) keeps a registry of exporters by format name;
`register_exporters` adds ``jsonld`` and ``ttl`` to it. Each exporter is called as
``exporter(dataset, output, base=...)``: ``dataset`` is what `dipos.load` returned,
``output`` the file to write (written whole or not at all), ``base`` the base IRI of the
record ids (optional; see `dipos.linked.export.DEFAULT_BASE`). When pyld or rdflib is
not installed the exporter raises `dipos.linked.MissingExtraError`, whose message names
the extra to install: the command prints it and exits 2.
"""

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, Protocol

from ..linked.extra import MissingExtraError

__all__ = [
    "FORMATS",
    "Exporter",
    "MissingExtraError",
    "export_jsonld",
    "export_turtle",
    "register_exporters",
    "run_exporter",
]


class Exporter(Protocol):
    """Writes a loaded dataset to a file."""

    def __call__(self, dataset: Any, output: Path, **options: Any) -> None: ...


def _base(options: dict[str, Any]) -> dict[str, str]:
    base = options.get("base")
    return {"base": str(base)} if base else {}


def export_jsonld(dataset: Any, output: Path, **options: Any) -> None:
    """Write the dataset as JSON-LD (the dipos context, ids under ``base``)."""
    from ..linked.export import write_jsonld

    write_jsonld(dataset, output, **_base(options))


def export_turtle(dataset: Any, output: Path, **options: Any) -> None:
    """Write the dataset as Turtle (the same graph as the JSON-LD)."""
    from ..linked.export import write_turtle

    write_turtle(dataset, output, **_base(options))


FORMATS: dict[str, Exporter] = {"jsonld": export_jsonld, "ttl": export_turtle}
"""The linked-data formats, by the name ``--to`` takes."""


def register_exporters(registry: MutableMapping[str, Any]) -> None:
    """Add the ``jsonld`` and ``ttl`` exporters to ``dipos export``'s registry."""
    registry.update(FORMATS)


def run_exporter(name: str, dataset: Any, output: Path, **options: Any) -> int:
    """Run the linked-data exporter ``name`` as a command would: 0 when written, 2 (with
    the message on standard error) when an optional dependency is missing or the file
    cannot be written."""
    import sys

    try:
        FORMATS[name](dataset, output, **options)
    except MissingExtraError as error:
        print(f"dipos export: error: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(
            f"dipos export: error: cannot write {output}: {error.strerror or error}",
            file=sys.stderr,
        )
        return 2
    return 0
