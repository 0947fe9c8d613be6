"""The merge itself: records of several inputs in, one set of records (or conflicts) out.

1. Records that are the same thing are grouped: the same id (in any input), an id one
   of them lists as merged (``dipos:merged_ids``), or the same identity key (Wikidata
   QID or ISO code for actors and territories, URL or text hash for sources).
2. Each group gets one id, the smallest of its ids (so the result does not depend on
   the order of the inputs, and merging again keeps it), and every reference to any of
   the group's ids is rewritten to it.
3. The group's records are combined property by property: a property only some of them
   have is kept; a property several have must be equal, except the lists that may
   differ (``alternative_names``...) and, for actors and territories, the name (the
   other names become alternative names). Anything else that differs is a `Conflict`:
   nothing is overwritten.

Everything is sorted, so merging the same inputs in any order gives the same records,
and merging the result again with any of its inputs gives the result back.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from ..validator.index.fields import REFERENCES, FieldPattern
from .identity import (
    BOOKKEEPING,
    EXTENSIONS,
    MERGED_FROM,
    MERGED_IDS,
    NAMED,
    PROVENANCE,
    UNION_LISTS,
    bookkeeping,
    identity_keys,
)

HEADER_FIELDS = ("id", "title", "publisher", "license", "homepage")
"""What the merged header keeps of each input's dataset header, under ``dipos:merged_from``."""

TYPE_ORDER = ("actor", "territory", "source", "proposal", "position")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A record as found in one input."""

    input: str
    """The input's label (the path given)."""
    file: str
    type: str
    value: dict[str, Any]
    line: int | None = None

    @property
    def id(self) -> str:
        return str(self.value["id"])

    @property
    def where(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        return f"{self.input} ({place})" if place != self.input else self.input


@dataclass(slots=True)
class MergeInput:
    """One input: a label, its records and its dataset headers."""

    label: str
    records: list[Occurrence] = field(default_factory=list)
    headers: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Records that stand for the same thing (or share an id) but say different things."""

    record_type: str
    id: str
    property: str | None
    """The property that differs; ``None`` when the records are of different types."""
    values: tuple[tuple[str, str], ...]
    """Each different value (as JSON) with where it was found."""

    def message(self) -> str:
        shown = "; ".join(f"{value} in {where}" for value, where in self.values)
        if self.property is None:
            return f"the id {self.id!r} names records of different types: {shown}"
        return (
            f"{self.record_type} {self.id!r}: the property {self.property!r} differs between "
            f"records of the same thing: {shown}"
        )


@dataclass(slots=True)
class Merged:
    """The result: the merged dataset (when there is no conflict) and the conflicts."""

    dataset: dict[str, Any]
    conflicts: list[Conflict]
    renamed: dict[str, str]
    """Every id that was merged into another, with the id it became."""


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()


class _Groups:
    """Union-find over occurrences, by index."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _aliases(occurrence: Occurrence) -> list[str]:
    return [occurrence.id, *bookkeeping(occurrence.value, MERGED_IDS)]


def _group(records: Sequence[Occurrence]) -> list[list[Occurrence]]:
    groups = _Groups(len(records))
    first_of: dict[tuple[str, ...], int] = {}
    for index, occurrence in enumerate(records):
        keys: list[tuple[str, ...]] = [("id", alias) for alias in _aliases(occurrence)]
        keys += identity_keys(occurrence.type, occurrence.value)
        for key in keys:
            if key in first_of:
                groups.union(first_of[key], index)
            else:
                first_of[key] = index
    members: dict[int, list[Occurrence]] = defaultdict(list)
    for index, occurrence in enumerate(records):
        members[groups.find(index)].append(occurrence)
    return list(members.values())


def _rewrite_at(value: Any, pattern: FieldPattern, renamed: dict[str, str]) -> Any:
    """The value with the ids at ``pattern`` rewritten (a list of ids is deduplicated)."""
    if not pattern:
        return renamed.get(value, value) if isinstance(value, str) else value
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if not isinstance(value, list):
            return value
        items = [_rewrite_at(item, rest, renamed) for item in value]
        if not rest:  # a list of ids: two ids merged into one leave one
            items = list(dict.fromkeys(items)) if all(isinstance(i, str) for i in items) else items
        return items
    if isinstance(value, dict) and head in value:
        return {**value, head: _rewrite_at(value[head], rest, renamed)}
    return value


def rewrite_references(
    record_type: str, value: dict[str, Any], renamed: dict[str, str]
) -> dict[str, Any]:
    """The record with every reference to a merged id rewritten to the id kept."""
    for pattern, _ in REFERENCES.get(record_type, ()):
        value = _rewrite_at(value, pattern, renamed)
    return value


def _without(value: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in value.items() if k != key}


def _strip_bookkeeping(value: dict[str, Any]) -> dict[str, Any]:
    extensions = value.get(EXTENSIONS)
    if not isinstance(extensions, dict):
        return value
    kept = {k: v for k, v in extensions.items() if k not in BOOKKEEPING}
    return {**value, EXTENSIONS: kept} if kept else _without(value, EXTENSIONS)


def _differ(values: Sequence[dict[str, Any]], name: str) -> bool:
    """Whether the records that have a property have different values of it."""
    present = [_dumps(value[name]) for value in values if name in value]
    return len(set(present)) > 1


def _union(lists: Iterable[list[Any]]) -> list[Any]:
    """Lists that are all equal stay as they are; different ones become their sorted union."""
    given = list(lists)
    if all(items == given[0] for items in given):
        return given[0]
    return sorted({_dumps(item): item for items in given for item in items}.values(), key=_dumps)


class _Combiner:
    def __init__(self) -> None:
        self.conflicts: list[Conflict] = []

    def _differs(self, record_type: str, record_id: str, name: str, values: dict[str, str]) -> None:
        self.conflicts.append(Conflict(record_type, record_id, name, tuple(sorted(values.items()))))

    def combine(
        self, record_type: str, canonical: str, members: list[Occurrence]
    ) -> dict[str, Any]:
        values = [member.value for member in members]
        wheres = [member.where for member in members]
        combined: dict[str, Any] = {}
        extra_names: list[str] = []
        if record_type in NAMED and len({v["name"] for v in values}) > 1:
            # The name of the record with the smallest (original id, name) is kept.
            ordered = sorted(
                zip(members, values, strict=True), key=lambda m: (m[0].id, m[1]["name"])
            )
            combined["name"] = ordered[0][1]["name"]
            extra_names = sorted({v["name"] for v in values} - {combined["name"]})
        names = list(dict.fromkeys(key for value in values for key in value))
        for name in names:
            if name in combined or name == "id":
                continue
            present = [(v[name], w) for v, w in zip(values, wheres, strict=True) if name in v]
            if name in UNION_LISTS.get(record_type, frozenset()):
                combined[name] = _union(v for v, _ in present)
            elif name == EXTENSIONS:
                combined[name] = self._extensions(record_type, canonical, present)
            else:
                distinct: dict[str, str] = {}
                for item, where in present:
                    distinct.setdefault(_dumps(item), where)
                if len(distinct) > 1:
                    self._differs(record_type, canonical, name, distinct)
                combined[name] = present[0][0]
        alternatives = combined.get("alternative_names")
        if record_type in NAMED and (extra_names or _differ(values, "alternative_names")):
            # Other names gathered from several records: sorted, without the name kept.
            gathered = set(alternatives or ()) | set(extra_names)
            gathered.discard(combined["name"])
            if gathered:
                combined["alternative_names"] = sorted(gathered)
            else:
                combined.pop("alternative_names", None)
        combined["id"] = canonical
        return combined

    def _extensions(
        self, record_type: str, record_id: str, present: list[tuple[Any, str]]
    ) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        seen: dict[str, dict[str, str]] = defaultdict(dict)
        for extensions, where in present:
            for key, item in extensions.items():
                seen[key].setdefault(_dumps(item), where)
                merged.setdefault(key, item)
        for key, distinct in seen.items():
            if len(distinct) > 1:
                self._differs(record_type, record_id, f"{EXTENSIONS}.{key}", distinct)
        return merged


def _ordered(record: dict[str, Any], order: Sequence[str]) -> dict[str, Any]:
    rank = {name: i for i, name in enumerate(order)}
    return dict(sorted(record.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])))


def _header(inputs: Sequence[MergeInput], dipos_version: str) -> dict[str, Any]:
    entries: dict[str, dict[str, Any]] = {}
    for given in inputs:
        described = False
        for header in given.headers:
            earlier = bookkeeping_entries(header)
            if earlier:
                for entry in earlier:
                    entries[_dumps(entry)] = entry
            else:
                entry = {"input": given.label}
                entry.update({k: header[k] for k in HEADER_FIELDS if k in header})
                entries[_dumps(entry)] = entry
            described = True
        if not described:
            entries[_dumps({"input": given.label})] = {"input": given.label}
    return {
        "type": "dataset",
        "dipos_version": dipos_version,
        EXTENSIONS: {MERGED_FROM: [entries[key] for key in sorted(entries)]},
    }


def bookkeeping_entries(header: dict[str, Any]) -> list[dict[str, Any]]:
    """The ``dipos:merged_from`` entries of a header that a merge wrote."""
    extensions = header.get(EXTENSIONS)
    found = extensions.get(MERGED_FROM) if isinstance(extensions, dict) else None
    return [e for e in found if isinstance(e, dict)] if isinstance(found, list) else []


def merge_records(
    inputs: Sequence[MergeInput],
    *,
    dipos_version: str,
    field_order: dict[str, Sequence[str]] | None = None,
) -> Merged:
    """Merge the inputs' records; see the module's description."""
    records = [occurrence for given in inputs for occurrence in given.records]
    combiner = _Combiner()
    groups = _group(records)
    renamed: dict[str, str] = {}
    canonical_of: list[str] = []
    for members in groups:
        aliases = {alias for member in members for alias in _aliases(member)}
        canonical = min(aliases)
        canonical_of.append(canonical)
        renamed.update({alias: canonical for alias in aliases if alias != canonical})
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for members, canonical in zip(groups, canonical_of, strict=True):
        types = {member.type for member in members}
        if len(types) > 1:
            distinct: dict[str, str] = {}
            for member in sorted(members, key=lambda m: (m.type, m.where)):
                distinct.setdefault(_dumps(member.type), member.where)
            combiner.conflicts.append(
                Conflict("record", canonical, None, tuple(sorted(distinct.items())))
            )
            continue
        record_type = types.pop()
        provenance = sorted(
            {
                label
                for member in members
                for label in (bookkeeping(member.value, PROVENANCE) or [member.input])
            }
        )
        merged_ids = sorted(
            {alias for member in members for alias in _aliases(member)} - {canonical}
        )
        prepared = [
            Occurrence(
                member.input,
                member.file,
                member.type,
                rewrite_references(record_type, _strip_bookkeeping(member.value), renamed),
                member.line,
            )
            for member in sorted(members, key=lambda m: (m.id, _dumps(m.value), m.where))
        ]
        record = combiner.combine(record_type, canonical, prepared)
        if isinstance(record.get("corresponds_to"), list):
            # Territories merged into one no longer correspond to each other: they are one.
            kept = [ref for ref in record["corresponds_to"] if ref != canonical]
            record = (
                {**record, "corresponds_to": kept} if kept else _without(record, "corresponds_to")
            )
        extensions = dict(record.get(EXTENSIONS, {}))
        if merged_ids:
            extensions[MERGED_IDS] = merged_ids
        extensions[PROVENANCE] = provenance
        record[EXTENSIONS] = dict(sorted(extensions.items()))
        order = (field_order or {}).get(record_type, ("type", "id"))
        by_type[record_type].append(_ordered(record, order))
    dataset = _header(inputs, dipos_version)
    lists = {"actor": "actors", "territory": "territories", "source": "sources"}
    lists |= {"proposal": "proposals", "position": "positions"}
    for record_type in TYPE_ORDER:
        if by_type[record_type]:
            dataset[lists[record_type]] = sorted(by_type[record_type], key=lambda r: r["id"])
    conflicts = sorted(
        set(combiner.conflicts), key=lambda c: (c.record_type, c.id, c.property or "")
    )
    return Merged(dataset, conflicts, dict(sorted(renamed.items())))
