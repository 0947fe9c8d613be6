"""Text that a finding quotes, made safe to print on one line in every output format.

A value quoted by a finding (an id, a key, a code, a file name, a piece of a quote) comes
from the data and may hold a line break, a Unicode line or paragraph separator
(U+2028, U+2029) or a control character. Printed as it is, it would split one finding
over several lines, and a second line could start with ``::error file=...``, which
GitHub Actions reads as a command. Such characters are written as escapes instead
(``\\n``, ``\\u2028``), as JSON writes them.
"""

import re
from typing import Final

_UNSAFE: Final = re.compile("[\\x00-\\x08\\x0a-\\x1f\\x7f-\\x9f\\u2028\\u2029]")
_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x08": "\\b"}


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    return _NAMED.get(character) or f"\\u{ord(character):04x}"


def one_line(text: str) -> str:
    """``text`` with line breaks, separators and control characters (tab aside) escaped."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE.sub(_escape, text)
