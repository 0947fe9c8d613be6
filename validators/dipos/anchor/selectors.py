"""Work out the selectors of one piece of evidence from its source's text.

The quote is looked for loosely (:mod:`dipos.anchor.match`); the selectors then
describe the source's own characters: ``quote`` as the source has it, ``start`` and
``end`` in code points, and ``prefix`` and ``suffix`` of :data:`CONTEXT` characters
(a prefix or suffix already right, of whatever length, is kept).
"""

import json
from dataclasses import dataclass, field
from typing import Any

from .match import Loose, find_all, loosen

CONTEXT = 32
"""Characters of text kept before (``prefix``) and after (``suffix``) a quote."""

SELECTOR_KEYS = ("quote", "prefix", "suffix", "start", "end")


@dataclass(slots=True)
class Outcome:
    """What anchoring one piece of evidence found and would change."""

    changes: dict[str, Any] = field(default_factory=dict)
    """New values by key; ``None`` removes the key."""
    problem: str | None = None
    """Why the evidence cannot be anchored (the quote not found, or found more than once)."""
    rule: str | None = None
    notes: list[str] = field(default_factory=list)
    """What was chosen or corrected, for the report."""


def excerpt(text: str, limit: int = 80) -> str:
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return json.dumps(short, ensure_ascii=False)


def _integer(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _ends_loosely(before: str, prefix: str) -> bool:
    wanted = loosen(prefix).text.strip(" ")
    return bool(wanted) and loosen(before).text.rstrip(" ").endswith(wanted)


def _starts_loosely(after: str, suffix: str) -> bool:
    wanted = loosen(suffix).text.strip(" ")
    return bool(wanted) and loosen(after).text.lstrip(" ").startswith(wanted)


def _choose(
    spans: list[tuple[int, int]], evidence: dict[str, Any], text: str
) -> tuple[tuple[int, int] | None, str]:
    """The occurrence the evidence's own prefix, suffix or offsets point to."""
    prefix, suffix = _text(evidence.get("prefix")), _text(evidence.get("suffix"))
    if prefix or suffix:
        scored = []
        for start, end in spans:
            score = 0
            if prefix and _ends_loosely(text[max(0, start - 2 * len(prefix) - 8) : start], prefix):
                score += 1
            if suffix and _starts_loosely(text[end : end + 2 * len(suffix) + 8], suffix):
                score += 1
            scored.append(score)
        best = max(scored)
        if best and scored.count(best) == 1:
            return spans[scored.index(best)], "the one its prefix/suffix match"
    given_start, given_end = _integer(evidence.get("start")), _integer(evidence.get("end"))
    for span in spans:
        if span[0] == given_start or (given_start is None and span[1] == given_end):
            return span, "the one at its existing start/end"
    return None, ""


def _why_not_found(quote: str, text: str) -> str:
    if (
        quote.casefold() in text.casefold()
        or loosen(quote.casefold()).text.strip(" ") in loosen(text.casefold()).text
    ):
        return "it is there with different upper/lower case: copy it again from the source"
    return "no part of the text matches it, even allowing for quotation marks, dashes and spaces"


def anchor_one(evidence: dict[str, Any], text: str, loose: Loose, text_name: str) -> Outcome:
    """The changes that anchor one piece of evidence in a text."""
    outcome = Outcome()
    quote = evidence.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        outcome.problem = "the evidence has no quote to look for"
        outcome.rule = "quote-missing"
        return outcome
    spans = find_all(quote, text, loose)
    if not spans:
        outcome.problem = (
            f"the quote {excerpt(quote)} is not in {text_name}: {_why_not_found(quote, text)}"
        )
        outcome.rule = "quote-not-found"
        return outcome
    if len(spans) > 1:
        chosen, why = _choose(spans, evidence, text)
        starts = ", ".join(str(s) for s, _ in spans[:8])
        if chosen is None:
            outcome.problem = (
                f"the quote occurs {len(spans)} times in {text_name} (at starts {starts}): "
                "add a `prefix` (the words just before the quote in the source) or a "
                "`suffix` to say which one is meant, then run dipos anchor again; "
                "it is left unanchored"
            )
            outcome.rule = "quote-ambiguous"
            return outcome
        outcome.notes.append(
            f"the quote occurs {len(spans)} times (at starts {starts}); chose start "
            f"{chosen[0]}, {why}"
        )
        start, end = chosen
    else:
        start, end = spans[0]

    wanted: dict[str, Any] = {"quote": text[start:end], "start": start, "end": end}
    # A prefix or suffix already right is kept whatever its length; an empty one is
    # right only at the very start or end of the text (and written there: nothing comes
    # before or after the quote).
    prefix = _text(evidence.get("prefix"))
    if prefix is None or not text[:start].endswith(prefix) or (start and not prefix):
        prefix = text[max(0, start - CONTEXT) : start]
    suffix = _text(evidence.get("suffix"))
    if suffix is None or not text[end:].startswith(suffix) or (end < len(text) and not suffix):
        suffix = text[end : end + CONTEXT]
    wanted["prefix"], wanted["suffix"] = prefix, suffix

    for key in SELECTOR_KEYS:
        old = evidence.get(key)
        new = wanted[key]
        same = old == new and type(old) is type(new) if new is not None else key not in evidence
        if isinstance(old, str) and isinstance(new, str):
            same = old == new
        if not same:
            outcome.changes[key] = new
    if "quote" in outcome.changes:
        outcome.notes.append(
            f"quote corrected to the source's characters: {excerpt(quote)} → "
            f"{excerpt(text[start:end])}"
        )
    return outcome
