"""Where, in each record type, the references, codes and dates are: the record layout.

The tables are not written here: they are derived from the models' metadata (the
``RefersTo`` marker of each reference field, the codelists' ``used_by``, the date
patterns) by :mod:`dipos.schema.layout` when ``dipos schema --write`` runs, and shipped
as ``layout.json`` beside the packaged schema, which ``dipos schema --check`` checks. The
validator reads that file, without loading pydantic. Field patterns are paths in which
``"*"`` stands for every item of a list.
"""

from typing import Any

from ...schema.load import layout
from ..paths import Path

FieldPattern = tuple[str, ...]

_LAYOUT = layout()

RECORD_LISTS: dict[str, str] = dict(_LAYOUT["record_lists"])
"""The record lists of a dataset, and the type of record each holds."""

RECORD_LIST_KEYS: frozenset[str] = frozenset(RECORD_LISTS)
"""The record lists' names: a streamed dataset's pieces are their items."""

RECORD_TYPES: tuple[str, ...] = tuple(_LAYOUT["record_types"])
"""Every record type, in the order of the models (the dataset last)."""

REFERENCES: dict[str, tuple[tuple[FieldPattern, tuple[str, ...]], ...]] = {
    record_type: tuple((tuple(pattern), tuple(allowed)) for pattern, allowed in found)
    for record_type, found in _LAYOUT["references"].items()
}
"""For each record type: the fields that hold ids, and the record types they may name."""

CODED_FIELDS: dict[str, tuple[tuple[str, FieldPattern], ...]] = {
    used_by: tuple((record_type, tuple(pattern)) for record_type, pattern in places)
    for used_by, places in _LAYOUT["coded_fields"].items()
}
"""Each codelist property (as the codelists' ``used_by`` name it): the record types and
fields where it occurs. The date ``basis`` is left out: the schema's union checks it."""

EDTF_FIELDS: dict[str, tuple[FieldPattern, ...]] = {
    record_type: tuple(tuple(pattern) for pattern in found)
    for record_type, found in _LAYOUT["edtf_fields"].items()
}
"""The EDTF-subset dates of each record type."""

CALENDAR_FIELDS: dict[str, tuple[FieldPattern, ...]] = {
    record_type: tuple(tuple(pattern) for pattern in found)
    for record_type, found in _LAYOUT["calendar_fields"].items()
}
"""The calendar days (``YYYY-MM-DD``) of each record type."""


RECORD_DATES: dict[str, str] = dict(_LAYOUT["record_dates"])
"""The property holding the date that places each record type in time (a position's
``stated_on``), for the types that have one: the dates the rules across records compare."""


def values_at(value: Any, pattern: FieldPattern, prefix: Path = ()) -> list[tuple[Path, Any]]:
    """Every value a field pattern reaches in a record, with its path (malformed parts skipped)."""
    # A loop over the pattern rather than recursion: this runs several times per record.
    reached: list[tuple[Path, Any]] = [(prefix, value)]
    for head in pattern:
        following: list[tuple[Path, Any]] = []
        for path, item in reached:
            if head == "*":
                if isinstance(item, list):
                    following.extend(((*path, i), sub) for i, sub in enumerate(item))
            elif isinstance(item, dict) and head in item:
                following.append(((*path, head), item[head]))
        if not following:
            return following
        reached = following
    return reached
