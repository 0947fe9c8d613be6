"""A table of records of one type, kept as JSON text and turned into models on access.

Keeping the text rather than the models is what lets a million positions fit in
memory: a pydantic model of a position, with its nested evidence, dates and scopes,
takes several times the size of its JSON. The text of every record of a table is held
in one ``bytearray`` with an offset per record (no object per record), and an index
from id to row. Reading a record parses its text again (pydantic's JSON parser, in
Rust): hold on to a model you use more than once, or ask for a cached table.
"""

from array import array
from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar, overload

from ..model._base import DiposModel

R = TypeVar("R", bound=DiposModel)


class RecordTable(Sequence[R], Generic[R]):
    """The records of one type, in the order they were read, and by id.

    A ``Sequence``: ``len(table)``, ``table[i]``, iteration. ``table.get(id)`` finds a
    record by its id; ``table.has(id)`` tests for one. With ``cache=True`` each record is
    parsed once and the same object is returned afterwards (for the small tables:
    actors, territories, sources, proposals).
    """

    def __init__(self, model: type[R], *, cache: bool = False) -> None:
        self.model = model
        self._text = bytearray()
        self._ends = array("q")
        self._rows: dict[str, int] = {}
        self._cache: dict[int, R] | None = {} if cache else None

    def append(self, record_id: str, text: bytes) -> None:
        """Add a record from its JSON text (the caller has validated it)."""
        self._rows[record_id] = len(self._ends)
        self._text += text
        self._ends.append(len(self._text))

    def __len__(self) -> int:
        return len(self._ends)

    def _row(self, row: int) -> R:
        if self._cache is not None and row in self._cache:
            return self._cache[row]
        start = self._ends[row - 1] if row else 0
        record = self.model.model_validate_json(self._text[start : self._ends[row]])
        if self._cache is not None:
            self._cache[row] = record
        return record

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
        return None if row is None else self._row(row)

    def ids(self) -> list[str]:
        """The ids of the records, in order."""
        return list(self._rows)

    def texts(self) -> Iterator[bytes]:
        """The JSON text of every record, in order (no model is built)."""
        view = memoryview(self._text)
        start = 0
        for end in self._ends:
            yield bytes(view[start:end])
            start = end

    def text(self, record_id: str) -> bytes:
        """The JSON text of the record with this id (raises ``KeyError``)."""
        row = self._rows[record_id]
        start = self._ends[row - 1] if row else 0
        return bytes(self._text[start : self._ends[row]])

    def nbytes(self) -> int:
        """The bytes held for the records' text and offsets (the id index not counted)."""
        return len(self._text) + self._ends.itemsize * len(self._ends)
