"""Reading a file again, after every file is checked: the records the rules across
records report on (their values, to write the messages) and the places of those
findings (their positions). A file is read again only as far as needed and the way it
was read to be checked (whole, line by line, or as a stream of records), so that a
record read back has the same value, and a finding the same place, as while checking."""

from collections.abc import Collection, Iterator

import orjson

from ..findings import Finding
from ..paths import Path
from .inputs import InputFile
from .jsonstream import DatasetStream, NotStreamable, streamable
from .positions import Positions, Together, place
from .syntax import BOM, Unit, line_positions, read_json
from .yamlload import read_yaml


def read_back(
    file: InputFile, *, lines: Collection[int], bases: Collection[Path], list_keys: frozenset[str]
) -> Iterator[Unit]:
    """The parts of a file that hold what is asked for, each with its positions, in the
    order of the file (JSON Lines lines one at a time: only one is held at once).

    * JSON Lines: the lines numbered ``lines`` (the file is read up to the last);
    * a dataset file large enough to have been streamed: the records whose paths are in
      ``bases`` (``("positions", 3)``), and the dataset's header as one unit at path
      ``()`` (every member but the record lists), placed at its members or at its
      opening brace (``list_keys``: the record lists);
    * any other file: the whole file, as one unit.
    """
    if file.kind == "jsonl":
        yield from _lines(file, lines)
        return
    if streamable(file):
        try:
            # Collected before any is given: a file that turns out not to be streamable
            # was read whole to be checked, and is read whole here too.
            yield from _pieces(file, bases, list_keys)
            return
        except NotStreamable:
            pass  # it was read whole
    reader = read_yaml if file.kind == "yaml" else read_json  # YAML: remembered, not parsed again
    units, _ = reader(file.read_bytes(), file.name)
    yield from units


def _lines(file: InputFile, wanted: Collection[int]) -> Iterator[Unit]:
    if not wanted:
        return
    last = max(wanted)
    with file.open() as handle:
        for number, raw in enumerate(handle, 1):
            if number in wanted:
                try:
                    value = orjson.loads(raw[len(BOM) :] if raw.startswith(BOM) else raw)
                    positions = line_positions(raw, number, number == 1)
                except ValueError:  # the line changed since it was checked
                    pass
                else:
                    yield Unit(value, number, positions)
            if number >= last:
                break


def _pieces(file: InputFile, wanted: Collection[Path], list_keys: frozenset[str]) -> list[Unit]:
    records: list[Unit] = []
    header: dict[str, object] = {}
    header_positions: list[Positions] = []
    root = (1, 1)
    assert file.path is not None
    with file.path.open("rb") as handle:
        stream = DatasetStream(handle, list_keys)
        for number, piece in enumerate(stream.pieces()):
            if number == 0:
                root = stream.position(stream.root_start)
            if piece.index is None:
                header[piece.key] = piece.value
                header_positions.append(stream.positions(piece))
            elif piece.base in wanted:
                records.append(Unit(piece.value, None, stream.positions(piece), piece.base))
    return [Unit(header, None, Together(header_positions, root)), *records]


def place_in_file(
    file: InputFile, findings: list[Finding], *, list_keys: frozenset[str]
) -> list[Finding]:
    """The findings of one file with the lines and columns they lack (``list_keys``: a
    dataset's record lists). A file that changed since it was checked leaves the
    findings it no longer matches unplaced."""
    unplaced = [f for f in findings if f.column is None]
    if not unplaced:
        return findings
    placed = [f for f in findings if f.column is not None]
    if file.kind == "jsonl":
        by_line: dict[int, list[Finding]] = {}
        for f in unplaced:
            by_line.setdefault(f.line or 0, []).append(f)
        units = read_back(file, lines=set(by_line) - {0}, bases=(), list_keys=list_keys)
        for unit in units:
            placed.extend(place(by_line.pop(unit.line or 0), unit.positions))
        placed.extend(f for group in by_line.values() for f in group)  # lines no longer there
        return placed
    bases = {f.path[:2] for f in unplaced if len(f.path) >= 2 and f.path[0] in list_keys}
    units = read_back(file, lines=(), bases=bases, list_keys=list_keys)
    # The records first: the dataset's header (path ``()``) would claim every path.
    parts = sorted(units, key=lambda unit: -len(unit.base))
    return [*placed, *place(unplaced, Together([unit.positions for unit in parts]))]
