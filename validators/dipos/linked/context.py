"""The JSON-LD context of dipos data, generated from the mapping table in `terms`.

``dipos schema --write`` writes it to ``schema/context.jsonld``; the documentation
site serves it beside the schema, at `context_url` (``.../schema/0.2/context.jsonld``).
"""

import json
from typing import Any

from .terms import CLASSES, PREFIXES, SCOPES, TERMS, VOCAB, Term

CONTEXT_FILE = "context.jsonld"
"""The context's file name, in ``schema/`` and on the site."""


def context_url(record_schema: dict[str, Any]) -> str:
    """Where the context is published: beside the schema whose ``$id`` is given."""
    return str(record_schema["$id"]).rsplit("/", 1)[0] + "/" + CONTEXT_FILE


def array_properties(record_schema: dict[str, Any]) -> set[str]:
    """The properties that hold a list, in any definition of the schema. Raises
    ``ValueError`` when a property is a list in one place and not in another: a term's
    container would then fit only one of them."""
    arrays: dict[str, set[bool]] = {}
    for definition in record_schema.get("$defs", {}).values():
        for name, spec in definition.get("properties", {}).items():
            arrays.setdefault(name, set()).add(spec.get("type") == "array")
    mixed = sorted(name for name, kinds in arrays.items() if len(kinds) > 1)
    if mixed:
        raise ValueError(f"properties that are lists in some places only: {', '.join(mixed)}")
    return {name for name, kinds in arrays.items() if True in kinds}


def _definition(term: Term, arrays: set[str]) -> dict[str, Any]:
    definition: dict[str, Any] = {"@id": term.iri}
    if term.kind in ("ref", "url"):
        definition["@type"] = "@id"
    elif term.kind == "date":
        definition["@type"] = "xsd:date"
    elif term.kind == "json":
        definition["@type"] = "@json"
    elif term.kind == "qid":
        # "Q159" is read against the Wikidata namespace: wd:Q159.
        definition["@type"] = "@vocab"
        definition["@context"] = {"@vocab": PREFIXES["wd"]}
    if term.kind == "list":
        definition["@container"] = "@list"
    elif term.name in arrays:
        # Kept as a list when compacted, even with one item (the data's own shape).
        definition["@container"] = "@set"
    if term.name in SCOPES:
        definition["@context"] = {
            name: _definition(inner, arrays) for name, inner in SCOPES[term.name].items()
        }
    return definition


def build_context(record_schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON-LD context document (``{"@context": {...}}``) for the given schema."""
    arrays = array_properties(record_schema)
    context: dict[str, Any] = {"@version": 1.1, "@vocab": VOCAB}
    context.update(PREFIXES)
    context.update({"id": "@id", "type": "@type"})
    context.update(CLASSES)
    for name, term in TERMS.items():
        context[name] = _definition(term, arrays)
    unknown = sorted(set(SCOPES) - set(TERMS))
    if unknown:
        raise ValueError(f"scoped terms not in the table: {', '.join(unknown)}")
    return {"@context": context}


def render_context(record_schema: dict[str, Any]) -> str:
    """The text of ``context.jsonld``: two-space indents, UTF-8, newline at the end."""
    return json.dumps(build_context(record_schema), indent=2, ensure_ascii=False) + "\n"


def current_context() -> dict[str, Any]:
    """The context of the schema shipped with this package (no file read from schema/)."""
    from ..schema import record_schema

    return build_context(record_schema())


def current_context_url() -> str:
    """The published address of the context of the schema shipped with this package."""
    from ..schema import record_schema

    return context_url(record_schema())
