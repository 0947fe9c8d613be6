"""When two records are the same thing, and the bookkeeping a merge leaves in a record."""

from typing import Any, Final

IDENTITY_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "actor": ("wikidata", "iso3166_1_alpha3"),
    "territory": ("wikidata", "iso3166"),
    "source": ("url", "text_sha256"),
}
"""For each record type, the properties that identify what a record stands for: two
records of the type with the same value of one of them are the same thing."""

MERGED_IDS: Final = "dipos:merged_ids"
"""Extension key: the ids of the records merged into this one (its other ids)."""

PROVENANCE: Final = "dipos:provenance"
"""Extension key: the inputs the record was found in."""

MERGED_FROM: Final = "dipos:merged_from"
"""Extension key of the merged dataset's header: the inputs and their dataset headers."""

BOOKKEEPING: Final = frozenset({MERGED_IDS, PROVENANCE, MERGED_FROM})

EXTENSIONS: Final = "extensions"
"""The property holding a record's extensions."""

UNION_LISTS: Final[dict[str, frozenset[str]]] = {
    "actor": frozenset({"alternative_names"}),
    "territory": frozenset({"alternative_names", "corresponds_to"}),
    "proposal": frozenset({"alternative_names", "sources"}),
}
"""Lists that may differ between the records merged: the merged record has every item
(sorted, when they differ). Any other property both records have must be equal."""

NAMED: Final = frozenset({"actor", "territory"})
"""Record types whose other names go to ``alternative_names`` when merged names differ."""


def identity_keys(record_type: str, value: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The identity keys of a record: (type, property, value)."""
    found = []
    for name in IDENTITY_KEYS.get(record_type, ()):
        key = value.get(name)
        if isinstance(key, str):
            found.append((record_type, name, key))
    return found


def bookkeeping(value: dict[str, Any], key: str) -> list[str]:
    """A list of strings kept under a bookkeeping extension key (empty when absent)."""
    extensions = value.get(EXTENSIONS)
    if not isinstance(extensions, dict):
        return []
    found = extensions.get(key)
    return [str(item) for item in found] if isinstance(found, list) else []
