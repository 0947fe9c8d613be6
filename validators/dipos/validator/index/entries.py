"""Reducing each record to its rows of the compact index (:mod:`dipos.validator.compact`).

One hand-written reader per record type, reading only the fields present: this runs
once per record, so it avoids the generic field-pattern walker. What each reader
must find is defined by :data:`dipos.validator.index.fields.REFERENCES` and by
:func:`dipos.validator.index.extract` (the full entry, used to write messages); a
test checks that both give the same references for every example record.
"""

from collections.abc import Callable
from itertools import repeat
from typing import Any

from ..paths import Path
from . import dates
from .compact import NO_DATE, REF_CODE, TYPE_CODES, CompactIndex
from .fields import RECORD_DATES, REFERENCES, values_at


def _day_range(value: Any) -> tuple[int, int]:
    """``first, last`` of a date object, or ``NO_DATE`` twice when it is missing,
    malformed, impossible or qualified (uncertain or approximate: never compared)."""
    if not isinstance(value, dict):
        return NO_DATE, NO_DATE
    text = value.get("value")
    if not isinstance(text, str):
        return NO_DATE, NO_DATE
    try:
        found = dates.parse(text)
    except dates.ImpossibleDate:
        return NO_DATE, NO_DATE
    if found is None or found.qualified:
        return NO_DATE, NO_DATE
    return found.first, found.last


_POSITION = "position"
_C = {pattern: REF_CODE[(_POSITION, pattern)] for pattern, _ in REFERENCES[_POSITION]}
REF_HOLDERS = _C[("holders", "*")]
REF_SPEAKER = _C[("speaker",)]
REF_ADDRESSEES = _C[("addressees", "*")]
REF_TERRITORY = _C[("territories", "*", "territory")]
REF_LINK = _C[("links", "*", "target")]
REF_RESPONSE = _C[("responds_to", "*", "target")]
REF_REAFFIRMS = _C[("reaffirms", "*")]
REF_PROPOSAL = _C[("proposal_points", "*", "proposal")]
REF_EVIDENCE = _C[("evidence", "*", "source")]
REF_VIA_ACTOR = _C[("evidence", "*", "reported_via", "*", "actor")]
REF_VIA_SOURCE = _C[("evidence", "*", "reported_via", "*", "source")]
POSITION_CODES = frozenset(_C.values())
"""The reference fields :func:`_position` reads (a test checks it reads them all)."""

_BY_HAND = frozenset(
    {
        ("holders", "*"),
        ("speaker",),
        ("addressees", "*"),
        ("territories", "*", "territory"),
        ("links", "*", "target"),
        ("responds_to", "*", "target"),
        ("reaffirms", "*"),
        ("proposal_points", "*", "proposal"),
        ("evidence", "*", "source"),
        ("evidence", "*", "reported_via", "*", "actor"),
        ("evidence", "*", "reported_via", "*", "source"),
    }
)
OTHER_POSITION_REFS = tuple(
    (pattern, code) for pattern, code in _C.items() if pattern not in _BY_HAND
)
"""The reference fields of a position that the hand-written readers leave to the generic
walker: fields that few positions have (roles, recognition, zones, events counted from)."""

_EVENT_REFERENCES = (("duration", "counted_from"), ("deadlines", "*", "within", "counted_from"))


def other_position_refs(
    value: dict[str, Any], entry: int, index: CompactIndex, targets: list[str], codes: list[int]
) -> None:
    """Add the references of :data:`OTHER_POSITION_REFS` to ``targets`` and ``codes``, and
    the proposal points an event reference names to the index."""
    for pattern, code in OTHER_POSITION_REFS:
        if pattern[0] not in value:
            continue
        for _, target in values_at(value, pattern):
            if isinstance(target, str):
                targets.append(target)
                codes.append(code)
    for pattern in _EVENT_REFERENCES:
        if pattern[0] not in value:
            continue
        for _, event in values_at(value, pattern):
            if isinstance(event, dict):
                add_point_ref(event, "target", entry, index)


def _position(value: dict[str, Any], entry: int, index: CompactIndex) -> None:
    hasher = index.hasher
    add_hash = index.ref_hash.append
    add_entry = index.ref_entry.append
    add_code = index.ref_code.append

    def ref(target: Any, code: int) -> None:
        if isinstance(target, str):
            add_hash(hasher(target))
            add_entry(entry)
            add_code(code)

    def each(items: Any, code: int) -> None:
        if isinstance(items, list):
            for target in items:
                ref(target, code)

    def each_key(items: Any, key: str, code: int) -> list[Any]:
        objects = [item for item in items if isinstance(item, dict)]
        for item in objects:
            ref(item.get(key), code)
        return objects

    each(value.get("holders"), REF_HOLDERS)
    if "speaker" in value:
        ref(value["speaker"], REF_SPEAKER)
    each(value.get("addressees"), REF_ADDRESSEES)
    each(value.get("reaffirms"), REF_REAFFIRMS)
    items = value.get("territories")
    if isinstance(items, list):
        each_key(items, "territory", REF_TERRITORY)
    items = value.get("links")
    if isinstance(items, list):
        for link in each_key(items, "target", REF_LINK):
            target = link.get("target")
            if link.get("relation") == "precondition" and isinstance(target, str):
                index.pre_entry.append(entry)
                index.pre_hash.append(hasher(target))
    items = value.get("responds_to")
    if isinstance(items, list):
        for response in each_key(items, "target", REF_RESPONSE):
            add_point_ref(response, "target", entry, index)
    items = value.get("proposal_points")
    if isinstance(items, list):
        for reference in each_key(items, "proposal", REF_PROPOSAL):
            add_point_ref(reference, "proposal", entry, index)
    items = value.get("evidence")
    if isinstance(items, list):
        for evidence in each_key(items, "source", REF_EVIDENCE):
            steps = evidence.get("reported_via")
            if isinstance(steps, list):
                for step in each_key(steps, "actor", REF_VIA_ACTOR):
                    ref(step.get("source"), REF_VIA_SOURCE)
    targets: list[str] = []
    codes: list[int] = []
    other_position_refs(value, entry, index, targets, codes)
    for target, code in zip(targets, codes, strict=True):
        ref(target, code)


def _valid_position(value: dict[str, Any], entry: int, index: CompactIndex) -> None:
    """:func:`_position` for a position that the schema found valid: every field present
    has its type and required properties, so nothing is tested twice (this runs for
    every position of a large file, and most are valid)."""
    targets: list[str] = list(value["holders"])
    codes = [REF_HOLDERS] * len(targets)
    get = value.get
    found = get("speaker")
    if found is not None:
        targets.append(found)
        codes.append(REF_SPEAKER)
    for key, code in (("addressees", REF_ADDRESSEES), ("reaffirms", REF_REAFFIRMS)):
        found = get(key)
        if found:
            targets += found
            codes += [code] * len(found)
    found = get("territories")
    if found:
        targets += [scope["territory"] for scope in found]
        codes += [REF_TERRITORY] * len(found)
    found = get("links")
    if found:
        for link in found:
            target = link["target"]
            targets.append(target)
            codes.append(REF_LINK)
            if link["relation"] == "precondition":
                index.pre_entry.append(entry)
                index.pre_hash.append(index.hasher(target))
    found = get("responds_to")
    if found:
        for response in found:
            targets.append(response["target"])
            codes.append(REF_RESPONSE)
            if "points" in response:
                add_point_ref(response, "target", entry, index)
    found = get("proposal_points")
    if found:
        for reference in found:
            targets.append(reference["proposal"])
            codes.append(REF_PROPOSAL)
            if "points" in reference:
                add_point_ref(reference, "proposal", entry, index)
    for evidence in value["evidence"]:
        targets.append(evidence["source"])
        codes.append(REF_EVIDENCE)
        steps = evidence.get("reported_via")
        if steps:
            for step in steps:
                for key, code in (("actor", REF_VIA_ACTOR), ("source", REF_VIA_SOURCE)):
                    if key in step:
                        targets.append(step[key])
                        codes.append(code)
    other_position_refs(value, entry, index, targets, codes)
    index.ref_hash.extend(map(index.hasher, targets))
    index.ref_code.extend(codes)
    index.ref_entry.extend(repeat(entry, len(targets)))


def add_point_ref(item: dict[str, Any], key: str, entry: int, index: CompactIndex) -> None:
    target, points = item.get(key), item.get("points")
    if not isinstance(target, str) or not isinstance(points, list):
        return
    numbers = tuple(p for p in points if isinstance(p, str))
    if numbers:
        index.pt_entry.append(entry)
        index.pt_hash.append(index.hasher(target))
        index.pt_numbers.append(index.numbers_code(numbers))


def _generic(record_type: str) -> Callable[[dict[str, Any], int, CompactIndex], None]:
    """The reader of a less frequent record type: the field patterns, walked generically."""
    patterns = [
        (pattern, REF_CODE[(record_type, pattern)]) for pattern, _ in REFERENCES[record_type]
    ]

    def read(value: dict[str, Any], entry: int, index: CompactIndex) -> None:
        for pattern, code in patterns:
            if pattern[0] not in value:
                continue
            for _, target in values_at(value, pattern):
                if isinstance(target, str):
                    index.ref_hash.append(index.hasher(target))
                    index.ref_entry.append(entry)
                    index.ref_code.append(code)
        if record_type == "proposal":
            points = value.get("points")
            index.proposal_points[entry] = (
                frozenset(
                    p["number"]
                    for p in points
                    if isinstance(p, dict) and isinstance(p.get("number"), str)
                )
                if isinstance(points, list)
                else None
            )

    return read


Reader = Callable[[dict[str, Any], int, CompactIndex], None]

_READERS: dict[str, Reader] = {
    record_type: _position if record_type == _POSITION else _generic(record_type)
    for record_type in REFERENCES
}
_VALID_READERS: dict[str, Reader] = {**_READERS, _POSITION: _valid_position}


def index_record(
    index: CompactIndex,
    value: dict[str, Any],
    record_type: str,
    line: int | None,
    path: Path,
    *,
    valid: bool = False,
) -> None:
    """Add a record's rows to the index (nothing when it has no usable id). ``valid``:
    the schema found the record valid, which allows a faster reader."""
    record_id = value.get("id")
    if not isinstance(record_id, str) or not record_id:
        return
    date_field = RECORD_DATES.get(record_type)
    first, last = _day_range(value.get(date_field)) if date_field else (NO_DATE, NO_DATE)
    entry = index.add_entry(record_id, TYPE_CODES[record_type], first, last, line, path)
    (_VALID_READERS if valid else _READERS)[record_type](value, entry, index)
    index.maybe_flush()
