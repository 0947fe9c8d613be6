"""Reading every dipos file under a folder into records, remembering where each came from.

A file holds a Dataset, a single record, or (JSON Lines) one record per line;
see ``dipos.model.Dataset``. The validator (``dipos validate``) does the same
for real; this small loader keeps the example tests independent of it.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DIPOS_SUFFIXES = (".json", ".jsonl", ".yaml", ".yml")
MEMBER_LISTS = ("actors", "territories", "sources", "proposals", "positions")


@dataclass(frozen=True, slots=True)
class Document:
    """One JSON document: a whole .json/.yaml file, or one line of a .jsonl file."""

    path: Path
    line: int | None
    data: Any

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)


@dataclass(frozen=True, slots=True)
class LoadedRecord:
    """A record (not a dataset) and the document it came from."""

    document: Document
    pointer: str
    data: dict[str, Any]

    @property
    def where(self) -> str:
        return f"{self.document.where}#{self.pointer}"


def dipos_files(root: Path) -> list[Path]:
    """Every dipos data file under `root`, in a stable order."""
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in DIPOS_SUFFIXES)


def read_documents(path: Path) -> Iterator[Document]:
    """The JSON documents of one file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield Document(path, number, json.loads(line))
    elif path.suffix == ".json":
        yield Document(path, None, json.loads(text))
    else:
        yield Document(path, None, yaml.safe_load(text))


def records_of(document: Document) -> Iterator[LoadedRecord]:
    """The records a document holds: a dataset's members, or the document itself."""
    data = document.data
    if data.get("type") != "dataset":
        yield LoadedRecord(document, "", data)
        return
    for member_list in MEMBER_LISTS:
        for index, record in enumerate(data.get(member_list, [])):
            yield LoadedRecord(document, f"/{member_list}/{index}", record)


def load_records(root: Path) -> list[LoadedRecord]:
    """Every record in every dipos file under `root`."""
    return [
        record
        for path in dipos_files(root)
        for document in read_documents(path)
        for record in records_of(document)
    ]
