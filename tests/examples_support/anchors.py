"""Pinning a quote down in its source text: offsets, prefix and suffix.

Offsets count Unicode code points, as Python's ``str`` does, into the text
read with ``open(path, encoding="utf-8").read()`` (so a Windows line ending
would count as one character after universal-newline translation; the seed
texts use ``\\n`` only).
"""

from dataclasses import dataclass

CONTEXT_CHARS = 32
"""How many characters of context `prefix` and `suffix` carry."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a quote sits in a text."""

    start: int
    end: int
    prefix: str
    suffix: str


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of `quote` in `text`, overlapping ones included."""
    found: list[int] = []
    at = text.find(quote)
    while at != -1:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def anchor(text: str, quote: str, occurrence: int | None = None) -> Anchor:
    """The anchor of `quote` in `text`.

    A quote found more than once needs `occurrence` (0 for the first) so that
    the choice is deliberate; a quote not found is an error.
    """
    starts = occurrences(text, quote)
    if not starts:
        raise ValueError(f"quote not found verbatim: {quote!r}")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError(f"quote occurs {len(starts)} times; choose one: {quote!r}")
        occurrence = 0
    start = starts[occurrence]
    end = start + len(quote)
    return Anchor(
        start=start,
        end=end,
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
