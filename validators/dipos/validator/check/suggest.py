"""'Did you mean ...?' suggestions for misspelt ids, properties and codes.

Small lists (codes, property names) are searched whole with :mod:`difflib`, and a search
is remembered. Ids can be millions: they are indexed once by their pairs of letters
(:class:`NameIndex`), a search looks at the few ids that share the most pairs with the
word, and all the searches of a run share a bounded amount of work (:class:`Budget`),
so that a million unresolved references cost time in proportion, not millions of
searches through every id.
"""

import difflib
import heapq
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

SHORTLIST: Final = 24
"""How many ids sharing the most letter pairs with the word are compared with it."""

WORK_BUDGET: Final = 20_000_000
"""The most index entries all the id searches of one run may read (about a second)."""


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The candidate nearest to ``word``, if one is near enough."""
    return _closest(word, tuple(candidates), cutoff)


@lru_cache(maxsize=4096)
def _closest(word: str, candidates: tuple[str, ...], cutoff: float) -> str | None:
    # Remembered: the same misspelt code in many records is searched for once.
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return matches[0] if matches else None


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """`` (did you mean "x"?)`` or an empty string."""
    match = closest(word, candidates, cutoff)
    return hint(match)


def hint(match: str | None) -> str:
    return f' (did you mean "{match}"?)' if match else ""


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
        """The name nearest to ``word`` (as :func:`closest` measures), among the names that
        share the most pairs of characters with it; ``None`` when none is near enough or
        the budget is spent."""
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
        shortlist = [self.names[number] for number, _ in best]
        matches = difflib.get_close_matches(word, shortlist, n=1, cutoff=cutoff)
        return matches[0] if matches else None
