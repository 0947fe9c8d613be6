"""Writing a converted JSON value in the layout of the text it was read from.

A dipos file is often laid out by hand: a dataset indented by two spaces, with each
record of a list on one line; numbers written as ``1e5`` or ``600000``. ``json.dumps``
would rewrite all of it. Instead, :func:`read_layout` notes, for every object and list of
the original text, whether it was written on one line, and the exact text of every
number; :func:`dump` then writes the converted value with the same indentation, the
same one-line objects and lists, and the same number texts, wherever the value at a
place is still there. Only what the conversion moved or added takes the default layout.

The text must be valid JSON (the caller has parsed it already).
"""

import json
import re
from dataclasses import dataclass, field
from typing import Any

Path = tuple[str | int, ...]

_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WHITESPACE = " \t\r\n"


@dataclass(slots=True)
class Layout:
    """How a JSON text was laid out."""

    inline: set[Path] = field(default_factory=set)
    """The places of the objects and lists written on one line."""
    numbers: dict[Path, str] = field(default_factory=dict)
    """The text of each number, by its place."""
    indent: str = "  "
    """One level of indentation (two spaces, four, a tab)."""
    item_separator: str = ", "
    key_separator: str = ": "
    """The separators of one-line objects and lists."""
    ensure_ascii: bool = False
    """Whether characters outside ASCII are written as ``\\u`` escapes."""
    newline: str = "\n"


def read_layout(text: str) -> Layout:
    """The layout of a valid JSON text."""
    layout = Layout(ensure_ascii=text.isascii())
    found = re.search(r"\n([ \t]+)\S", text)
    if found:
        layout.indent = found.group(1)
    if "\r\n" in text:
        layout.newline = "\r\n"
    if re.search(r'"\s*:\S', text) and not re.search(r'"\s*:\s', text):
        layout.key_separator = ":"
    if re.search(r'[\]}"0-9el],[^\s]', text) and not re.search(r'[\]}"0-9el], ', text):
        layout.item_separator = ","
    _Scanner(text, layout).value(0, ())
    return layout


class _Scanner:
    """Walks a valid JSON text, noting the layout of each value."""

    def __init__(self, text: str, layout: Layout) -> None:
        self.text = text
        self.layout = layout

    def _skip(self, at: int) -> int:
        text = self.text
        while at < len(text) and text[at] in _WHITESPACE:
            at += 1
        return at

    def value(self, at: int, path: Path) -> int:
        """Read the value starting at ``at`` (whitespace before it allowed); return the
        offset just after it."""
        at = self._skip(at)
        char = self.text[at]
        if char == "{" or char == "[":
            end = self._container(at, path, char == "{")
            if "\n" not in self.text[at:end]:
                self.layout.inline.add(path)
            return end
        if char == '"':
            return self._string_end(at)
        match = _NUMBER.match(self.text, at)
        if match is not None and char not in "tfn":
            self.layout.numbers[path] = match.group(0)
            return match.end()
        for literal in ("true", "false", "null"):
            if self.text.startswith(literal, at):
                return at + len(literal)
        raise ValueError(f"not JSON at offset {at}")

    def _string_end(self, at: int) -> int:
        text = self.text
        at += 1
        while text[at] != '"':
            at += 2 if text[at] == "\\" else 1
        return at + 1

    def _container(self, at: int, path: Path, is_object: bool) -> int:
        close = "}" if is_object else "]"
        at = self._skip(at + 1)
        index = 0
        if self.text[at] == close:
            return at + 1
        while True:
            if is_object:
                end = self._string_end(at)
                key: str | int = json.loads(self.text[at:end])
                at = self._skip(end) + 1  # the colon
            else:
                key = index
                index += 1
            at = self._skip(self.value(at, (*path, key)))
            if self.text[at] == close:
                return at + 1
            at = self._skip(at + 1)  # past the comma


def dump(value: Any, layout: Layout) -> str:
    """``value`` as JSON text in ``layout`` (without a final newline)."""
    return _Writer(layout).write(value, (), 0)


class _Writer:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def write(self, value: Any, path: Path | None, level: int) -> str:
        layout = self.layout
        if isinstance(value, dict | list):
            if not value:
                return "{}" if isinstance(value, dict) else "[]"
            if path is not None and path in layout.inline:
                return self._inline(value, path)
            return self._block(value, path, level)
        if isinstance(value, bool) or value is None:
            return json.dumps(value)
        if isinstance(value, int | float):
            original = layout.numbers.get(path) if path is not None else None
            if original is not None and json.loads(original) == value:
                return original
            return json.dumps(value)
        return json.dumps(value, ensure_ascii=layout.ensure_ascii)

    def _child(self, path: Path | None, key: str | int) -> Path | None:
        return None if path is None else (*path, key)

    def _inline(self, value: dict[str, Any] | list[Any], path: Path | None) -> str:
        layout = self.layout
        if isinstance(value, dict):
            items = [
                json.dumps(k, ensure_ascii=layout.ensure_ascii)
                + layout.key_separator
                + self._inline_value(v, self._child(path, k))
                for k, v in value.items()
            ]
            return "{" + layout.item_separator.join(items) + "}"
        parts = [self._inline_value(v, self._child(path, i)) for i, v in enumerate(value)]
        return "[" + layout.item_separator.join(parts) + "]"

    def _inline_value(self, value: Any, path: Path | None) -> str:
        if isinstance(value, dict | list) and value:
            return self._inline(value, path)
        return self.write(value, path, 0)

    def _block(self, value: dict[str, Any] | list[Any], path: Path | None, level: int) -> str:
        layout = self.layout
        inner = layout.newline + layout.indent * (level + 1)
        if isinstance(value, dict):
            items = [
                json.dumps(k, ensure_ascii=layout.ensure_ascii)
                + ": "
                + self.write(v, self._child(path, k), level + 1)
                for k, v in value.items()
            ]
            open_, close = "{", "}"
        else:
            items = [self.write(v, self._child(path, i), level + 1) for i, v in enumerate(value)]
            open_, close = "[", "]"
        end = layout.newline + layout.indent * level
        return open_ + inner + ("," + inner).join(items) + end + close
