"""Reading dipos records from files, one at a time (for exports of any size).

The files are those ``dipos validate`` reads (:func:`dipos.validator.read.inputs.collect`):
JSON Lines line by line, a large JSON dataset as a stream of records (the validator's
:class:`~dipos.validator.read.jsonstream.DatasetStream`), other JSON and YAML files whole.
The data is expected to be valid (validate first): a file that cannot be read raises
:class:`ReadError`.
"""

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import orjson

from ..validator.index.fields import RECORD_LISTS
from ..validator.read.inputs import InputFile, collect
from ..validator.read.jsonstream import DatasetStream, NotStreamable, starts_as_dataset, streamable
from ..validator.read.syntax import BOM
from ..validator.read.yamlload import read_yaml


class ReadError(Exception):
    """A file cannot be read as dipos data."""


def _values(value: Any) -> Iterator[Any]:
    if isinstance(value, list):
        yield from value
    else:
        yield value


def _streamed(file: InputFile) -> Iterator[Any]:
    """The records of a large JSON dataset file: the header (its members other than the
    record lists, read first in dipos files) and then each record of its lists."""
    assert file.path is not None
    header: dict[str, Any] = {}
    with file.path.open("rb") as handle:
        stream = DatasetStream(handle, frozenset(RECORD_LISTS))
        header_sent = False
        for piece in stream.pieces():
            if piece.index is None:
                if header_sent:
                    # A member after the record lists: the header must come first, so it
                    # cannot be streamed in order.
                    raise NotStreamable("a dataset member after its records")
                header[piece.key] = piece.value
                continue
            if not header_sent:
                header_sent = True
                yield dict(header)
            yield piece.value
        if not header_sent:
            yield header


def read_file(file: InputFile) -> Iterator[Any]:
    """The records of one file (datasets as they are, with their record lists, except a
    large dataset file, given as its header and then its records)."""
    if file.kind == "jsonl":
        with file.open() as stream:
            for number, raw in enumerate(stream, 1):
                line = raw.lstrip(BOM) if number == 1 else raw
                if not line.strip():
                    continue
                try:
                    yield orjson.loads(line)
                except orjson.JSONDecodeError as error:
                    raise ReadError(f"{file.name}:{number}: {error}") from None
        return
    if file.kind == "json" and streamable(file) and starts_as_dataset(file):
        sent = 0
        try:
            for record in _streamed(file):
                sent += 1
                yield record
            return
        except NotStreamable as error:
            if sent:
                raise ReadError(f"{file.name}: {error}") from None
            # Not in the streamable layout: read it whole below.
    data = file.read_bytes()
    if file.kind == "yaml":
        units, findings = read_yaml(data, file.name)
        if not units and findings:
            raise ReadError(f"{file.name}: {findings[0].message}")
        for unit in units:
            yield from _values(unit.value)
        return
    try:
        value = orjson.loads(data.lstrip(BOM))
    except orjson.JSONDecodeError as error:
        raise ReadError(f"{file.name}: {error}") from None
    yield from _values(value)


class RecordSource:
    """The records of some files, to be read in order (each iteration reads them again).

    Writers that can convert a large JSON Lines file in several processes look at
    ``files`` and ``jobs``; any other reader just iterates."""

    def __init__(self, files: Sequence[InputFile], jobs: int = 1) -> None:
        self.files = list(files)
        self.jobs = jobs

    def __iter__(self) -> Iterator[Any]:
        return iter_records(self.files)


def iter_records(paths: Sequence[str | Path] | Sequence[InputFile]) -> Iterator[Any]:
    """The records of the files or directories, in the order ``dipos validate`` reads them."""
    files = (
        list(paths)
        if paths and all(isinstance(p, InputFile) for p in paths)
        else collect([p for p in paths if not isinstance(p, InputFile)])
    )
    for file in files:
        assert isinstance(file, InputFile)
        yield from read_file(file)
