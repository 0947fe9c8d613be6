"""Reading back the few records a cross-record finding is about.

The compact index keeps no text. When a rule across records finds a problem, the
records involved are read again from their files (by line for JSON Lines, by path
for JSON and YAML) and turned into full :class:`~dipos.validator.index.RecordEntry`
objects, from which the message is written exactly as for a small input. Only
records with findings (and the records they name) are read back.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..paths import Path
from ..read.inputs import InputFile
from ..read.reread import read_back
from .compact import TYPE_NAMES, CompactIndex
from .fields import RECORD_LIST_KEYS
from .records import RecordEntry, extract

OBJECT_FILE = "<object>"
"""The file name of records given as Python objects (``dipos.validate({...})``)."""


class RecordReader:
    """Reads records back by entry number."""

    def __init__(
        self, index: CompactIndex, files: Sequence[InputFile], objects: Any = None
    ) -> None:
        self.index = index
        self.files = {file.name: file for file in files}
        self.objects = objects
        self._cache: dict[int, RecordEntry] = {}

    def _units(self, name: str, lines: set[int], paths: set[Path]) -> dict[int, Any]:
        """The parsed units of a file: by line (JSON Lines) or the whole file (key 0; for
        a large JSON file read as a stream, the dataset with only the records at
        ``paths``), read back as they were read to be checked."""
        if name == OBJECT_FILE:
            return {0: self.objects}
        bases = {path[:2] for path in paths if len(path) >= 2}
        units = read_back(self.files[name], lines=lines, bases=bases, list_keys=RECORD_LIST_KEYS)
        if self.files[name].kind == "jsonl":
            return {unit.line or 0: unit.value for unit in units}
        whole: Any = None
        for unit in units:
            if whole is None:  # the whole file, or a streamed dataset's header
                whole = unit.value
            else:  # the records of a streamed dataset, by list and index
                key, index = unit.base
                whole.setdefault(key, {})[index] = unit.value
        return {} if whole is None else {0: whole}

    def _values(self, numbers: Iterable[int]) -> Iterator[tuple[int, Any]]:
        """The parsed records of these entry numbers, file by file."""
        by_file: dict[str, list[int]] = defaultdict(list)
        for number in numbers:
            by_file[self.index.file_of(number)].append(number)
        for name, numbers_in_file in by_file.items():
            lines = {self.index.lines[n] for n in numbers_in_file}
            paths = {self.index.paths.get(n, ()) for n in numbers_in_file}
            units = self._units(name, lines, paths)
            for number in numbers_in_file:
                value = units[self.index.lines[number]]
                for part in self.index.paths.get(number, ()):
                    value = value[part]
                yield number, value

    def values(self, numbers: Iterable[int]) -> dict[int, Any]:
        """The parsed records of these entry numbers, as JSON data."""
        return dict(self._values(numbers))

    def ids(self, numbers: Iterable[int]) -> list[str]:
        """The ids of these entries, in the order of the entry numbers (only the ids are
        kept: for suggestions among every record of a type)."""
        found = dict(self._values(numbers))
        return [str(found[n]["id"]) for n in sorted(found)]

    def entries(self, numbers: Iterable[int]) -> dict[int, RecordEntry]:
        """The full entries of these entry numbers."""
        wanted = sorted(set(numbers) - set(self._cache))
        for number, value in self._values(wanted):
            name = self.index.file_of(number)
            line = self.index.lines[number]
            path = self.index.paths.get(number, ())
            entry = extract(
                value,
                TYPE_NAMES[self.index.types[number]],
                name,
                line or None,
                path,
                keep_quotes=False,
            )
            assert entry is not None
            self._cache[number] = entry
        return {n: self._cache[n] for n in numbers}
