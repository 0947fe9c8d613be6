"""A table of records of one type, kept as JSON text and turned into models on access.

Keeping text rather than models is what lets a million positions fit in memory: a
pydantic model of a position, with its nested evidence, dates and scopes, takes
several times the size of its JSON. A record read from a JSON Lines file is not even
kept: the table notes where its line is (file, byte offset, length) and reads it again
when asked. Records from JSON and YAML files are kept as JSON text in one
``bytearray``. Either way there is no Python object per record, only three numbers and
an entry in the index from id to row.

Reading a record parses its text again (pydantic's JSON parser): hold on to a model
you use more than once, or ask for a cached table (``cache=True``). A JSON Lines file
must not change while a table reads from it: a record found changed raises
``RuntimeError``.
"""

from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, Generic, TypeVar, overload

import orjson

from ..model._base import DiposModel

R = TypeVar("R", bound=DiposModel)

_IN_MEMORY = -1

CACHE_SIZE = 50_000
"""How many models a cached table keeps (the most recently used): enough for every
actor, territory and proposal of a large dataset, while a million positions' sources
do not all stay in memory as models."""


class _Files:
    """The files records are read back from, opened once when first needed."""

    def __init__(self) -> None:
        self.paths: list[Path] = []
        self._numbers: dict[Path, int] = {}
        self._handles: dict[int, BinaryIO] = {}

    def number(self, path: Path) -> int:
        if path not in self._numbers:
            self._numbers[path] = len(self.paths)
            self.paths.append(path)
        return self._numbers[path]

    def read(self, number: int, start: int, length: int) -> bytes:
        handle = self._handles.get(number)
        if handle is None:
            handle = self._handles[number] = self.paths[number].open("rb")
        handle.seek(start)
        return handle.read(length)

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()

    def __del__(self) -> None:
        self.close()


class RecordTable(Sequence[R], Generic[R]):
    """The records of one type, in the order they were read, and by id.

    A ``Sequence``: ``len(table)``, ``table[i]``, iteration. ``table.get(id)`` finds a
    record by its id; ``table.has(id)`` tests for one. With ``cache=True`` each record
    is parsed once and the same object is returned afterwards (for the small tables:
    actors, territories, sources, proposals).
    """

    def __init__(self, model: type[R], *, cache: bool = False, files: _Files | None = None) -> None:
        self.model = model
        self._files = files if files is not None else _Files()
        self._text = bytearray()
        self._starts = array("q")
        self._lengths = array("q")
        self._where = array("h")
        self._rows: dict[str, int] = {}
        self._cache: dict[int, R] | None = {} if cache else None

    def append(self, record_id: str, text: bytes) -> None:
        """Add a record from its JSON text (the caller has validated it)."""
        self._add(record_id, len(self._text), len(text), _IN_MEMORY)
        self._text += text

    def append_located(self, record_id: str, path: Path, offset: int, length: int) -> None:
        """Add a record whose JSON text is ``length`` bytes of ``path`` from ``offset``."""
        self._add(record_id, offset, length, self._files.number(path))

    def _add(self, record_id: str, start: int, length: int, where: int) -> None:
        self._rows[record_id] = len(self._starts)
        self._starts.append(start)
        self._lengths.append(length)
        self._where.append(where)

    def __len__(self) -> int:
        return len(self._starts)

    def _text_of(self, row: int) -> bytes:
        start, length, where = self._starts[row], self._lengths[row], self._where[row]
        if where == _IN_MEMORY:
            return bytes(self._text[start : start + length])
        return self._files.read(where, start, length)

    def _row(self, row: int, record_id: str | None = None) -> R:
        if self._cache is not None and row in self._cache:
            record = self._cache.pop(row)  # moved to the end: the most recently used
            self._cache[row] = record
            return record
        text = self._text_of(row)
        try:
            record = self.model.model_validate_json(text)
        except ValueError as error:
            raise RuntimeError(self._changed(row)) from error
        if record_id is not None and getattr(record, "id", None) != record_id:
            raise RuntimeError(self._changed(row))
        if self._cache is not None:
            if len(self._cache) >= CACHE_SIZE:
                del self._cache[next(iter(self._cache))]  # the least recently used
            self._cache[row] = record
        return record

    def _changed(self, row: int) -> str:
        where = self._where[row]
        name = self._files.paths[where] if where != _IN_MEMORY else "memory"
        return f"{name} changed since it was loaded: load the dataset again"

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> list[R]: ...

    def __getitem__(self, index: int | slice) -> R | list[R]:
        if isinstance(index, slice):
            return [self._row(row) for row in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._row(index)

    def __iter__(self) -> Iterator[R]:
        for row in range(len(self)):
            yield self._row(row)

    def __contains__(self, record: object) -> bool:
        """Whether this record (a model equal to one of the table's) is in the table."""
        if not isinstance(record, DiposModel):
            return False
        found = self.get(str(getattr(record, "id", "")))
        return found is not None and found == record

    def has(self, record_id: str) -> bool:
        """Whether a record of the table has this id."""
        return record_id in self._rows

    def get(self, record_id: str) -> R | None:
        """The record with this id, or ``None``."""
        row = self._rows.get(record_id)
        return None if row is None else self._row(row, record_id)

    def ids(self) -> list[str]:
        """The ids of the records, in order."""
        return list(self._rows)

    def texts(self) -> Iterator[bytes]:
        """The JSON text of every record, in order (no model is built)."""
        for row in range(len(self)):
            yield self._text_of(row)

    def text(self, record_id: str) -> bytes:
        """The JSON text of the record with this id (raises ``KeyError``)."""
        text = self._text_of(self._rows[record_id])
        if orjson.loads(text).get("id") != record_id:
            raise RuntimeError(self._changed(self._rows[record_id]))
        return text

    def nbytes(self) -> int:
        """The bytes this table holds for its records (text and locations; the id index
        not counted)."""
        arrays = (self._starts, self._lengths, self._where)
        return len(self._text) + sum(a.itemsize * len(a) for a in arrays)
