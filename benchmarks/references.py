"""Where dipos records refer to other records, and how to rewrite those references.

The generator clones example records under fresh ids; every reference in a clone
must then be pointed at another clone. This table lists each property that holds
an id, per record type, as read from ``validators/dipos/model/*.py``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final


@dataclass(frozen=True, slots=True)
class RefPath:
    """A property holding ids: ``key`` itself, each item of the list ``key`` (``each``),
    or the property ``sub`` of each object in the list ``key``."""

    key: str
    each: bool = False
    sub: str | None = None


REFERENCE_PATHS: Final[dict[str, tuple[RefPath, ...]]] = {
    "actor": (RefPath("represents"), RefPath("part_of")),
    "territory": (RefPath("part_of"), RefPath("corresponds_to", each=True)),
    "source": (
        RefPath("reported_via", each=True, sub="actor"),
        RefPath("reported_via", each=True, sub="source"),
    ),
    "proposal": (
        RefPath("proposed_by", each=True),
        RefPath("signatories", each=True, sub="actor"),
        RefPath("signatories", each=True, sub="signed_by"),
        RefPath("witnesses", each=True, sub="actor"),
        RefPath("witnesses", each=True, sub="signed_by"),
        RefPath("relations", each=True, sub="target"),
        RefPath("sources", each=True),
    ),
    "position": (
        RefPath("holders", each=True),
        RefPath("speaker"),
        RefPath("addressees", each=True),
        RefPath("roles", each=True, sub="actor"),
        RefPath("territories", each=True, sub="territory"),
        RefPath("links", each=True, sub="target"),
        RefPath("responds_to", each=True, sub="target"),
        RefPath("reaffirms", each=True),
        RefPath("proposal_points", each=True, sub="proposal"),
        RefPath("evidence", each=True, sub="source"),
    ),
    "dataset": (),
}

NESTED_REFERENCE_PATHS: Final[dict[str, tuple[tuple[str, RefPath], ...]]] = {
    "position": (
        ("evidence", RefPath("reported_via", each=True, sub="actor")),
        ("evidence", RefPath("reported_via", each=True, sub="source")),
    ),
}
"""References one level deeper: ``(list, path)`` applies ``path`` to each object of the
list (the reporting chain of each evidence item)."""


def covers_every_reference(record: dict[str, Any]) -> bool:
    """Whether the tables above reach every id the record refers to, as the validator's
    table of reference fields (``dipos.validator.index.fields.REFERENCES``) finds them. A record
    with references deeper than these tables reach (a zone's line, the event a duration
    counts from) is not used as a template, so that no clone keeps an old id."""
    from dipos.validator.index.fields import REFERENCES, values_at

    every = [
        target
        for pattern, _ in REFERENCES.get(str(record.get("type")), ())
        for _, target in values_at(record, pattern)
        if isinstance(target, str)
    ]
    return sorted(every) == sorted(referenced_ids(record))


Mapper = Callable[[str], str | None]
"""Gives the new id for an old one, or None to drop the reference."""


def _nested(record: dict[str, Any]) -> list[tuple[dict[str, Any], RefPath]]:
    """The (object, path) pairs of the nested references of a record."""
    pairs: list[tuple[dict[str, Any], RefPath]] = []
    for key, path in NESTED_REFERENCE_PATHS.get(str(record.get("type")), ()):
        pairs.extend((item, path) for item in record.get(key, ()) if isinstance(item, dict))
    return pairs


def referenced_ids(record: dict[str, Any]) -> list[str]:
    """Every id the record refers to, in document order of the tables above."""
    found: list[str] = []
    pairs = [(record, p) for p in REFERENCE_PATHS.get(str(record.get("type")), ())]
    for holder, path in pairs + _nested(record):
        value = holder.get(path.key)
        if value is None:
            continue
        if not path.each:
            found.append(value)
        elif path.sub is None:
            found.extend(value)
        else:
            found.extend(item[path.sub] for item in value if path.sub in item)
    return found


def rewrite_references(record: dict[str, Any], mapper: Mapper) -> None:
    """Replace, in place, every id the record refers to by ``mapper(id)``.

    A reference the mapper drops (None) is removed: a single property is left out,
    a list item is removed (the whole object, for lists of objects), and a list
    left empty is left out.
    """
    pairs = [(record, p) for p in REFERENCE_PATHS.get(str(record.get("type")), ())]
    for holder, path in pairs + _nested(record):
        if path.key not in holder:
            continue
        value = holder[path.key]
        if not path.each:
            new = mapper(value)
            if new is None:
                del holder[path.key]
            else:
                holder[path.key] = new
            continue
        kept: list[Any] = []
        for item in value:
            if path.sub is None:
                new = mapper(item)
                if new is not None:
                    kept.append(new)
            elif path.sub not in item:
                kept.append(item)
            else:
                new = mapper(item[path.sub])
                if new is not None:
                    item[path.sub] = new
                    kept.append(item)
        if kept:
            holder[path.key] = kept
        else:
            del holder[path.key]
