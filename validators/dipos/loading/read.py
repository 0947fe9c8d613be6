"""Reading the records of valid dipos files, one at a time.

The files have been validated first (`dipos.load`, `dipos merge`), so the reader does
not report problems: it yields each record with the file it came from. A JSON Lines
file is read line by line and a large JSON dataset file piece by piece (as the
validator does), so memory does not grow with the file; a smaller JSON file and a
YAML file are parsed whole.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from ..validator.index.fields import RECORD_LISTS
from ..validator.read.inputs import InputFile
from ..validator.read.jsonstream import DatasetStream, NotStreamable, streamable
from ..validator.read.yamlload import read_yaml

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as found in a file: its type, its JSON data and where it is."""

    type: str
    value: dict[str, Any]
    file: str
    line: int | None = None
    """The line of a JSON Lines file; ``None`` for a JSON or YAML file."""
    text: bytes | None = None
    """The record's JSON text, when it was read as text (a JSON Lines line, a piece of a
    streamed file): kept so that a caller storing records needs not serialise them again."""
    offset: int | None = None
    """For a JSON Lines line read from a file: where ``text`` starts in the file, in bytes
    (``text`` is the file's bytes from there), so that it can be read again from the file."""


def _members(value: Any, file: str, line: int | None, text: bytes | None) -> Iterator[RawRecord]:
    if not isinstance(value, dict):
        return
    record_type = value.get("type")
    if record_type != "dataset":
        yield RawRecord(str(record_type), value, file, line, text)
        return
    header = {k: v for k, v in value.items() if k not in RECORD_LISTS}
    yield RawRecord("dataset", header, file, line)
    for list_name, member_type in RECORD_LISTS.items():
        for member in value.get(list_name) or ():
            if isinstance(member, dict):
                yield RawRecord(member_type, member, file, line)


def _streamed(file: InputFile) -> Iterator[RawRecord]:
    assert file.path is not None
    header: dict[str, Any] = {}
    with file.path.open("rb") as handle:
        for piece in DatasetStream(handle, frozenset(RECORD_LISTS)).pieces():
            if piece.index is None:
                header[piece.key] = piece.value
            elif piece.key in RECORD_LISTS and isinstance(piece.value, dict):
                # Yielded before the header is complete: members may follow the lists.
                yield RawRecord(
                    RECORD_LISTS[piece.key], piece.value, file.name, None, piece.text.encode()
                )
    yield RawRecord("dataset", header, file.name)


def read_file(file: InputFile) -> Iterator[RawRecord]:
    """The records of one file, in the file's order (a dataset's header first, except in a
    large JSON file read as a stream, where it comes last)."""
    if file.kind == "jsonl":
        on_disk = file.path is not None and file.data is None
        with file.open() as stream:
            start = 0
            for number, raw in enumerate(stream, 1):
                line_start, start = start, start + len(raw)
                line = raw.removeprefix(_BOM) if number == 1 else raw
                text = line.strip()
                if not text:
                    continue
                offset = line_start + len(raw) - len(line) + len(line) - len(line.lstrip())
                for record in _members(orjson.loads(text), file.name, number, text):
                    if on_disk and record.type != "dataset":
                        record = RawRecord(
                            record.type, record.value, file.name, number, text, offset
                        )
                    yield record
        return
    if streamable(file):
        given = 0
        try:
            for record in _streamed(file):
                given += 1
                yield record
            return
        except NotStreamable:
            if given:  # valid files that stream for the validator stream here too
                raise
            # the validator read it whole too
    if file.kind == "yaml":
        units, _ = read_yaml(file.read_bytes(), file.name)
        for unit in units:
            yield from _members(unit.value, file.name, None, None)
        return
    yield from _members(orjson.loads(file.read_bytes().removeprefix(_BOM)), file.name, None, None)


def read_files(files: Sequence[InputFile]) -> Iterator[RawRecord]:
    """The records of every file, file by file."""
    for file in files:
        yield from read_file(file)
