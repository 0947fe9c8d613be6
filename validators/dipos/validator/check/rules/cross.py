"""Rules across records, run once over the merged compact index of all files.

The index (:mod:`dipos.validator.compact`) says, in bulk, which entries break a
rule: duplicate ids, references that do not resolve or name the wrong type, dates
in the wrong order, unknown proposal points, precondition cycles. Those entries
(and the records they name) are then read back in full (:mod:`dipos.validator.recover`)
and the messages are written from them, in the order of the records.
"""

from collections.abc import Hashable, Iterator, Mapping, Sequence
from pathlib import Path as FilePath
from typing import TypeVar

import numpy as np

from ...findings import Finding, finding
from ...index.compact import TYPE_CODES, CompactIndex
from ...index.records import RecordEntry
from ...index.recover import RecordReader
from ...paths import Path, to_json_path
from ..suggest import Budget, NameIndex, did_you_mean
from ..suggest import hint as suggestion

MAX_SUGGESTIONS = 500
"""Unresolved references get a 'did you mean' for up to this many different ids; references
to the same missing id share theirs. The searches share a bounded amount of work too
(:class:`~dipos.validator.check.suggest.Budget`)."""

Node = TypeVar("Node", bound=Hashable)


def _at(entry: RecordEntry) -> str:
    where = entry.file
    if entry.line is not None:
        where += f":{entry.line}"
    if entry.path:
        where += f" {to_json_path(entry.path)}"
    return where


def _make(rule: str, message: str, entry: RecordEntry, rel: Path) -> Finding:
    return finding(rule, message, entry.file, entry.line, None, entry.path + rel, entry.id)


def _article(record_type: str) -> str:
    return "an" if record_type[0] in "aeiou" else "a"


class _IdsByType(Mapping[str, list[str]]):
    """The ids of the records of each type (first records only), read back from the files
    one type at a time, on first use: only 'did you mean' suggestions for unresolved
    references need them, and only the ids (not the records) are kept."""

    def __init__(self, index: CompactIndex, reader: RecordReader, duplicates: set[int]) -> None:
        self._index, self._reader, self._duplicates = index, reader, duplicates
        self._ids: dict[str, list[str]] = {}

    def __getitem__(self, key: str) -> list[str]:
        if key not in TYPE_CODES:
            raise KeyError(key)
        if key not in self._ids:
            types = np.frombuffer(self._index.types, dtype=np.int8)
            numbers = np.flatnonzero(types == TYPE_CODES[key]).tolist()
            self._ids[key] = self._reader.ids(n for n in numbers if n not in self._duplicates)
        return self._ids[key]

    def __iter__(self) -> Iterator[str]:
        return iter(TYPE_CODES)

    def __len__(self) -> int:
        return len(TYPE_CODES)


REFERENCE_LIST_FILE = str(FilePath(__file__).parents[3] / "reference" / "reference.json")
"""The shipped reference list (:mod:`dipos.reference`), read as context: a checked record
that is an exact copy of one of its records (a workbook made with ``dipos template
--with-reference``, a dataset made explicit for exchange) is not a duplicate. Named by
its place in the package rather than imported, so that the validator does not depend
on the reference package."""


def _copies_of_reference(
    duplicates: Sequence[int],
    first_of: dict[int, int],
    got: dict[int, RecordEntry],
    reader: RecordReader,
) -> set[int]:
    """The duplicates that are exact copies of a reference-list record."""
    candidates = [
        n
        for n in duplicates
        if got[first_of[n]].file == REFERENCE_LIST_FILE and got[n].id == got[first_of[n]].id
    ]
    if not candidates:
        return set()
    values = reader.values([*candidates, *(first_of[n] for n in candidates)])
    return {n for n in candidates if values[n] == values[first_of[n]]}


def check_all(index: CompactIndex, reader: RecordReader) -> Iterator[Finding]:
    """Every cross-record finding for the merged index."""
    index.resolve_pending(final=True)
    duplicates, first_of = index.duplicates()
    duplicate_set = set(duplicates)
    flagged = sorted({*index.flagged.tolist(), *index.point_problems()} - duplicate_set)
    cycles = _cycle_members(index, duplicate_set)
    members = [n for component in cycles for n in component]
    got = reader.entries([*duplicates, *first_of.values(), *flagged, *members])
    copies = _copies_of_reference(duplicates, first_of, got, reader)
    for number in duplicates:
        entry, first = got[number], got[first_of[number]]
        if entry.id != first.id or number in copies:  # same hash only, or a copy
            continue
        yield _make(
            "id-duplicate",
            f'the id "{entry.id}" is already used by the {first.type} record at {_at(first)}',
            entry,
            ("id",),
        )
    entries = [got[n] for n in flagged]
    by_id = _targets(entries, index, reader)
    ids_by_type = _IdsByType(index, reader, duplicate_set)
    yield from _references(entries, by_id, ids_by_type)
    yield from _date_order(entries, by_id)
    yield from _points(entries, by_id)
    yield from _precondition_cycles([[got[n] for n in c] for c in cycles])


def _targets(
    entries: Sequence[RecordEntry], index: CompactIndex, reader: RecordReader
) -> dict[str, RecordEntry]:
    """The records (first of their id) that the entries' references name."""
    names = sorted(
        {ref.target for e in entries for ref in e.refs}
        | {target for e in entries for _, target, _ in e.point_refs}
    )
    if not names:
        return {}
    found, first = index.lookup(np.array([index.hasher(n) for n in names], dtype=np.int64))
    numbers = {name: int(first[i]) for i, name in enumerate(names) if found[i]}
    got = reader.entries(numbers.values())
    # An entry of another id with the same hash (a collision) is no target.
    return {name: got[n] for name, n in numbers.items() if got[n].id == name}


def _references(
    entries: list[RecordEntry],
    by_id: dict[str, RecordEntry],
    ids_by_type: Mapping[str, list[str]],
) -> Iterator[Finding]:
    hints: dict[tuple[str, tuple[str, ...]], str] = {}
    names: dict[tuple[str, ...], NameIndex] = {}
    budget = Budget()
    for entry in entries:
        for ref in entry.refs:
            target = by_id.get(ref.target)
            wanted = " or ".join(ref.allowed)
            if target is None:
                key = (ref.target, tuple(ref.allowed))
                hint = hints.get(key, "")
                if key not in hints and len(hints) < MAX_SUGGESTIONS:
                    allowed = tuple(ref.allowed)
                    if allowed not in names:  # the ids of these types, indexed once
                        names[allowed] = NameIndex(
                            [i for t in allowed for i in ids_by_type.get(t, ())]
                        )
                    hint = hints[key] = suggestion(names[allowed].closest(ref.target, budget))
                yield _make(
                    "ref-unresolved",
                    f'no {wanted} with id "{ref.target}" in the files checked{hint}',
                    entry,
                    ref.path,
                )
            elif target.type not in ref.allowed:
                yield _make(
                    "ref-wrong-type",
                    f'"{ref.target}" is {_article(target.type)} {target.type} record '
                    f"({_at(target)}), but {_article(wanted)} {wanted} is expected here",
                    entry,
                    ref.path,
                )


def _date_order(entries: list[RecordEntry], by_id: dict[str, RecordEntry]) -> Iterator[Finding]:
    for entry in entries:
        if entry.type != "position" or entry.date is None or entry.date.qualified:
            continue
        reported_after: set[str] = set()
        for ref in entry.refs:
            target = by_id.get(ref.target)
            if target is None or target.date is None or target.date.qualified:
                continue
            field = ref.path[0] if ref.path else ""
            if field == "evidence" and target.type == "source":
                if entry.date.first > target.date.last and target.id not in reported_after:
                    reported_after.add(target.id)
                    yield _make(
                        "date-after-source",
                        f'the position is stated after its source "{target.id}" was published '
                        "(compare `stated_on` with the source's `published_on`)",
                        entry,
                        ("stated_on",),
                    )
            elif field in ("reaffirms", "responds_to") and target.date.first > entry.date.last:
                verb = "reaffirms" if field == "reaffirms" else "responds to"
                yield _make(
                    "link-to-later-position",
                    f'the position {verb} "{target.id}", which is dated later '
                    f"({_at(target)}); a position can only {verb} an earlier one",
                    entry,
                    ref.path,
                )


def _points(entries: list[RecordEntry], by_id: dict[str, RecordEntry]) -> Iterator[Finding]:
    for entry in entries:
        for rel, target_id, numbers in entry.point_refs:
            target = by_id.get(target_id)
            if target is None or target.type != "proposal" or not target.points:
                continue
            for index, number in enumerate(numbers):
                if number not in target.points:
                    yield _make(
                        "proposal-point-unknown",
                        f'the proposal "{target_id}" lists no point "{number}"'
                        f"{did_you_mean(number, target.points)}",
                        entry,
                        (*rel, "points", index),
                    )


def _cycle_members(index: CompactIndex, duplicates: set[int]) -> list[list[int]]:
    """The entries of each group of positions that are each other's preconditions."""
    if not len(index.pre_entry):
        return []
    hashes = np.frombuffer(index.hashes, dtype=np.int64).copy()
    source = np.frombuffer(index.pre_entry, dtype=np.int32).copy()
    target = np.frombuffer(index.pre_hash, dtype=np.int64).copy()
    keep = ~np.isin(source, np.array(sorted(duplicates), dtype=np.int32))
    from_hash = hashes[source]
    found, _ = index.lookup(target)
    keep &= found & (target != from_hash)
    from_hash, target, source = from_hash[keep], target[keep], source[keep]
    # Only links between positions that both link onward and are linked to can be in a
    # cycle: drop the others until none is left to drop (cheap, in bulk).
    while len(target):
        inner = np.isin(target, from_hash) & np.isin(from_hash, target)
        if inner.all():
            break
        from_hash, target, source = from_hash[inner], target[inner], source[inner]
    graph: dict[int, list[int]] = {}
    entry_of: dict[int, int] = {}
    for start, end, number in zip(
        from_hash.tolist(), target.tolist(), source.tolist(), strict=True
    ):
        graph.setdefault(start, []).append(end)
        entry_of[start] = number
    return [
        [entry_of[h] for h in component]
        for component in _strongly_connected(graph)
        if len(component) >= 2
    ]


def _precondition_cycles(components: list[list[RecordEntry]]) -> Iterator[Finding]:
    for component in components:
        members = {e.id for e in component}
        by_id = {e.id: e for e in component}
        graph = {e.id: [t for t in e.preconditions if t != e.id] for e in component}
        start = min(members)
        cycle = _cycle_through(start, graph, members)
        yield _make(
            "precondition-cycle",
            "these positions are each other's preconditions: "
            + " → ".join(cycle)
            + " (each needs the next fulfilled first)",
            by_id[start],
            ("links",),
        )


def _strongly_connected(graph: dict[Node, list[Node]]) -> list[list[Node]]:
    """Tarjan's algorithm, iterative (no recursion limit on long chains)."""
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    on_stack: set[Node] = set()
    stack: list[Node] = []
    result: list[list[Node]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[Node, int]] = [(root, 0)]
        while work:
            node, child_i = work.pop()
            if child_i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = graph.get(node, [])
            recurse = False
            for i in range(child_i, len(children)):
                child = children[i]
                if child not in index:
                    work.append((node, i + 1))
                    work.append((child, 0))
                    recurse = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if recurse:
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    item = stack.pop()
                    on_stack.discard(item)
                    component.append(item)
                    if item == node:
                        break
                result.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return result


def _cycle_through(start: str, graph: dict[str, list[str]], members: set[str]) -> list[str]:
    """A shortest cycle from ``start`` back to itself inside a component (breadth first)."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        next_frontier = []
        for node in frontier:
            for child in graph.get(node, []):
                if child not in members:
                    continue
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if child not in previous:
                    previous[child] = node
                    next_frontier.append(child)
        frontier = next_frontier
    return [start, start]
