"""The compact index and the fast path give what the plain, in-memory way gives.

* The cross-record rules over the compact index (:mod:`dipos.validator.index.compact`)
  find exactly what a direct pass over full entries finds (written out here from the
  rules' definitions, independently of :mod:`dipos.validator.check.rules.cross`).
* The hand-written readers (:mod:`dipos.validator.index.entries`,
  :mod:`dipos.validator.check.fastpath`) give the same index rows and one-record findings
  as the generic, table-driven ones, and read every reference field of the model.
"""

from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from dipos.validator.check.fastpath import fast_checks
from dipos.validator.check.rules import cross
from dipos.validator.check.rules.record_checks import problems
from dipos.validator.check.structure import record_validator
from dipos.validator.findings import Finding
from dipos.validator.index import compact
from dipos.validator.index.compact import REF_KINDS, TYPE_NAMES, CompactIndex
from dipos.validator.index.entries import POSITION_CODES, index_record
from dipos.validator.index.fields import REFERENCES
from dipos.validator.index.records import RecordEntry, extract
from dipos.validator.index.recover import RecordReader
from dipos.validator.paths import to_pointer
from dipos.validator.read.inputs import collect

from .conftest import INVALID, VALID
from .test_jobs import generated_with_errors  # noqa: F401 - a fixture


def _reference_check_all(entries: list[RecordEntry]) -> Iterator[tuple[str, int, str]]:
    """The cross-record rules the simple way, written out here from the rules' definitions
    (docs/rules.md), without the code under test: every entry in memory, by id. Gives
    (rule, line, JSON pointer) of each finding; the messages are tested elsewhere."""
    by_id: dict[str, RecordEntry] = {}
    ordered: list[RecordEntry] = []
    for entry in entries:
        if entry.id in by_id:
            yield "id-duplicate", entry.line or 0, to_pointer((*entry.path, "id"))
            continue
        by_id[entry.id] = entry
        ordered.append(entry)
    for entry in ordered:
        after_sources: set[str] = set()
        for ref in entry.refs:
            where = entry.line or 0, to_pointer((*entry.path, *ref.path))
            target = by_id.get(ref.target)
            if target is None:
                yield "ref-unresolved", *where
                continue
            if target.type not in ref.allowed:
                yield "ref-wrong-type", *where
                continue
            # Dates are compared only when both are known and neither is qualified.
            if entry.type != "position" or entry.date is None or target.date is None:
                continue
            if entry.date.qualified or target.date.qualified:
                continue
            field = ref.path[0] if ref.path else ""
            if field == "evidence" and target.type == "source":
                if entry.date.first > target.date.last and target.id not in after_sources:
                    after_sources.add(target.id)
                    yield (
                        "date-after-source",
                        entry.line or 0,
                        to_pointer((*entry.path, "stated_on")),
                    )
            elif field in ("reaffirms", "responds_to") and target.date.first > entry.date.last:
                yield "link-to-later-position", *where
        for rel, target_id, numbers in entry.point_refs:
            target = by_id.get(target_id)
            if target is None or target.type != "proposal" or not target.points:
                continue
            for i, number in enumerate(numbers):
                if number not in target.points:
                    where = entry.line or 0, to_pointer((*entry.path, *rel, "points", i))
                    yield "proposal-point-unknown", *where
    # Precondition cycles: positions that reach each other through preconditions, one
    # finding per group, on the group's smallest id (by plain reachability, not Tarjan).
    graph = {
        e.id: {t for t in e.preconditions if t != e.id and t in by_id}
        for e in ordered
        if e.type == "position"
    }

    def reach(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(graph.get(start, ()))
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(graph.get(node, ()))
        return seen

    reachable = {node: reach(node) for node in graph}
    groups = {
        frozenset(n for n in reachable[node] if node in reachable.get(n, set()))
        for node in graph
        if node in reachable[node]
    }
    for group in groups:
        if len(group) >= 2:
            first = by_id[min(group)]
            yield "precondition-cycle", first.line or 0, to_pointer((*first.path, "links"))


def _lines(path: Path) -> Iterator[tuple[int, Any]]:
    for number, raw in enumerate(path.read_bytes().splitlines(), 1):
        try:
            yield number, orjson.loads(raw.lstrip(b"\xef\xbb\xbf"))
        except orjson.JSONDecodeError:
            continue


def _key(finding: Finding) -> tuple[Any, ...]:
    return (finding.line or 0, finding.pointer, finding.rule, finding.message)


@pytest.mark.parametrize("flush_at", [1 << 20, 7])
def test_cross_rules_over_the_index_find_what_a_direct_pass_finds(
    generated_with_errors: Path,  # noqa: F811 - the fixture
    flush_at: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(compact, "FLUSH_REFERENCES", flush_at)
    name = str(generated_with_errors)
    index = CompactIndex()
    index.start_file(name)
    entries = []
    for number, value in _lines(generated_with_errors):
        if not isinstance(value, dict) or value.get("type") not in compact.TYPE_CODES:
            continue
        index_record(index, value, value["type"], number, ())
        entry = extract(value, value["type"], name, number, (), keep_quotes=False)
        if entry is not None:
            entries.append(entry)
    reader = RecordReader(index, collect([generated_with_errors]))
    found = sorted((f.rule, f.line or 0, f.pointer) for f in cross.check_all(index, reader))
    expected = sorted(_reference_check_all(entries))
    assert {rule for rule, _, _ in expected} >= {
        "ref-unresolved",
        "id-duplicate",
        "precondition-cycle",
    }
    assert found == expected


def _records() -> list[dict[str, Any]]:
    """Every record of the valid fixtures and the invalid ones that have no syntax error."""
    found: list[dict[str, Any]] = []
    for file in collect([VALID, INVALID, Path("examples")]):
        if file.kind != "jsonl" and file.kind != "json":
            continue
        for raw in file.read_bytes().splitlines() if file.kind == "jsonl" else [file.read_bytes()]:
            try:
                value = orjson.loads(raw)
            except orjson.JSONDecodeError:
                continue
            if isinstance(value, dict) and value.get("type") == "dataset":
                for key in ("actors", "territories", "sources", "proposals", "positions"):
                    found.extend(r for r in value.get(key, []) if isinstance(r, dict))
            elif isinstance(value, dict):
                found.append(value)
    return [r for r in found if r.get("type") in compact.TYPE_CODES and r["type"] != "dataset"]


def _rows(index: CompactIndex) -> list[tuple[Any, ...]]:
    """Each entry with its references, preconditions and point references (in any order)."""
    refs: dict[int, Counter[tuple[int, int]]] = defaultdict(Counter)
    for h, e, c in zip(index.ref_hash, index.ref_entry, index.ref_code, strict=True):
        refs[e][(h, c)] += 1
    pre: dict[int, Counter[int]] = defaultdict(Counter)
    for e, h in zip(index.pre_entry, index.pre_hash, strict=True):
        pre[e][h] += 1
    points: dict[int, Counter[tuple[int, tuple[str, ...]]]] = defaultdict(Counter)
    for e, h, n in zip(index.pt_entry, index.pt_hash, index.pt_numbers, strict=True):
        points[e][(h, index.numbers[n])] += 1
    return [
        (
            index.hashes[n],
            index.types[n],
            index.first[n],
            index.last[n],
            index.lines[n],
            refs[n],
            pre[n],
            points[n],
            index.proposal_points.get(n),
        )
        for n in range(len(index.hashes))
    ]


def test_the_fast_path_gives_the_rows_and_findings_of_the_generic_way() -> None:
    records = [r for r in _records() if record_validator(r["type"]).is_valid(r)]
    assert sum(r["type"] == "position" for r in records) > 20
    fast_index, generic_index = CompactIndex(), CompactIndex()
    checks, finish = fast_checks(fast_index)
    for number, record in enumerate(records, 1):
        fast_problems = checks[record["type"]](record, number)
        index_record(generic_index, record, record["type"], number, ())
        assert fast_problems == problems(record["type"], record), record.get("id")
    finish()
    assert _rows(fast_index) == _rows(generic_index)


def _every_reference_position() -> dict[str, Any]:
    """A position that fills every field holding an id (and a self-link in each)."""
    return {
        "type": "position",
        "id": "p",
        "holders": ["a1", "a2"],
        "speaker": "a3",
        "addressees": ["a4"],
        "move": "demand",
        "topics": ["ceasefire", "nope", "ns:own"],
        "summary": "s",
        "territories": [
            {
                "territory": "t1",
                "extent": "whole",
                "as_of": {"value": "2025-06-31", "basis": "stated"},
                "zone": {"distance": {"value": 15, "unit": "km"}, "from": "t2"},
            }
        ],
        "links": [
            {"relation": "precondition", "target": "p2"},
            {"relation": "precondition", "target": "p"},
        ],
        "responds_to": [{"target": "p", "response": "accepts", "points": ["1", "2"]}],
        "reaffirms": ["p3", "p"],
        "proposal_points": [{"proposal": "pr", "points": ["3"]}],
        "stated_on": {"value": "2025-02-30", "basis": "stated"},
        "deadlines": [
            {
                "date": {"value": "2025-04-31", "basis": "stated"},
                "within": {
                    "amount": 3,
                    "unit": "day",
                    "counted_from": {"target": "pr", "points": ["4"]},
                },
            }
        ],
        "roles": [{"actor": "a6", "role": "guarantor"}],
        "recognition": {"status": "de_jure", "as_part_of": "a7", "by": ["a8"]},
        "duration": {"amount": 2, "unit": "year", "counted_from": {"target": "p4"}},
        "evidence": [
            {
                "source": "s1",
                "quote": "q",
                "quote_kind": "direct",
                "reported_via": [{"name": "n", "actor": "a5", "source": "s2"}],
            }
        ],
    }


def test_the_position_readers_read_every_reference_field() -> None:
    assert {code for code, kind in enumerate(REF_KINDS) if kind.record_type == "position"} == (
        POSITION_CODES
    )
    record = _every_reference_position()
    fast_index, generic_index = CompactIndex(), CompactIndex()
    checks, finish = fast_checks(fast_index)
    assert checks["position"](record, 1) == problems("position", record)
    finish()
    index_record(generic_index, record, "position", 1, ())
    assert _rows(fast_index) == _rows(generic_index)
    assert {c for _, c in _rows(fast_index)[0][5]} == POSITION_CODES
    entry = extract(record, "position", "f", 1, (), keep_quotes=False)
    assert entry is not None
    assert sorted(ref.target for ref in entry.refs) == sorted(
        (
            *("a1", "a2", "a3", "a4", "t1", "p2", "p", "p", "p3", "p", "pr", "s1", "a5", "s2"),
            *("a6", "a7", "a8", "t2", "p4", "pr"),
        )
    )
    assert {(r.record_type, r.pattern) for r in REF_KINDS} == {
        (t, pattern) for t, patterns in REFERENCES.items() for pattern, _ in patterns
    }
    assert TYPE_NAMES[fast_index.types[0]] == "position"


def test_the_index_pickles_and_merges(tmp_path: Path) -> None:
    import pickle

    index = CompactIndex()
    index.start_file("a")
    index_record(index, _every_reference_position(), "position", 3, ())
    copy = pickle.loads(pickle.dumps(index))
    merged = CompactIndex()
    merged.start_file("first")
    index_record(
        merged, {"type": "actor", "id": "a1", "name": "A", "kind": "state"}, "actor", 1, ()
    )
    merged.merge(copy)
    assert merged.file_of(1) == "a"
    assert merged.file_of(0) == "first"
    assert list(merged.ref_entry) == [1] * len(index.ref_entry)
