"""A light, position-tracking pass over JSON text.

Fast parsers (orjson) say only *whether* a document is valid. This pass, run only
on files that have findings, says *where* a value is: the offset of the value at
each path. The same pass finds duplicate keys, which fast parsers silently drop.
It never recurses, so deeply nested input cannot crash it, and it assumes the
text is valid JSON (orjson has already said so).
"""

import bisect
import re
from collections.abc import Collection
from dataclasses import dataclass, field

import orjson

from ..paths import Path

_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_TOKEN = re.compile(rf'[ \t\n\r]*(?:({_STRING})|([{{}}\[\]:,])|([^ \t\n\r{{}}\[\]:,"]+))', re.S)


@dataclass(slots=True)
class _Frame:
    is_object: bool
    path: Path
    index: int = 0
    key: str | None = None
    keys: set[str] = field(default_factory=set)


@dataclass(slots=True)
class ScanResult:
    """Offsets of values by path, and the duplicate keys found (path of the repeated key)."""

    offsets: dict[Path, int]
    duplicates: list[tuple[Path, int]]


_QUOTE_COLON = re.compile(r'"[ \t\n\r]*:')


def count_keys_in_text(text: str) -> int:
    """An upper bound of the number of object keys in a JSON text (duplicates included).

    Every key is a closing quote followed by a colon; so is, rarely, an escaped quote
    followed by a colon inside a string. The count is therefore never below the real
    one, which is all the duplicate check needs: equal counts prove there is none.
    """
    return len(_QUOTE_COLON.findall(text))


_QUOTE_COLON_BYTES = re.compile(rb'"[ \t\n\r]*:')


def may_have_duplicate_keys(text: str, value: object) -> bool:
    """False when the JSON text surely has no duplicate key (it parsed to ``value``).

    Compares the quote-colon count of the text with that of ``value`` written out again
    by orjson: strings are written back the same, so the counts are equal exactly when
    no key was dropped. A text with ``\\u`` escapes may write a quote differently, so it
    is compared with an exact count of the parsed keys instead.
    """
    in_text = count_keys_in_text(text)
    if "\\u" not in text:
        try:
            return in_text != len(_QUOTE_COLON_BYTES.findall(orjson.dumps(value)))
        except TypeError:  # nested deeper than orjson writes (255 levels)
            pass
    return in_text != count_keys_in_value(value)


def may_have_duplicate_keys_in_bytes(data: bytes, value: object) -> bool:
    """False when the JSON bytes surely have no duplicate key (they parsed to ``value``).

    ``value`` is written out again by orjson. When the bytes are exactly that (as
    orjson and most compact writers write), no key was dropped. Otherwise colons are
    counted: in the bytes, one per key written (duplicates included) plus those inside
    strings; in the value written out, one per key kept plus the same ones inside
    strings (a colon is never escaped, except as ``\\u003a``). A dropped duplicate
    removes at least its own colon, so equal counts prove there is none; text with
    ``\\u`` escapes takes the exact way.
    """
    try:
        written = orjson.dumps(value)
    except TypeError:  # nested deeper than orjson writes (255 levels)
        return may_have_duplicate_keys(data.decode("utf-8"), value)
    if data.startswith(written) and not data[len(written) :].strip():
        return False
    if b"\\u" not in data:
        return data.count(b":") != written.count(b":")
    return may_have_duplicate_keys(data.decode("utf-8"), value)


def count_keys_in_value(value: object) -> int:
    """How many object keys a parsed JSON value has (duplicates already dropped)."""
    count = 0
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            count += len(item)
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return count


def scan(text: str, wanted: Collection[Path] | None = None) -> ScanResult:
    """Walk the JSON text; record the offset of each wanted path (all paths if ``None``)."""
    offsets: dict[Path, int] = {}
    duplicates: list[tuple[Path, int]] = []
    stack: list[_Frame] = []
    expect_key = False
    for match in _TOKEN.finditer(text):
        string, punct, _scalar = match.groups()
        start = match.start(match.lastindex or 0)
        frame = stack[-1] if stack else None
        if punct in ("}", "]"):
            stack.pop()
            expect_key = False
            continue
        if punct == ",":
            if frame is not None:
                if frame.is_object:
                    expect_key = True
                else:
                    frame.index += 1
            continue
        if punct == ":":
            continue
        if frame is not None and frame.is_object and expect_key:
            key = str(orjson.loads(string)) if string else ""
            if key in frame.keys:
                duplicates.append(((*frame.path, key), start))
            frame.keys.add(key)
            frame.key = key
            expect_key = False
            continue
        if frame is None:
            path: Path = ()
        elif frame.is_object:
            path = (*frame.path, frame.key or "")
        else:
            path = (*frame.path, frame.index)
        if wanted is None or path in wanted:
            offsets[path] = start
        if punct == "{":
            stack.append(_Frame(True, path))
            expect_key = True
        elif punct == "[":
            stack.append(_Frame(False, path))
    return ScanResult(offsets, duplicates)


class LineIndex:
    """Turns character offsets into 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def nearest_path(path: Path, offsets: dict[Path, int]) -> Path | None:
    """The longest prefix of ``path`` that has a known offset (a missing property's object)."""
    for end in range(len(path), -1, -1):
        if path[:end] in offsets:
            return path[:end]
    return None
