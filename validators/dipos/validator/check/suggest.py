"""'Did you mean ...?' suggestions for misspelt ids, properties and codes.

A suggestion is offered only for a likely typo, never for a different word that happens
to look alike: following it must not change the meaning of the data. So a candidate must
be within two edits of the word (an edit inserts, deletes or replaces a character, or
swaps two neighbours: the Damerau-Levenshtein distance, optimal string alignment), and at
most a third of its length; each word of a code (``eu`` and ``alliance`` in
``eu_membership``, ``alliance_membership``) must itself be a near spelling of the word it
replaces, so two codes that share only a word are never proposed for each other; letters
may be left out, added or swapped, but replaced only one, and not in a short word
(``iran`` and ``iraq``, ``northland`` and ``southland`` are different names); and the
digits must be the same (``pos-001`` is not a typo of ``pos-002``, nor point ``12`` of
``13``).

Small lists (codes, property names) are searched whole, and a search is remembered. Ids
can be millions: they are indexed once by their pairs of letters (:class:`NameIndex`), a
search looks at the few ids that share the most pairs with the word, and all the searches
of a run share a bounded amount of work (:class:`Budget`), so that a million unresolved
references cost time in proportion, not millions of searches through every id.
"""

import difflib
import heapq
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

MAX_EDITS: Final = 2
"""The most edits a suggestion may be from the word."""

_SHORTLIST: Final = 8
"""Candidates taken (by difflib's similarity, which is fast) before the strict test."""

_WORD_SEPARATORS: Final = re.compile(r"[_\-:./ ]+")

_SHORT_WORD: Final = 5
"""Words this long or shorter take no replaced letter as a typo."""


def edit_distance(a: str, b: str, limit: int = MAX_EDITS) -> int:
    """The Damerau-Levenshtein distance (optimal string alignment) between ``a`` and ``b``;
    any value above ``limit`` is returned as ``limit + 1``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _replaces_letters(a: str, b: str, distance: int) -> bool:
    """Whether the edits between two words must replace letters in a way typing rarely
    does: any replaced letter in a short word (`iran`, `iraq`), or two in a longer one
    (`northland`, `southland`). Letters left out, added or swapped are typos."""
    if len(a) != len(b) or sorted(a) == sorted(b):
        return False
    return max(len(a), len(b)) <= _SHORT_WORD or distance >= 2


def _near(word: str, candidate: str, limit: int = MAX_EDITS) -> int | None:
    """The distance of a likely typo, or ``None`` when ``candidate`` is not one of ``word``."""
    if re.sub(r"[^0-9]", "", word) != re.sub(r"[^0-9]", "", candidate):
        return None
    distance = edit_distance(word, candidate, limit)
    if distance > limit or 3 * distance > max(len(word), len(candidate)):
        return None
    if _replaces_letters(word, candidate, distance):
        return None
    words, others = _WORD_SEPARATORS.split(word), _WORD_SEPARATORS.split(candidate)
    if len(words) != len(others):
        # Only a separator added or left out (`ceasefire`, `cease_fire`) is a typo here.
        return distance if "".join(words) == "".join(others) else None
    for part, other in zip(words, others, strict=True):
        if part == other:
            continue
        part_distance = edit_distance(part, other, limit)
        if part_distance > limit or 3 * part_distance > max(len(part), len(other)):
            return None
        if _replaces_letters(part, other, part_distance):
            return None
    return distance


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate that is a likely typo of ``word`` (the nearest, if several), if any.
    ``cutoff``: the least difflib similarity a candidate must also have."""
    return _closest(word, tuple(candidates), cutoff)


@lru_cache(maxsize=4096)
def _closest(word: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    # Remembered: the same misspelt code in many records is searched for once.
    return _typo_among(word, candidates, cutoff)


def _typo_among(word: str, candidates: Sequence[str], cutoff: float) -> str | None:
    shortlist = difflib.get_close_matches(word, candidates, n=_SHORTLIST, cutoff=cutoff)
    best: tuple[int, str] | None = None
    for candidate in shortlist:
        if candidate == word:
            continue
        distance = _near(word, candidate)
        if distance is not None and (best is None or distance < best[0]):
            best = (distance, candidate)
    return best[1] if best else None


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean "x"?)`` or an empty string."""
    return hint(closest(word, candidates, cutoff))


def hint(match: str | None) -> str:
    """`` (did you mean "x"?)`` for a match, an empty string for none."""
    return f' (did you mean "{match}"?)' if match else ""


SHORTLIST: Final = 24
"""How many ids sharing the most letter pairs with the word are compared with it."""

WORK_BUDGET: Final = 20_000_000
"""The most index entries all the id searches of one run may read (about a second)."""


class Budget:
    """Work left for the id searches of one run (index entries read); when it is spent,
    the searches give no suggestion."""

    def __init__(self, work: int = WORK_BUDGET) -> None:
        self.left = work

    def spend(self, work: int) -> bool:
        """Take ``work`` from what is left; ``False`` (and nothing taken) when too little is."""
        if work > self.left:
            return False
        self.left -= work
        return True


def _pairs(word: str) -> set[str]:
    padded = f"\x00{word}\x00"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class NameIndex:
    """Names (ids) indexed once by their pairs of characters, for :meth:`closest`."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(dict.fromkeys(names))
        postings: dict[str, list[int]] = {}
        for number, name in enumerate(self.names):
            for pair in _pairs(name):
                postings.setdefault(pair, []).append(number)
        self._postings = postings
        # A pair in most names (the `actor-` of every actor id) tells them apart little and
        # costs most to read: above this, it is skipped when the word has rarer ones.
        self._common = max(256, len(self.names) // 8)

    def closest(self, word: str, budget: Budget, cutoff: float = 0.6) -> str | None:
        """The likely typo of ``word`` (as :func:`closest` decides) among the names that
        share the most pairs of characters with it; ``None`` when there is none or the
        budget is spent."""
        if not self.names:
            return None
        lists = [self._postings[p] for p in _pairs(word) if p in self._postings]
        rare = [found for found in lists if len(found) <= self._common]
        lists = rare or lists
        if not budget.spend(sum(map(len, lists)) + SHORTLIST):
            return None
        counts: Counter[int] = Counter()
        for found in lists:
            counts.update(found)
        best = heapq.nsmallest(SHORTLIST, counts.items(), key=lambda item: (-item[1], item[0]))
        return _typo_among(word, [self.names[number] for number, _ in best], cutoff)
