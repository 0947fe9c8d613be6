"""Read the records of a dataset for the report, whatever state the files are in.

The validator says what is wrong; this reader only gathers what can be shown. A file
that cannot be parsed gives no records (the validator's findings say why); a line of a
JSON Lines file that cannot be parsed is skipped, and the others are kept; a value that
is not an object is skipped. Records keep every property they have, known or not, so
that the report shows fields added by later versions of the format.
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import orjson

from ..validator.read.inputs import InputFile
from ..validator.read.syntax import BOM
from ..validator.read.yamlload import read_yaml

RECORD_LISTS: Final = ("actors", "territories", "sources", "proposals", "positions")
"""The properties of a dataset that hold records."""

RECORD_TYPES: Final = ("actor", "territory", "source", "proposal", "position")


@dataclass(slots=True)
class LoadedRecords:
    """Every record found, by type, in file order; and the dataset headers."""

    by_type: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {kind: [] for kind in RECORD_TYPES}
    )
    headers: list[dict[str, Any]] = field(default_factory=list)
    file_of: dict[int, str] = field(default_factory=dict)
    """The file each record came from, by ``id()`` of the record object."""
    unreadable: list[str] = field(default_factory=list)
    """Files that gave no records at all because they cannot be parsed."""

    def add(self, record: dict[str, Any], file: str) -> None:
        kind = record.get("type")
        if isinstance(kind, str) and kind in self.by_type:
            self.by_type[kind].append(record)
            self.file_of[id(record)] = file


def _documents(file: InputFile) -> Iterator[Any]:
    data = file.read_bytes().removeprefix(BOM)
    if file.kind == "jsonl":
        for line in data.splitlines():
            if not line.strip():
                continue
            try:
                yield orjson.loads(line)
            except orjson.JSONDecodeError:
                continue  # the validator reports the line
        return
    if file.kind == "yaml":
        # The validator's reader: safe, and it refuses alias bombs before expanding them.
        units, _findings = read_yaml(data, file.name)
        for unit in units:
            yield unit.value
        return
    yield orjson.loads(data)


def load(files: list[InputFile]) -> LoadedRecords:
    """The records of ``files``, read as one dataset."""
    loaded = LoadedRecords()
    for file in files:
        try:
            documents = list(_documents(file))
        except (OSError, ValueError, RecursionError):
            # ValueError covers orjson's decode error and UnicodeDecodeError.
            loaded.unreadable.append(file.name)
            continue
        for document in documents:
            if isinstance(document, list):  # a bare list of records
                for member in document:
                    if isinstance(member, dict):
                        loaded.add(member, file.name)
                continue
            if not isinstance(document, dict):
                continue
            if document.get("type") == "dataset":
                loaded.headers.append({k: v for k, v in document.items() if k not in RECORD_LISTS})
                for key in RECORD_LISTS:
                    members = document.get(key)
                    if isinstance(members, list):
                        for member in members:
                            if isinstance(member, dict):
                                loaded.add(member, file.name)
            else:
                loaded.add(document, file.name)
    return loaded
