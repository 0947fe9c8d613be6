"""Linked data: the dipos JSON-LD context and the JSON-LD and Turtle exporters.

The context is generated from the mapping table in `dipos.linked.terms`
(`dipos.linked.context`); the exporters (`write_jsonld`, `write_turtle`) need the
optional dependencies of ``dipos[linked-data]`` (pyld, rdflib) and raise
`MissingExtraError` when they are missing. See ``docs/linked-data.md``.
"""

from .context import CONTEXT_FILE, build_context, context_url, render_context
from .extra import MissingExtraError

__all__ = [
    "CONTEXT_FILE",
    "MissingExtraError",
    "build_context",
    "context_url",
    "render_context",
    "write_jsonld",
    "write_turtle",
]


def write_jsonld(*args: object, **kwargs: object) -> None:
    """See `dipos.linked.export.write_jsonld`."""
    from .export import write_jsonld as write

    write(*args, **kwargs)  # type: ignore[arg-type]


def write_turtle(*args: object, **kwargs: object) -> None:
    """See `dipos.linked.export.write_turtle`."""
    from .export import write_turtle as write

    write(*args, **kwargs)  # type: ignore[arg-type]
