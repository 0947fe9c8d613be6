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
"""

import difflib
import re
from collections.abc import Iterable
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
    shortlist = difflib.get_close_matches(word, list(candidates), n=_SHORTLIST, cutoff=cutoff)
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
    match = closest(word, candidates, cutoff)
    return f' (did you mean "{match}"?)' if match else ""
