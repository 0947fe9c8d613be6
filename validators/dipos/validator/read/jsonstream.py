"""Reading a large JSON dataset file piece by piece, in flat memory.

A ``.json`` file is normally parsed whole, which takes about ten times its size in
memory. A dataset file of :data:`STREAM_BYTES` or more is read instead as a stream of
*pieces*: each member of its root object (``"title": ...``), except the record lists,
whose items (each actor, position...) are pieces of their own. Only a window of the
text and the piece being checked are held.

Streaming needs the layout every dipos writer produces: the root is an object whose
first member is ``"type": "dataset"``, and no key appears twice at the top level.
Anything else (another layout, a syntax error, text that is not UTF-8, a NUL
character) raises :class:`NotStreamable`, and the caller reads the file whole, which
reports the problem exactly.
"""

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, Final

import orjson

from ..paths import Path
from .domain import INT_MAX, INT_MIN
from .inputs import InputFile
from .positions import Place, TextPositions

STREAM_BYTES: Final = 32 * 1024 * 1024
"""JSON files at least this large are streamed (when their layout allows it)."""

READ_CHARS: Final = 1 << 22
"""Bytes read, and characters of consumed text dropped, at a time."""

MAX_PIECE_CHARS: Final = 1 << 26
"""A piece longer than this (64 M characters) is not streamed: the file is read whole."""

_WHITESPACE: Final = " \t\r\n"


class NotStreamable(Exception):  # noqa: N818 - says what the file is
    """The file cannot be read piece by piece; read it whole."""


@dataclass(slots=True)
class Piece:
    """A member of the root object, or an item of one of its record lists."""

    key: str
    """The root member's key (``positions``)."""
    index: int | None
    """The item's index in its record list; ``None`` for any other root member."""
    value: Any
    text: str
    """The piece's JSON text (to locate findings in it)."""
    start: int
    """Offset of the piece's first character in the file's text (a BOM excluded)."""

    @property
    def base(self) -> Path:
        """The piece's JSON path in the file (``("positions", 3)``, or ``("title",)``)."""
        return (self.key,) if self.index is None else (self.key, self.index)


_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")
"""A surrogate written as an escape: valid only in a pair, which orjson checks."""


# The standard library's parser accepts more than JSON (NaN, Infinity, integers of any
# size, lone surrogates): these hooks keep it to the domain orjson enforces (see
# dipos.validator.domain), and leave anything else to the whole-file reader, which reports it.


def _not_json(constant: str) -> Any:
    raise NotStreamable(constant)


def _integer(text: str) -> int | float:
    number = int(text)
    if INT_MIN <= number <= INT_MAX:
        return number
    return _double(text)  # as orjson reads it: the nearest double


def _double(text: str) -> float:
    number = float(text)
    if number in (float("inf"), float("-inf")):
        raise NotStreamable("number too large")
    return number


def _check_surrogates(text: str) -> None:
    try:
        orjson.loads(text)
    except orjson.JSONDecodeError as error:
        raise NotStreamable(str(error)) from error


_DATASET_START: Final = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"type"\s*:\s*"dataset"\s*[,}]')


def starts_as_dataset(file: InputFile) -> bool:
    """Whether a JSON file starts as a streamable dataset does (``{"type": "dataset",``)."""
    assert file.path is not None
    with file.path.open("rb") as handle:
        return _DATASET_START.match(handle.read(4096)) is not None


def streamable(file: InputFile, threshold: int | None = None) -> bool:
    """Whether a file is a JSON file large enough to be streamed."""
    limit = STREAM_BYTES if threshold is None else threshold
    return file.kind == "json" and file.path is not None and file.size() >= limit


class DatasetStream:
    """The pieces of a JSON dataset file, in order; then :meth:`position` for offsets."""

    def __init__(self, stream: BinaryIO, list_keys: frozenset[str]) -> None:
        self._stream = stream
        self._list_keys = list_keys
        self._decoder = codecs.getincrementaldecoder("utf-8")("strict")
        self._scan = json.JSONDecoder(
            parse_constant=_not_json, parse_int=_integer, parse_float=_double
        ).raw_decode
        self._text = ""
        self._origin = 0
        """Offset in the file's text of ``self._text[0]``."""
        self._at = 0
        """Reading position in ``self._text``."""
        self._eof = False
        self._started = False
        self.bom = False
        """Whether the file starts with a UTF-8 byte-order mark (skipped)."""
        self.root_start = 0
        """Offset of the root object's ``{``."""
        # Line counting, moved forward only (offsets are asked for in increasing order).
        self._counted_to = 0
        self._line = 1
        self._line_start = 0

    # --- reading -----------------------------------------------------------------------

    def _more(self) -> bool:
        """Read the next block of text into the window; ``False`` at the end of the file."""
        if self._eof:
            return False
        data = self._stream.read(READ_CHARS)
        if not self._started:
            self._started = True
            if data.startswith(b"\xef\xbb\xbf"):
                self.bom = True
                data = data[3:]
        try:
            text = self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            raise NotStreamable(str(error)) from error
        if "\x00" in text:
            raise NotStreamable("NUL character")
        if not data:
            self._eof = True
        if self._at > READ_CHARS:  # drop what has been read, counting its lines first
            self._count_lines(self._origin + self._at)
            self._text = self._text[self._at :]
            self._origin += self._at
            self._at = 0
        self._text += text
        return bool(data) or bool(text)

    def _peek(self) -> str:
        """The next character that is not whitespace ("" at the end of the file)."""
        while True:
            text, at = self._text, self._at
            while at < len(text) and text[at] in _WHITESPACE:
                at += 1
            self._at = at
            if at < len(text):
                return text[at]
            if not self._more():
                return ""

    def _expect(self, characters: str) -> str:
        found = self._peek()
        if not found or found not in characters:
            raise NotStreamable(f"expected one of {characters!r} at {self._origin + self._at}")
        self._at += 1
        return found

    def _value(self) -> tuple[Any, str, int]:
        """The JSON value at the reading position, its text and its offset."""
        self._peek()
        while True:
            try:
                value, end = self._scan(self._text, self._at)
            except json.JSONDecodeError as error:
                if self._eof or len(self._text) - self._at > MAX_PIECE_CHARS:
                    raise NotStreamable(str(error)) from error
                self._more()  # the value may go on past the window: read more and retry
                continue
            except RecursionError as error:
                raise NotStreamable("nested too deeply") from error
            if end == len(self._text) and not self._eof and self._more():
                continue  # a number may go on past the window: read more and retry
            start = self._at
            self._at = end
            text = self._text[start:end]
            if _SURROGATE_ESCAPE.search(text) is not None:
                _check_surrogates(text)
            return value, text, self._origin + start

    def pieces(self) -> Iterator[Piece]:
        """The pieces of the file, in order. Raises :class:`NotStreamable`."""
        self._expect("{")
        self.root_start = self._origin + self._at - 1
        seen: set[str] = set()
        if self._peek() == "}":
            raise NotStreamable("empty object")
        while True:
            key, _, _ = self._value()
            if not isinstance(key, str) or key in seen:
                raise NotStreamable(f"key {key!r}")
            if not seen and key != "type":
                raise NotStreamable("the first member is not `type`")
            seen.add(key)
            self._expect(":")
            if key in self._list_keys and self._peek() == "[":
                self._at += 1
                yield from self._items(key)
            else:
                value, text, start = self._value()
                if key == "type" and value != "dataset":
                    raise NotStreamable("not a dataset")
                yield Piece(key, None, value, text, start)
            if self._expect(",}") == "}":
                break
        if self._peek():
            raise NotStreamable("text after the root object")

    def _items(self, key: str) -> Iterator[Piece]:
        if self._peek() == "]":
            self._at += 1
            return
        index = 0
        while True:
            value, text, start = self._value()
            yield Piece(key, index, value, text, start)
            index += 1
            if self._expect(",]") == "]":
                return

    # --- locating ------------------------------------------------------------------------

    def _count_lines(self, offset: int) -> None:
        if offset <= self._counted_to:
            return
        text = self._text
        low, high = self._counted_to - self._origin, offset - self._origin
        newlines = text.count("\n", low, high)
        if newlines:
            self._line += newlines
            self._line_start = self._origin + text.rindex("\n", low, high) + 1
        self._counted_to = offset

    def position(self, offset: int) -> Place:
        """Line and column (1-based) of an offset of the text read so far, at or after the
        last offset asked for and not before the start of the current piece."""
        self._count_lines(offset)
        return self._line, offset - self._line_start + 1

    def positions(self, piece: Piece) -> TextPositions:
        """The positions in the file of the piece just read (asked before the next one)."""
        return TextPositions(piece.text, self.position(piece.start), piece.base)
