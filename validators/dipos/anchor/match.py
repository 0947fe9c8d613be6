"""Find a quote in a source text the way a person copying it by hand would expect.

A quote typed or pasted by a person often differs from the source in characters
that look alike: curly and straight quotation marks and apostrophes, dashes and
hyphens, several spaces or a line break for one space, a no-break space. The
search compares a *loose* form of the quote with a loose form of the text, and
maps every match back to code-point offsets in the text as it is, so that the
quote can then be rewritten exactly as the source has it.

Upper and lower case are not loosened: a different case is a different quote.
"""

from dataclasses import dataclass

# Characters a person may type for one another. Each maps to one character; the
# ellipsis maps to three, as people type it.
_SAME: dict[str, str] = {
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032\u02bc\u0060\u00b4", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    "\u2026": "...",
}
# Invisible characters that a copy may add or drop.
_DROPPED = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True, slots=True)
class Loose:
    """The loose form of a text, and for each of its characters the offset in the text."""

    text: str
    origin: tuple[int, ...]


def loosen(text: str) -> Loose:
    """The loose form: look-alike characters made one, each run of white space one
    space, no white space next to a dash, dashes in a run made one (``--`` for ``—``)."""
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        if char in _DROPPED:
            continue
        if char.isspace():
            if chars and chars[-1] in " -":
                continue  # a run of white space, or white space after a dash
            chars.append(" ")
            origin.append(index)
            continue
        same = _SAME.get(char, char)
        if same == "-":
            if chars and chars[-1] == "-":
                continue
            if chars and chars[-1] == " ":  # white space before a dash
                chars.pop()
                origin.pop()
        for part in same:
            chars.append(part)
            origin.append(index)
    return Loose("".join(chars), tuple(origin))


def find_all(quote: str, text: str, loose: Loose | None = None) -> list[tuple[int, int]]:
    """Every place the quote occurs in the text, as (start, end) code-point offsets in
    the text as it is; exact matches when there are any, else loose ones. ``loose`` is
    the text's loose form, when already made."""
    exact = _exact(quote, text)
    if exact:
        return exact
    loose_text = loose if loose is not None else loosen(text)
    needle = loosen(quote).text.strip(" ")
    if not needle:
        return []
    found = []
    at = loose_text.text.find(needle)
    while at >= 0:
        last = at + len(needle) - 1
        start = loose_text.origin[at]
        end = loose_text.origin[last] + 1
        found.append((start, end))
        at = loose_text.text.find(needle, at + 1)
    return found


def _exact(quote: str, text: str) -> list[tuple[int, int]]:
    if not quote:
        return []
    found = []
    at = text.find(quote)
    while at >= 0:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def same_loosely(a: str, b: str) -> bool:
    """Whether two strings are the same once loosened."""
    return loosen(a).text.strip(" ") == loosen(b).text.strip(" ")
