"""``dipos merge``: combine datasets from different contributors into one.

Records that stand for the same thing become one record with one id, references are
rewritten, records that share an id (or stand for the same thing) but say different
things are reported as conflicts, and every record keeps the inputs it came from.
See `dipos.merge.combine` for the rules and ``docs/merging.md`` for the user's view.

::

    from dipos.merge import merge

    outcome = merge(["team-a/", "team-b/data.jsonl"])
    if outcome.ok:
        write_atomic(Path("merged.json"), dataset_bytes(outcome.dataset, ".json"))
"""

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..validator import validate
from ..validator.engine import run
from ..validator.findings import ValidationReport
from ..validator.read.inputs import InputError, collect
from ..version import SCHEMA_VERSION
from .combine import Conflict, MergeInput, Occurrence, merge_records
from .identity import IDENTITY_KEYS, MERGED_FROM, MERGED_IDS, PROVENANCE
from .write import WRITABLE, dataset_bytes, write_atomic

__all__ = [
    "IDENTITY_KEYS",
    "MERGED_FROM",
    "MERGED_IDS",
    "PROVENANCE",
    "WRITABLE",
    "Conflict",
    "MergeOutcome",
    "dataset_bytes",
    "label_of",
    "merge",
    "write_atomic",
]

PathLike = str | os.PathLike[str]

INPUT_IGNORES = ("ref-unresolved",)
"""Rules not applied to an input by itself: a reference may name a record of another
input. The merged dataset is checked with every rule."""


@dataclass(slots=True)
class MergeOutcome:
    """What a merge gave: the merged dataset, or why there is none.

    ``invalid`` holds the report of each input that is not valid by itself (nothing is
    merged then); ``conflicts`` the records that could not be combined; ``output`` the
    validation report of the merged dataset.
    """

    dataset: dict[str, Any] = field(default_factory=dict)
    invalid: dict[str, ValidationReport] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    output: ValidationReport | None = None
    renamed: dict[str, str] = field(default_factory=dict)
    """Every id merged into another, with the id kept."""

    @property
    def ok(self) -> bool:
        """Whether the merged dataset can be written: valid inputs, no conflict, valid output."""
        return (
            not self.invalid and not self.conflicts and self.output is not None and self.output.ok
        )


def label_of(path: PathLike) -> str:
    """How an input is named in the provenance of its records: the path as given,
    normalised (``./a/`` and ``a`` are both ``a``)."""
    return Path(os.path.normpath(os.fspath(path))).as_posix()


def _field_order() -> dict[str, Sequence[str]]:
    from ..model import RECORD_TYPES

    return {name: list(model.model_fields) for name, model in RECORD_TYPES.items()}


def merge(paths: Sequence[PathLike]) -> MergeOutcome:
    """Merge the datasets at ``paths`` (each a file or a directory: one contributor's
    dataset, valid by itself except for references to records of the other inputs; the
    merged dataset is validated whole). Raises `dipos.validator.InputError` for a path that
    cannot be read."""
    from ..loading.read import read_files

    outcome = MergeOutcome()
    inputs: list[MergeInput] = []
    for path in paths:
        label = label_of(path)
        try:
            files = collect([Path(path)])
            # A contributor may name records another input holds (a position of another
            # article): references are checked on the merged dataset instead.
            report = run(files, ignore=INPUT_IGNORES)
        except OSError as error:
            raise InputError(str(error)) from error
        if not report.ok:
            outcome.invalid[label] = report
            continue
        given = MergeInput(label)
        for record in read_files(files):
            if record.type == "dataset":
                given.headers.append(record.value)
            else:
                given.records.append(
                    Occurrence(label, record.file, record.type, record.value, record.line)
                )
        inputs.append(given)
    if outcome.invalid:
        return outcome
    merged = merge_records(inputs, dipos_version=SCHEMA_VERSION, field_order=_field_order())
    outcome.dataset, outcome.conflicts, outcome.renamed = (
        merged.dataset,
        merged.conflicts,
        merged.renamed,
    )
    if not outcome.conflicts:
        outcome.output = validate(merged.dataset)
    return outcome
