"""Read the example records (JSON, JSON Lines, YAML) into one index.

The examples are a dipos dataset split over many files; their records refer to
each other by id across files. The pages about them need that merged view:
the name of an actor from the id a position gives, the page a position is shown
on. Files that cannot be read are reported, not skipped silently.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

from dipos.validator.read.inputs import SUFFIXES
from dipos.validator.read.yamlload import DiposYamlLoader

RECORD_LISTS: Final = ("actors", "territories", "sources", "proposals", "positions")
"""The properties of a dataset that hold records, in the order pages show them."""


@dataclass(frozen=True, slots=True)
class ExampleFile:
    """One file of examples: its path relative to the examples folder, the dataset
    header it holds (if any) and its records, in file order."""

    path: Path
    relative: str
    header: dict[str, Any] | None
    records: tuple[dict[str, Any], ...]


@dataclass(slots=True)
class RecordIndex:
    """Every example file and every record, by id."""

    files: list[ExampleFile] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    file_of: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def name_of(self, record_id: str) -> str:
        """The display name of a record (an actor's name, a proposal's title), or its id."""
        record = self.by_id.get(record_id)
        if record is None:
            return record_id
        for key in ("name", "title", "summary"):
            value = record.get(key)
            if isinstance(value, str) and value:
                return value
        return record_id

    def of_type(self, record_type: str) -> Iterator[dict[str, Any]]:
        """Every record of a type, in file order."""
        for example in self.files:
            for record in example.records:
                if record.get("type") == record_type:
                    yield record


def _documents(path: Path) -> list[Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    if path.suffix in (".yaml", ".yml"):
        # The validator's loader, so that the pages read YAML exactly as `dipos validate` does
        # (dates and yes/no stay strings).
        loader = DiposYamlLoader(text)  # a safe loader
        try:
            return [loader.get_single_data()]
        finally:
            loader.dispose()
    return [json.loads(text)]


def _split(documents: list[Any]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    header: dict[str, Any] | None = None
    records: list[dict[str, Any]] = []
    for document in documents:
        if not isinstance(document, dict):
            continue
        if document.get("type") == "dataset":
            header = {k: v for k, v in document.items() if k not in RECORD_LISTS}
            for key in RECORD_LISTS:
                members = document.get(key)
                if isinstance(members, list):
                    records.extend(m for m in members if isinstance(m, dict))
        else:
            records.append(document)
    return header, records


def example_paths(examples_dir: Path) -> list[Path]:
    """The example files under a folder, in a stable order."""
    if not examples_dir.is_dir():
        return []
    return sorted(
        p for p in examples_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
    )


def load_examples(examples_dir: Path) -> RecordIndex:
    """Read every example file under ``examples_dir`` into one index."""
    index = RecordIndex()
    for path in example_paths(examples_dir):
        relative = path.relative_to(examples_dir).as_posix()
        try:
            header, records = _split(_documents(path))
        except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError) as error:
            index.problems.append(f"{relative}: cannot be read ({error})")
            continue
        index.files.append(ExampleFile(path, relative, header, tuple(records)))
        for record in records:
            record_id = record.get("id")
            if isinstance(record_id, str):
                index.by_id.setdefault(record_id, record)
                index.file_of.setdefault(record_id, relative)
    return index
