"""Converting a large JSON Lines file in several worker processes.

The file is cut into ranges of bytes that end at line ends (as ``dipos validate --jobs``
does); each worker flattens its ranges' records and converts the tables to Arrow, and
the parent writes the tables in the ranges' order, so the output is the same as with
one process. Workers are spawned (the parent may run library threads).
"""

import io
import multiprocessing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from ..validator.read.inputs import InputFile
from ..validator.read.ranges import line_ranges
from ..validator.read.syntax import BOM
from .flatten import Flattener
from .reading import ReadError, read_file

RANGE_BYTES = 8 * 1024 * 1024
"""Files are cut into ranges of about this size (a worker holds one range's tables)."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """A whole file, or the bytes ``start``..``end`` of a JSON Lines file."""

    file: InputFile
    start: int = 0
    end: int | None = None


def chunks_for(files: Sequence[InputFile], range_bytes: int | None = None) -> list[Chunk]:
    """The chunks of the files, in order (ranges of ``range_bytes``, by default
    :data:`RANGE_BYTES`)."""
    range_bytes = range_bytes or RANGE_BYTES
    found: list[Chunk] = []
    for file in files:
        if file.kind == "jsonl" and file.path is not None and file.size() > range_bytes:
            found.extend(Chunk(file, a, b) for a, b in line_ranges(file, range_bytes))
        else:
            found.append(Chunk(file))
    return found


def worth_it(files: Sequence[InputFile], range_bytes: int | None = None) -> bool:
    """Whether the files are large enough for workers to pay for their start."""
    range_bytes = range_bytes or RANGE_BYTES
    return any(
        f.kind == "jsonl" and f.path is not None and f.size() > 2 * range_bytes for f in files
    )


def _records(chunk: Chunk) -> Iterator[Any]:
    if chunk.end is None:
        yield from read_file(chunk.file)
        return
    assert chunk.file.path is not None
    with chunk.file.path.open("rb") as stream:
        stream.seek(chunk.start)
        data = stream.read(chunk.end - chunk.start)
    for raw in io.BytesIO(data):
        line = raw.lstrip(BOM) if chunk.start == 0 else raw
        if not line.strip():
            continue
        try:
            yield orjson.loads(line)
        except orjson.JSONDecodeError as error:
            raise ReadError(f"{chunk.file.name}: {error}") from None


def convert_chunk(chunk: Chunk) -> dict[str, Any]:
    """The Arrow tables of a chunk's records, by table name (only tables with rows)."""
    from .arrow import table_to_arrow

    flattener = Flattener()
    flattener.add_all(_records(chunk))
    return {table.name: table_to_arrow(table) for table in flattener.take() if table.rows}


def converted(files: Sequence[InputFile], jobs: int) -> Iterator[dict[str, Any]]:
    """The Arrow tables of each chunk of the files, in order, made by ``jobs`` workers."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        yield from pool.imap(convert_chunk, chunks_for(files))
