"""Where a value stands in what was read.

Every reader gives, with each value it reads, its *positions*: the answer to "at which
line and column of the file is the value at this JSON path?". Findings are placed by
that one answer (:func:`place`), whichever way the data was read, so that the same
problem gets the same line and column in a file read whole, line by line, as a stream
of records, or in a worker process:

* :class:`TextPositions`: a JSON text: a whole file, one JSON Lines line, or one
  piece of a streamed dataset (``origin``: where the text starts in the file; ``base``:
  the JSON path of the text's value in the file);
* :class:`~dipos.validator.read.yamlload.NodePositions`: a YAML document's node tree;
* :class:`Together`: the pieces of a streamed dataset, with a place for the rest;
* :data:`NO_POSITIONS`: Python objects given to ``dipos.validate``: JSON paths only.

A path that is not there (a missing property) is placed at its nearest ancestor: the
object that lacks it.
"""

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Protocol

from ..findings import Finding
from ..paths import Path
from .textscan import LineIndex, nearest_path, scan

Place = tuple[int, int]
"""A line and a column, both counted from 1."""


class Positions(Protocol):
    """The places of the values of one thing read (a file, a line, a piece of a file)."""

    def places(self, paths: Collection[Path]) -> dict[Path, Place]:
        """The place of each path (of its nearest ancestor when it is absent); paths
        outside what was read are left out of the answer."""
        ...


class TextPositions:
    """Positions in a JSON text, found by a light scan of the text when first asked.

    ``origin`` is the place of the text's first character in the file, ``base`` the
    JSON path of the text's value in the file (``("positions", 3)`` for the fourth
    position of a streamed dataset).
    """

    __slots__ = ("_lines", "base", "origin", "text")

    def __init__(self, text: str, origin: Place = (1, 1), base: Path = ()) -> None:
        self.text = text
        self.origin = origin
        self.base = base
        self._lines: LineIndex | None = None

    def at_offset(self, offset: int) -> Place:
        """The place in the file of a character offset of the text."""
        if self._lines is None:
            self._lines = LineIndex(self.text)
        line, column = self._lines.position(min(offset, len(self.text)))
        if line == 1:
            return self.origin[0], self.origin[1] + column - 1
        return self.origin[0] + line - 1, column

    def places(self, paths: Collection[Path]) -> dict[Path, Place]:
        depth = len(self.base)
        relative = {path: path[depth:] for path in paths if path[:depth] == self.base}
        if not relative:
            return {}
        wanted: set[Path] = set()
        for rel in relative.values():
            wanted.update(rel[:end] for end in range(len(rel) + 1))
        offsets = scan(self.text, wanted).offsets
        found: dict[Path, Place] = {}
        for path, rel in relative.items():
            nearest = nearest_path(rel, offsets)
            found[path] = self.at_offset(offsets[nearest] if nearest is not None else 0)
        return found


class Together:
    """The positions of several parts (the pieces of a streamed dataset), each asked in
    turn for the paths the ones before did not place, and the place, if given, of any
    path that lies in none of them (the dataset's opening brace)."""

    __slots__ = ("elsewhere", "parts")

    def __init__(self, parts: Sequence[Positions], elsewhere: Place | None = None) -> None:
        self.parts = parts
        self.elsewhere = elsewhere

    def places(self, paths: Collection[Path]) -> dict[Path, Place]:
        found: dict[Path, Place] = {}
        for part in self.parts:
            found.update(part.places([path for path in paths if path not in found]))
        if self.elsewhere is not None:
            found.update((path, self.elsewhere) for path in paths if path not in found)
        return found


class _NoPositions:
    """Values given as Python objects: there is no text to place them in."""

    __slots__ = ()

    def places(self, paths: Collection[Path]) -> dict[Path, Place]:
        return {}


NO_POSITIONS: Positions = _NoPositions()


def place(findings: list[Finding], positions: Positions) -> list[Finding]:
    """The findings with the line and column they lack filled in from ``positions``
    (a finding that has its column already keeps its place)."""
    unplaced = {f.path for f in findings if f.column is None}
    if not unplaced:
        return findings
    places = positions.places(unplaced)
    placed = []
    for f in findings:
        if f.column is None and f.path in places:
            line, column = places[f.path]
            f = replace(f, line=line, column=column)
        placed.append(f)
    return placed
