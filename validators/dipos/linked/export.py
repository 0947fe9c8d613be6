"""Exporting dipos data as linked data: JSON-LD and Turtle.

The JSON-LD document *is* the dataset, with the dipos context and a base for the ids::

    {"@context": ["https://dipos.github.io/dipos/schema/0.2/context.jsonld",
                  {"@base": "https://example.org/my-dataset/"}],
     "type": "dataset", "actors": [...], ...}

Two things are added: the base (each record's ``id`` becomes an IRI under it), and on
each piece of evidence its Web Annotation type (``oa:TextQuoteSelector``, and
``oa:TextPositionSelector`` when it has ``start`` and ``end``). Turtle is the same
graph, written by rdflib. Nothing is fetched from the network: the context is served
from this package (`document_loader`).
"""

import copy
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Final

from ..loading import LoadedDataset
from ..merge.write import write_atomic
from ..model._base import DiposModel
from ..validator.index.fields import RECORD_LISTS
from ..version import SCHEMA_VERSION
from .context import current_context, current_context_url
from .extra import MissingExtraError, require
from .terms import PREFIXES

DEFAULT_BASE: Final = "urn:dipos:data/"
"""The base IRI of record ids when none is given. Give the dataset's own published
address instead, so that each record's IRI can be looked up."""

_LIST_OF_TYPE = {record_type: name for name, record_type in RECORD_LISTS.items()}

Records = LoadedDataset | Mapping[str, Any] | Iterable[DiposModel | Mapping[str, Any]]
"""What the exporters take: a loaded dataset, a dataset as JSON data, or records."""


def as_dataset(records: Records) -> dict[str, Any]:
    """The records as one dataset (JSON data): the dataset header when there is exactly
    one (else a header with only the schema version), then the records in lists by type."""
    if isinstance(records, Mapping) and records.get("type") == "dataset":
        return copy.deepcopy(dict(records))
    header: dict[str, Any] = {"type": "dataset", "dipos_version": SCHEMA_VERSION}
    lists: dict[str, list[dict[str, Any]]] = {name: [] for name in RECORD_LISTS}
    headers: list[dict[str, Any]] = []
    if isinstance(records, LoadedDataset):
        if len(records.headers) == 1:  # several files' headers: none speaks for the whole
            header = records.headers[0].to_json_dict()
        # The records as read, not as models: a model holds 600000 as 600000.0, which
        # RDF would write as a double.
        items: Iterable[DiposModel | Mapping[str, Any]] = records.json_records()
    else:
        items = records  # type: ignore[assignment]
    for item in items:
        data = item.to_json_dict() if isinstance(item, DiposModel) else dict(item)
        if data.get("type") == "dataset":
            headers.append({k: v for k, v in data.items() if k not in RECORD_LISTS})
            continue
        lists[_LIST_OF_TYPE[str(data["type"])]].append(copy.deepcopy(data))
    if len(headers) == 1:
        header = headers[0]
    return header | {name: found for name, found in lists.items() if found}


def jsonld_document(records: Records, *, base: str = DEFAULT_BASE) -> dict[str, Any]:
    """The dataset as a JSON-LD document in compact form (see the module's description)."""
    dataset = as_dataset(records)
    for position in dataset.get("positions", ()):
        for evidence in position.get("evidence", ()):
            selectors = ["TextQuoteSelector"]
            if "start" in evidence and "end" in evidence:
                selectors.append("TextPositionSelector")
            evidence["type"] = selectors
    return {"@context": [current_context_url(), {"@base": base}], **dataset}


def document_loader(url: str, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A pyld document loader that serves the dipos context and refuses anything else
    (nothing is fetched from the network)."""
    if url == current_context_url():
        return {"contextUrl": None, "documentUrl": url, "document": current_context()}
    jsonld = require("pyld.jsonld")
    raise jsonld.JsonLdError(
        f"dipos loads no document from the network: {url}",
        "jsonld.LoadDocumentError",
        code="loading document failed",
    )


def _options() -> dict[str, Any]:
    return {"documentLoader": document_loader}


def expand(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The document in JSON-LD expanded form (every term an IRI)."""
    jsonld = require("pyld.jsonld")
    expanded: list[dict[str, Any]] = jsonld.expand(dict(document), _options())
    return expanded


def compact(expanded: Any, context: Any) -> dict[str, Any]:
    """Expanded JSON-LD compacted with a context (the dipos context and a base)."""
    jsonld = require("pyld.jsonld")
    compacted: dict[str, Any] = jsonld.compact(expanded, {"@context": context}, _options())
    return compacted


def to_nquads(document: Mapping[str, Any]) -> str:
    """The document's RDF graph as N-Quads."""
    jsonld = require("pyld.jsonld")
    text: str = jsonld.to_rdf(dict(document), {**_options(), "format": "application/n-quads"})
    return text


def to_graph(records: Records, *, base: str = DEFAULT_BASE) -> Any:
    """The records as an ``rdflib.Graph``, with the dipos prefixes bound."""
    rdflib = require("rdflib")
    graph = rdflib.Graph()
    graph.parse(data=to_nquads(jsonld_document(records, base=base)), format="nt")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, rdflib.Namespace(namespace), override=True)
    return graph


def write_jsonld(records: Records, path: Path | str, *, base: str = DEFAULT_BASE) -> None:
    """Write the records as a JSON-LD document (the file is whole or not written)."""
    import orjson

    document = jsonld_document(records, base=base)
    expand(document)  # fails here, not in a reader's hands, if it is not JSON-LD
    write_atomic(Path(path), orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n")


def write_turtle(records: Records, path: Path | str, *, base: str = DEFAULT_BASE) -> None:
    """Write the records as Turtle (the file is whole or not written)."""
    graph = to_graph(records, base=base)
    text: str = graph.serialize(format="turtle")
    write_atomic(Path(path), text.encode("utf-8"))


__all__ = [
    "DEFAULT_BASE",
    "MissingExtraError",
    "Records",
    "as_dataset",
    "compact",
    "document_loader",
    "expand",
    "jsonld_document",
    "to_graph",
    "to_nquads",
    "write_jsonld",
    "write_turtle",
]
