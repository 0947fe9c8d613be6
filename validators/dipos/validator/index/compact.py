"""The compact index of records that the cross-record rules need, kept in columns.

Very large datasets (millions of records) must be checked in little memory, so no
Python object is kept per record. While files are read, each record with an id
becomes one *entry*: a row of a few typed arrays (the 64-bit hash of its id, its
type, the day range of its date, its line). The references it makes become rows
of other arrays (the hash of the id named, the entry making it, which field).
The cross-record rules then work on these arrays with sorting and binary search
(numpy), and only the few records involved in a finding are read again from
their files to write the message (:mod:`dipos.validator.recover`).

Ids are compared by a 64-bit hash (Python's ``hash`` of the id text; worker
processes share it when forked, and use a portable BLAKE2b hash otherwise, see
:func:`id_hasher`). Two different ids with the same hash could hide a broken
reference (a duplicate is confirmed on the ids read back); among n ids this happens with
probability about n²/2⁶⁵ (about one in 40 million for a million ids).

References are resolved in batches as they accumulate: most references name a
record defined earlier in the stream, so a batch is checked against the entries
already read and only the references still unresolved (forward references) are
kept. Memory therefore grows with the number of records (about 35 bytes each, with
the sorted copy of the hashes), not with the number of references.
"""

import hashlib
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from ..paths import Path
from .fields import REFERENCES

IdHasher = Callable[[str], int]

NO_DATE = -(2**31)
"""The ``first`` and ``last`` of an entry whose date is missing or qualified (never compared)."""

TYPE_CODES: dict[str, int] = {
    "actor": 0,
    "territory": 1,
    "source": 2,
    "proposal": 3,
    "position": 4,
    "dataset": 5,
}
TYPE_NAMES: tuple[str, ...] = tuple(TYPE_CODES)

DATE_NONE, DATE_EVIDENCE, DATE_EARLIER = 0, 1, 2
"""How a reference takes part in the date-order rules: not at all; an evidence field (its
target, if a source, must be published no earlier than the position); a ``reaffirms`` or
``responds_to`` target (which must not be dated later than the position)."""


@dataclass(frozen=True, slots=True)
class RefKind:
    """One reference field of one record type (a row of :data:`REF_KINDS`)."""

    record_type: str
    pattern: tuple[str, ...]
    allowed: tuple[str, ...]
    date_rule: int


def _ref_kinds() -> tuple[RefKind, ...]:
    kinds = []
    for record_type, patterns in REFERENCES.items():
        for pattern, allowed in patterns:
            field_name = pattern[0]
            date_rule = DATE_NONE
            if record_type == "position" and field_name == "evidence":
                date_rule = DATE_EVIDENCE
            elif record_type == "position" and field_name in ("reaffirms", "responds_to"):
                date_rule = DATE_EARLIER
            kinds.append(RefKind(record_type, pattern, allowed, date_rule))
    return tuple(kinds)


REF_KINDS: tuple[RefKind, ...] = _ref_kinds()
"""Every reference field, numbered: a reference row stores the number of its field."""

REF_CODE: dict[tuple[str, tuple[str, ...]], int] = {
    (kind.record_type, kind.pattern): code for code, kind in enumerate(REF_KINDS)
}

_ALLOWED = np.array(
    [[name in kind.allowed for name in TYPE_NAMES] for kind in REF_KINDS], dtype=np.bool_
)
"""Whether a reference field (row) may name a record of a type (column)."""
_DATE_RULE = np.array([kind.date_rule for kind in REF_KINDS], dtype=np.int8)

FLUSH_REFERENCES = 1 << 20
"""Resolve the pending references when this many have accumulated (about 13 MB)."""

RESOLVE_CHUNK = 1 << 17
"""References resolved at once (the temporary arrays take about 1 MB each)."""


def blake2b_hash(text: str) -> int:
    """A portable 64-bit hash of an id (the same in every process)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def id_hasher(portable: bool) -> IdHasher:
    """The hash of ids: Python's own (fast; the same only in one process and its forks),
    or a portable one for worker processes that are spawned rather than forked."""
    return blake2b_hash if portable else hash


def _np(
    values: "array[int]", dtype: type, start: int = 0, end: int | None = None
) -> npt.NDArray[Any]:
    """A numpy copy of an array's items (a copy, so that the array can still grow)."""
    view: npt.NDArray[Any] = (
        np.frombuffer(values, dtype=dtype) if len(values) else np.zeros(0, dtype=dtype)
    )
    copied = view[start:end].copy()
    del view
    return copied


def _shifted(values: "array[int]", offset: int) -> "array[int]":
    """Entry numbers of a part, renumbered after the ``offset`` entries before it."""
    return array("i", (_np(values, np.int32) + offset).astype(np.int32).tobytes())


@dataclass(slots=True)
class CompactIndex:
    """The columns of the index of one part of the input (or of all of it, once merged)."""

    hasher: IdHasher = hash
    # One row per entry (a record with a usable id).
    hashes: "array[int]" = field(default_factory=lambda: array("q"))
    types: "array[int]" = field(default_factory=lambda: array("b"))
    first: "array[int]" = field(default_factory=lambda: array("i"))
    last: "array[int]" = field(default_factory=lambda: array("i"))
    lines: "array[int]" = field(default_factory=lambda: array("i"))
    """Line of the entry in its file (0: none, in a JSON or YAML file)."""
    paths: dict[int, Path] = field(default_factory=dict)
    """Path of the entry in its unit (the file, or its line), when not the whole unit."""
    files: list[tuple[int, str]] = field(default_factory=list)
    """(first entry, file name) of each file, in order."""
    # One row per reference not yet resolved.
    ref_hash: "array[int]" = field(default_factory=lambda: array("q"))
    ref_entry: "array[int]" = field(default_factory=lambda: array("i"))
    ref_code: "array[int]" = field(default_factory=lambda: array("b"))
    # Precondition links between positions: (entry, hash of the target).
    pre_entry: "array[int]" = field(default_factory=lambda: array("i"))
    pre_hash: "array[int]" = field(default_factory=lambda: array("q"))
    # Point numbers named in `proposal_points` / `responds_to`: (entry, target hash, numbers).
    pt_entry: "array[int]" = field(default_factory=lambda: array("i"))
    pt_hash: "array[int]" = field(default_factory=lambda: array("q"))
    pt_numbers: "array[int]" = field(default_factory=lambda: array("i"))
    numbers: list[tuple[str, ...]] = field(default_factory=list)
    _numbers_code: dict[tuple[str, ...], int] = field(default_factory=dict)
    proposal_points: dict[int, frozenset[str] | None] = field(default_factory=dict)
    """The point numbers of each proposal entry."""
    flagged: "array[int]" = field(default_factory=lambda: array("i"))
    """Entries found (so far) to have a reference or date finding."""
    # The entries sorted by hash (for resolving), up to ``_sorted_upto``.
    _sorted_hash: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _sorted_entry: npt.NDArray[np.int32] = field(
        default_factory=lambda: np.zeros(0, dtype=np.int32)
    )
    _sorted_upto: int = 0
    flush_at: int = FLUSH_REFERENCES

    # --- building ------------------------------------------------------------------------

    def start_file(self, name: str) -> None:
        self.files.append((len(self.hashes), name))

    def add_entry(
        self, record_id: str, type_code: int, first: int, last: int, line: int | None, path: Path
    ) -> int:
        """Add an entry; return its number."""
        number = len(self.hashes)
        self.hashes.append(self.hasher(record_id))
        self.types.append(type_code)
        self.first.append(first)
        self.last.append(last)
        self.lines.append(line or 0)
        if path:
            self.paths[number] = path
        return number

    def numbers_code(self, numbers: tuple[str, ...]) -> int:
        code = self._numbers_code.get(numbers)
        if code is None:
            code = self._numbers_code[numbers] = len(self.numbers)
            self.numbers.append(numbers)
        return code

    def shift_lines(self, offset: int) -> None:
        """Add ``offset`` to the lines of the entries (a worker numbered its range from 1)."""
        lines = _np(self.lines, np.int32)
        lines[lines > 0] += offset
        self.lines = array("i", lines.tobytes())

    def maybe_flush(self) -> None:
        if len(self.ref_hash) >= self.flush_at:
            self.resolve_pending(final=False)

    # --- merging (worker parts into the whole) ------------------------------------------

    def merge(self, part: "CompactIndex") -> None:
        """Append a part (read after everything already merged)."""
        offset = len(self.hashes)
        self.hashes.extend(part.hashes)
        self.types.extend(part.types)
        self.first.extend(part.first)
        self.last.extend(part.last)
        self.lines.extend(part.lines)
        self.paths.update({n + offset: p for n, p in part.paths.items()})
        self.files.extend((n + offset, name) for n, name in part.files)
        self.ref_hash.extend(part.ref_hash)
        self.ref_entry.extend(_shifted(part.ref_entry, offset))
        self.ref_code.extend(part.ref_code)
        self.pre_entry.extend(_shifted(part.pre_entry, offset))
        self.pre_hash.extend(part.pre_hash)
        self.pt_entry.extend(_shifted(part.pt_entry, offset))
        self.pt_hash.extend(part.pt_hash)
        recode = [self.numbers_code(numbers) for numbers in part.numbers]
        self.pt_numbers.extend(array("i", (recode[c] for c in part.pt_numbers)))
        self.proposal_points.update({n + offset: p for n, p in part.proposal_points.items()})
        self.flagged.extend(_shifted(part.flagged, offset))
        self.maybe_flush()

    # --- resolving -----------------------------------------------------------------------

    def _sync_sorted(self) -> None:
        """Bring the hash-sorted view of the entries up to date (merging in the new ones)."""
        count = len(self.hashes)
        if self._sorted_upto == count:
            return
        new_hash = _np(self.hashes, np.int64, self._sorted_upto)
        order = np.argsort(new_hash, kind="stable")
        new_hash = new_hash[order]
        new_entry = (order + self._sorted_upto).astype(np.int32)
        del order
        # After the equal hashes already there: among equal hashes the earlier entry stays
        # first (the one that references name).
        at = np.searchsorted(self._sorted_hash, new_hash, side="right")
        self._sorted_hash = np.insert(self._sorted_hash, at, new_hash)
        self._sorted_entry = np.insert(self._sorted_entry, at, new_entry)
        self._sorted_upto = count

    def lookup(self, hashes: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.bool_], Any]:
        """For each hash: whether an entry has it, and the first such entry."""
        self._sync_sorted()
        if not len(self._sorted_hash):
            return np.zeros(len(hashes), dtype=bool), np.zeros(len(hashes), dtype=np.int32)
        # Searching sorted keys is several times faster (the memory is read in order).
        order = np.argsort(hashes)
        at = np.empty(len(hashes), dtype=np.int64)
        at[order] = np.searchsorted(self._sorted_hash, hashes[order])
        del order
        np.minimum(at, len(self._sorted_hash) - 1, out=at)
        found = self._sorted_hash[at] == hashes
        return found, self._sorted_entry[at]

    def resolve_pending(self, *, final: bool) -> None:
        """Check the pending references against the entries read so far; flag the entries
        whose references break a rule; keep only the references still unresolved (or, when
        ``final``, flag their entries too). Works in chunks, to bound the memory it needs."""
        count = len(self.ref_hash)
        if not count:
            return
        # Views, not copies (nothing is added to these arrays while they exist).
        columns = (
            np.frombuffer(self.types, dtype=np.int8),
            np.frombuffer(self.first, dtype=np.int32),
            np.frombuffer(self.last, dtype=np.int32),
        )
        kept = (array("q"), array("i"), array("b"))
        for start in range(0, count, RESOLVE_CHUNK):
            end = min(start + RESOLVE_CHUNK, count)
            target = _np(self.ref_hash, np.int64, start, end)
            entry = _np(self.ref_entry, np.int32, start, end)
            code = _np(self.ref_code, np.int8, start, end)
            found = self._resolve_chunk(target, entry, code, columns, final)
            if not final:
                kept[0].frombytes(target[~found].tobytes())
                kept[1].frombytes(entry[~found].tobytes())
                kept[2].frombytes(code[~found].tobytes())
        del columns
        # In place: readers hold on to these arrays (see dipos.validator.fastpath).
        for pending, still in zip(
            (self.ref_hash, self.ref_entry, self.ref_code), kept, strict=True
        ):
            del pending[:]
            pending.extend(still)

    def _resolve_chunk(
        self,
        target: npt.NDArray[np.int64],
        entry: npt.NDArray[np.int32],
        code: npt.NDArray[np.int8],
        columns: tuple[npt.NDArray[Any], npt.NDArray[Any], npt.NDArray[Any]],
        final: bool,
    ) -> npt.NDArray[np.bool_]:
        """Flag the entries of a chunk of references that break a rule; say which resolved."""
        types, first, last = columns
        found, target_entry = self.lookup(target)
        target_type = types[target_entry]
        bad = found & ~_ALLOWED[code, target_type]
        # The date rules concern a few fields only (evidence, reaffirms, responds_to):
        # their references are taken apart rather than every reference compared.
        rule = _DATE_RULE[code]
        dated = np.flatnonzero(found & (rule != DATE_NONE))
        if len(dated):
            own, other, rule = entry[dated], target_entry[dated], rule[dated]
            own_first, own_last = first[own], last[own]
            other_first, other_last = first[other], last[other]
            comparable = (own_first != NO_DATE) & (other_first != NO_DATE)
            after_source = (
                (rule == DATE_EVIDENCE)
                & (target_type[dated] == TYPE_CODES["source"])
                & (own_first > other_last)
            )
            earlier = (rule == DATE_EARLIER) & (other_first > own_last)
            bad[dated] |= comparable & (after_source | earlier)
        if final:
            bad |= ~found
        self.flagged.frombytes(entry[bad].astype(np.int32).tobytes())
        return found

    # --- reading back ----------------------------------------------------------------------

    def file_of(self, entry: int) -> str:
        low, high = 0, len(self.files) - 1
        while low < high:  # the last file starting at or before the entry
            middle = (low + high + 1) // 2
            if self.files[middle][0] <= entry:
                low = middle
            else:
                high = middle - 1
        return self.files[low][1]

    def duplicates(self) -> tuple[list[int], dict[int, int]]:
        """Entries whose id an earlier entry already has, and that earlier (first) entry."""
        self._sync_sorted()
        same = self._sorted_hash[1:] == self._sorted_hash[:-1]
        if not same.any():
            return [], {}
        first_of: dict[int, int] = {}
        group_first = 0
        for i in np.flatnonzero(same).tolist():
            if i == 0 or not same[i - 1]:
                group_first = int(self._sorted_entry[i])
            first_of[int(self._sorted_entry[i + 1])] = group_first
        return sorted(first_of), first_of

    def point_problems(self) -> Iterable[int]:
        """Entries naming a point number that the proposal they name does not list."""
        if not len(self.pt_entry):
            return []
        found, target = self.lookup(_np(self.pt_hash, np.int64))
        entries = _np(self.pt_entry, np.int32)
        numbers = _np(self.pt_numbers, np.int32)
        flagged: list[int] = []
        verdicts: dict[tuple[int, int], bool] = {}
        for i in np.flatnonzero(found).tolist():
            key = (int(target[i]), int(numbers[i]))
            bad = verdicts.get(key)
            if bad is None:
                points = self.proposal_points.get(key[0])
                bad = verdicts[key] = bool(points) and not set(self.numbers[key[1]]) <= (
                    points or frozenset()
                )
            if bad:
                flagged.append(int(entries[i]))
        return flagged
