"""The full entry of a record: what the cross-record rules say about it.

A :class:`RecordEntry` holds a record's id, type and location, its references
(with their paths and the types they may name), and the few values the rules
compare (dates, point numbers, preconditions, quotes). Entries are not kept for
every record: the rules find their problems on the compact index
(:mod:`dipos.validator.compact`), and only the records involved are read back and
turned into entries to write the messages (:mod:`dipos.validator.recover`). With
source texts (``--sources``), the entries of positions and sources are kept, for
their quotes.
"""

from dataclasses import dataclass
from typing import Any

from ..paths import Path
from . import dates
from .fields import RECORD_DATES, REFERENCES, values_at


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference from a record: where it is, the id named, the types it may name."""

    path: Path
    target: str
    allowed: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """An evidence quote, kept only when source texts are given (``--sources``)."""

    path: Path
    source: str
    quote: str
    start: int | None
    end: int | None
    prefix: str | None
    suffix: str | None


@dataclass(frozen=True, slots=True)
class RecordEntry:
    """What the cross-record rules need to know of one record."""

    id: str
    type: str
    file: str
    line: int | None
    path: Path
    """The record's path in its file (``("positions", 3)``; ``()`` for a record alone)."""
    refs: tuple[Reference, ...] = ()
    date: dates.DayRange | None = None
    """Position ``stated_on``, proposal ``presented_on``, source ``published_on``."""
    points: frozenset[str] | None = None
    """For a proposal that lists its points: their numbers."""
    text_sha256: str | None = None
    quotes: tuple[Quote, ...] = ()
    preconditions: tuple[str, ...] = ()
    """For a position: the positions its ``precondition`` links name."""
    point_refs: tuple[tuple[Path, str, tuple[str, ...]], ...] = ()
    """For a position: (path, proposal or target id, point numbers) it refers to."""


def _day_range(value: Any) -> dates.DayRange | None:
    if not isinstance(value, dict) or not isinstance(value.get("value"), str):
        return None
    try:
        return dates.parse(value["value"])
    except dates.ImpossibleDate:
        return None


def _quotes(value: dict[str, Any]) -> tuple[Quote, ...]:
    found = []
    for path, item in values_at(value, ("evidence", "*")):
        if not isinstance(item, dict):
            continue
        source, quote = item.get("source"), item.get("quote")
        if not isinstance(source, str) or not isinstance(quote, str):
            continue

        def integer(key: str, item: dict[str, Any] = item) -> int | None:
            number = item.get(key)
            return number if isinstance(number, int) and not isinstance(number, bool) else None

        def text(key: str, item: dict[str, Any] = item) -> str | None:
            got = item.get(key)
            return got if isinstance(got, str) else None

        found.append(
            Quote(
                path,
                source,
                quote,
                integer("start"),
                integer("end"),
                text("prefix"),
                text("suffix"),
            )
        )
    return tuple(found)


_POINT_REFERENCES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("proposal_points", "*"), "proposal"),
    (("responds_to", "*"), "target"),
    (("duration", "counted_from"), "target"),
    (("deadlines", "*", "within", "counted_from"), "target"),
)
"""Where a position names points of a proposal: the object, and its key naming the proposal."""


def extract(
    value: dict[str, Any],
    record_type: str,
    file: str,
    line: int | None,
    path: Path,
    *,
    keep_quotes: bool,
) -> RecordEntry | None:
    """The index entry of a record; ``None`` when it has no usable id."""
    record_id = value.get("id")
    if not isinstance(record_id, str) or not record_id:
        return None
    refs = tuple(
        Reference(rel, target, allowed)
        for pattern, allowed in REFERENCES.get(record_type, ())
        if pattern[0] in value
        for rel, target in values_at(value, pattern)
        if isinstance(target, str)
    )
    date_field = RECORD_DATES.get(record_type)
    points = None
    if record_type == "proposal" and isinstance(value.get("points"), list):
        points = frozenset(
            p["number"]
            for p in value["points"]
            if isinstance(p, dict) and isinstance(p.get("number"), str)
        )
    sha = value.get("text_sha256") if record_type == "source" else None
    preconditions: tuple[str, ...] = ()
    point_refs: tuple[tuple[Path, str, tuple[str, ...]], ...] = ()
    if record_type == "position":
        preconditions = tuple(
            link["target"]
            for _, link in values_at(value, ("links", "*"))
            if isinstance(link, dict)
            and link.get("relation") == "precondition"
            and isinstance(link.get("target"), str)
        )
        point_refs = tuple(
            (rel, item[key], tuple(p for p in item["points"] if isinstance(p, str)))
            for pattern, key in _POINT_REFERENCES
            for rel, item in values_at(value, pattern)
            if isinstance(item, dict)
            and isinstance(item.get(key), str)
            and isinstance(item.get("points"), list)
        )
    return RecordEntry(
        id=record_id,
        type=record_type,
        file=file,
        line=line,
        path=path,
        refs=refs,
        date=_day_range(value.get(date_field)) if date_field else None,
        points=points,
        text_sha256=sha if isinstance(sha, str) else None,
        quotes=_quotes(value) if keep_quotes and record_type == "position" else (),
        preconditions=preconditions,
        point_refs=point_refs,
    )
