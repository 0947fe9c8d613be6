"""The fast path for records the schema found valid: one-record rules and index rows
in a single pass.

Large files are mostly valid records, and most records are positions and sources.
For those, this module reads each field once, with no type test (the schema has
already checked the types), and does both what
:func:`dipos.validator.rules.record_checks.problems` and
:func:`dipos.validator.entries.index_record` do. Any other record takes those two
functions; tests check that both ways give the same findings and index rows.
"""

from collections.abc import Callable
from typing import Any

import numpy as np

from ..index import dates
from ..index.compact import NO_DATE, TYPE_CODES, CompactIndex
from ..index.entries import (
    REF_ADDRESSEES,
    REF_EVIDENCE,
    REF_HOLDERS,
    REF_LINK,
    REF_PROPOSAL,
    REF_REAFFIRMS,
    REF_RESPONSE,
    REF_SPEAKER,
    REF_TERRITORY,
    REF_VIA_ACTOR,
    REF_VIA_SOURCE,
    index_record,
    other_position_refs,
)
from ..paths import Path
from .rules import record_checks
from .rules.record_checks import Problem, unknown_topic

FastCheck = Callable[[dict[str, Any], int], list[Problem]]
"""Checks a valid record found at a line: adds its index rows, returns its problems."""

_NO_PROBLEMS: list[Problem] = []
"""Shared and never changed: a record without problems allocates no list for them."""

_POSITION = TYPE_CODES["position"]
_SOURCE = TYPE_CODES["source"]


def _date(date: dict[str, Any] | None, rel: Path, found: list[Problem]) -> tuple[int, int]:
    """The day range of a valid date object, and its problem (an impossible date)."""
    if date is None:
        return NO_DATE, NO_DATE
    text = date["value"]
    try:
        parsed = dates.parse(text)
    except dates.IntervalReversed as error:
        found.append(("date-interval-reversed", str(error), rel))
        return NO_DATE, NO_DATE
    except dates.ImpossibleDate as error:
        found.append(("date-impossible", str(error), rel))
        return NO_DATE, NO_DATE
    if parsed is None or parsed.qualified:
        return NO_DATE, NO_DATE
    return parsed.first, parsed.last


def fast_checks(index: CompactIndex) -> tuple[dict[str, FastCheck], Callable[[], None]]:
    """The check of each record type (not datasets), adding rows to ``index``, and the
    function to call when done (it adds the rows still gathered)."""
    hasher = index.hasher
    hashes, types, firsts, lasts, lines = (
        index.hashes,
        index.types,
        index.first,
        index.last,
        index.lines,
    )
    ref_hash, ref_code, ref_entry = index.ref_hash, index.ref_code, index.ref_entry
    topics_known = record_checks.topic_codes()
    parse_date = dates.parse
    # The references of positions are gathered in lists and added to the index in batches
    # (fewer calls per record): the id named, its field, and per position its entry and count.
    batch_targets: list[str] = []
    batch_codes: list[int] = []
    batch_entries: list[int] = []
    batch_counts: list[int] = []
    # Bound once: the position check below calls them for every record.
    append_hash, append_type, append_first, append_last, append_line = (
        hashes.append,
        types.append,
        firsts.append,
        lasts.append,
        lines.append,
    )
    append_batch_target, append_batch_code = batch_targets.append, batch_codes.append
    append_batch_entry, append_batch_count = batch_entries.append, batch_counts.append

    def finish() -> None:
        """Add the gathered references to the index (call before the index is used)."""
        if batch_targets:
            ref_hash.extend(map(hasher, batch_targets))
            ref_code.frombytes(bytes(batch_codes))
            entries = np.repeat(np.array(batch_entries, dtype=np.int32), batch_counts)
            ref_entry.frombytes(entries.tobytes())
            for gathered in (batch_targets, batch_codes, batch_entries, batch_counts):
                del gathered[:]
        if len(ref_hash) >= index.flush_at:
            index.resolve_pending(final=False)

    def add(own: str, type_code: int, first: int, last: int, line: int) -> int:
        entry = len(hashes)
        hashes.append(hasher(own))
        types.append(type_code)
        firsts.append(first)
        lasts.append(last)
        lines.append(line)
        return entry

    def add_points(target: str, points: list[str], entry: int) -> None:
        """What :func:`~dipos.validator.entries.add_point_ref` does, for a valid record
        (its point numbers are all strings)."""
        if points:
            index.pt_entry.append(entry)
            index.pt_hash.append(hasher(target))
            index.pt_numbers.append(index.numbers_code(tuple(points)))

    def position(value: dict[str, Any], line: int) -> list[Problem]:
        found: list[Problem] = []
        get = value.get
        own = value["id"]
        stated = get("stated_on")
        if stated is None:
            first = last = NO_DATE
        else:
            try:
                parsed = parse_date(stated["value"])
            except dates.ImpossibleDate:
                parsed = None
                _date(stated, ("stated_on", "value"), found)  # says why
            if parsed is None or parsed.qualified:
                first = last = NO_DATE
            else:
                first, last = parsed.first, parsed.last
        deadlines = get("deadlines")
        if deadlines:
            for i, deadline in enumerate(deadlines):
                if "date" in deadline:
                    _date(deadline["date"], ("deadlines", i, "date", "value"), found)
        if "territories" in value:
            for i, scope in enumerate(value["territories"]):
                if "as_of" in scope:
                    _date(scope["as_of"], ("territories", i, "as_of", "value"), found)
        topics = value["topics"]
        if not topics_known.issuperset(topics):
            for i, code in enumerate(topics):
                if code not in topics_known and ":" not in code:
                    found.append(unknown_topic(code, ("topics", i)))
        entry = len(hashes)
        append_hash(hasher(own))
        append_type(_POSITION)
        append_first(first)
        append_last(last)
        append_line(line)
        targets, codes = batch_targets, batch_codes
        append_target, append_code = append_batch_target, append_batch_code
        start = len(targets)
        item: Any = value["holders"]
        targets += item
        codes += [REF_HOLDERS] * len(item)
        item = get("speaker")
        if item is not None:
            append_target(item)
            append_code(REF_SPEAKER)
        item = get("addressees")
        if item:
            targets += item
            codes += [REF_ADDRESSEES] * len(item)
        # The fields below are absent from most positions: `in` is cheaper than `get` then.
        if "territories" in value:
            item = value["territories"]
            targets += [scope["territory"] for scope in item]
            codes += [REF_TERRITORY] * len(item)
        self_links: list[Problem] = _NO_PROBLEMS
        if "links" in value:
            for i, link in enumerate(value["links"]):
                target = link["target"]
                append_target(target)
                append_code(REF_LINK)
                if link["relation"] == "precondition":
                    index.pre_entry.append(entry)
                    index.pre_hash.append(hasher(target))
                if target == own:
                    self_links = [*self_links, _self_link(own, "links", (i, "target"))]
        if "reaffirms" in value:
            item = value["reaffirms"]
            targets += item
            codes += [REF_REAFFIRMS] * len(item)
            if own in item:
                self_links = self_links + [
                    _self_link(own, "reaffirms", (i,)) for i, t in enumerate(item) if t == own
                ]
        if "responds_to" in value:
            for i, response in enumerate(value["responds_to"]):
                target = response["target"]
                append_target(target)
                append_code(REF_RESPONSE)
                if "points" in response:
                    add_points(target, response["points"], entry)
                if target == own:
                    self_links = [*self_links, _self_link(own, "responds_to", (i, "target"))]
        if "proposal_points" in value:
            for reference in value["proposal_points"]:
                target = reference["proposal"]
                append_target(target)
                append_code(REF_PROPOSAL)
                if "points" in reference:
                    add_points(target, reference["points"], entry)
        for evidence in value["evidence"]:
            append_target(evidence["source"])
            append_code(REF_EVIDENCE)
            if "reported_via" in evidence:
                for step in evidence["reported_via"]:
                    if "actor" in step:
                        append_target(step["actor"])
                        append_code(REF_VIA_ACTOR)
                    if "source" in step:
                        append_target(step["source"])
                        append_code(REF_VIA_SOURCE)
        other_position_refs(value, entry, index, targets, codes)
        append_batch_entry(entry)
        append_batch_count(len(targets) - start)
        if len(targets) >= BATCH:
            finish()
        if self_links:
            # In the order of the generic check: links, then reaffirms, then responds_to.
            order = {"links": 0, "reaffirms": 1, "responds_to": 2}
            found += sorted(self_links, key=lambda p: order[str(p[2][0])])
        return found

    def source(value: dict[str, Any], line: int) -> list[Problem]:
        found: list[Problem] = []
        first, last = _date(value.get("published_on"), ("published_on", "value"), found)
        if "accessed_on" in value:
            try:
                dates.parse(value["accessed_on"])
            except dates.ImpossibleDate as error:
                found.append(("date-impossible", str(error), ("accessed_on",)))
        entry = add(value["id"], _SOURCE, first, last, line)
        steps = value.get("reported_via")
        if steps:
            index_steps(steps, entry)
        return found

    def index_steps(steps: list[dict[str, Any]], entry: int) -> None:
        for step in steps:
            for key, code in _SOURCE_STEP_CODES:
                if key in step:
                    ref_hash.append(hasher(step[key]))
                    ref_code.append(code)
                    ref_entry.append(entry)

    def other(record_type: str) -> FastCheck:
        def check(value: dict[str, Any], line: int) -> list[Problem]:
            found = record_checks.problems(record_type, value)
            index_record(index, value, record_type, line, (), valid=True)
            return found

        return check

    checks = {t: other(t) for t in TYPE_CODES if t != "dataset"}
    fast = record_checks.fast_types()
    if "position" in fast:
        checks["position"] = position
    if "source" in fast:
        checks["source"] = source
    return checks, finish


BATCH = 1 << 16
"""References gathered before they are added to the index."""


def _self_link(own: str, field: str, rest: tuple[int | str, ...]) -> Problem:
    return (
        "link-self",
        f'the position "{own}" is linked to itself in `{field}`',
        (field, *rest),
    )


def _source_step_codes() -> tuple[tuple[str, int], ...]:
    from ..index.compact import REF_CODE

    return (
        ("actor", REF_CODE[("source", ("reported_via", "*", "actor"))]),
        ("source", REF_CODE[("source", ("reported_via", "*", "source"))]),
    )


_SOURCE_STEP_CODES = _source_step_codes()
