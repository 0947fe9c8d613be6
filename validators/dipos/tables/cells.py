"""Cells in text formats (CSV, XLSX), where an empty cell is the only way to say "absent".

An empty string is therefore written as two double quotes, ``""``; to keep that
reversible, any text made only of double quotes is written with two more. A reader
removes them again: a cell of two or more double quotes and nothing else stands for
that text less two. (Only ``prefix`` and ``suffix`` can be empty strings in dipos.)
"""

from typing import Any


def _only_quotes(text: str) -> bool:
    return text.count('"') == len(text)


def escape_text(text: str) -> str:
    """The cell text for a string value."""
    return text + '""' if _only_quotes(text) else text


def unescape_text(text: str) -> str:
    """The string value of a cell's text."""
    if len(text) >= 2 and _only_quotes(text):
        return text[2:]
    return text


def to_text(value: Any) -> str:
    """A typed cell as CSV text: empty for ``None``, ``true``/``false``, numbers in full."""
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_text(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def from_text(text: str) -> str | None:
    """A CSV cell's text as a cell value: ``None`` when empty (typed later, by column)."""
    if text == "":
        return None
    return unescape_text(text)
