"""Rules across records, run once over the merged index of all files."""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..findings import Finding
from ..index import RecordEntry
from ..paths import Path, to_json_path
from ..suggest import did_you_mean
from ..syntax import finding

MAX_SUGGESTIONS = 500
"""Unresolved references get a 'did you mean' only up to this many (it is slow on huge data)."""


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


def check_all(entries: Iterable[RecordEntry]) -> Iterator[Finding]:
    """Every cross-record finding for the merged index."""
    by_id: dict[str, RecordEntry] = {}
    ids_by_type: dict[str, list[str]] = defaultdict(list)
    ordered: list[RecordEntry] = []
    for entry in entries:
        first = by_id.get(entry.id)
        if first is not None:
            yield _make(
                "id-duplicate",
                f'the id "{entry.id}" is already used by the {first.type} record at {_at(first)}',
                entry,
                ("id",),
            )
            continue
        by_id[entry.id] = entry
        ids_by_type[entry.type].append(entry.id)
        ordered.append(entry)
    yield from _references(ordered, by_id, ids_by_type)
    yield from _date_order(ordered, by_id)
    yield from _points(ordered, by_id)
    yield from _precondition_cycles(ordered, by_id)


def _references(
    entries: list[RecordEntry], by_id: dict[str, RecordEntry], ids_by_type: dict[str, list[str]]
) -> Iterator[Finding]:
    suggestions = 0
    for entry in entries:
        for ref in entry.refs:
            target = by_id.get(ref.target)
            wanted = " or ".join(ref.allowed)
            if target is None:
                hint = ""
                if suggestions < MAX_SUGGESTIONS:
                    suggestions += 1
                    hint = did_you_mean(
                        ref.target, [i for t in ref.allowed for i in ids_by_type.get(t, ())]
                    )
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


def _precondition_cycles(
    entries: list[RecordEntry], by_id: dict[str, RecordEntry]
) -> Iterator[Finding]:
    graph = {
        e.id: [t for t in e.preconditions if t != e.id and t in by_id]
        for e in entries
        if e.type == "position" and e.preconditions
    }
    for component in _strongly_connected(graph):
        if len(component) < 2:
            continue
        start = min(component)
        cycle = _cycle_through(start, graph, set(component))
        entry = by_id[start]
        yield _make(
            "precondition-cycle",
            "these positions are each other's preconditions: "
            + " → ".join(cycle)
            + " (each needs the next fulfilled first)",
            entry,
            ("links",),
        )


def _strongly_connected(graph: dict[str, list[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (no recursion limit on long chains)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    result: list[list[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
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
