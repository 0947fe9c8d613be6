"""``dipos.load``: read a valid dataset into typed models, with references resolved.

::

    import dipos

    dataset = dipos.load("my-dataset/")
    for position in dataset.positions:
        holders = dataset.holders_of(position)          # Actor models
        for scope, territory in dataset.territories_of(position):
            print(position.id, [a.name for a in holders], territory.name, scope.extent)

The data is validated first, with every check of ``dipos validate``: invalid data
raises `InvalidDataError`, which carries the validator's report.
"""

import os
from collections.abc import Sequence
from pathlib import Path

from ..model import Dataset
from ..validator.engine import run
from ..validator.findings import ValidationReport
from ..validator.read.inputs import InputError, InputFile, collect
from .dataset import LoadedDataset, Record, Reference, UnresolvedReferenceError
from .read import RawRecord, read_file, read_files
from .table import RecordTable

__all__ = [
    "InvalidDataError",
    "LoadedDataset",
    "RawRecord",
    "Record",
    "RecordTable",
    "Reference",
    "UnresolvedReferenceError",
    "load",
    "read_file",
    "read_files",
]

PathLike = str | os.PathLike[str]


class InvalidDataError(ValueError):
    """The data did not pass validation; `report` holds the validator's findings."""

    def __init__(self, report: ValidationReport) -> None:
        self.report = report
        errors = report.errors
        shown = "\n".join(
            f"  {f.file}:{f.line or '-'}: {f.rule}: {f.json_path}: {f.message}" for f in errors[:10]
        )
        more = f"\n  ... and {len(errors) - 10} more" if len(errors) > 10 else ""
        super().__init__(
            f"the data is not valid dipos ({len(errors)} error(s)); "
            f"run `dipos validate` for the full report:\n{shown}{more}"
        )


def _files(paths: PathLike | Sequence[PathLike]) -> list[InputFile]:
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    try:
        return collect([Path(p) for p in given])
    except OSError as error:
        raise InputError(str(error)) from error


def _fill(dataset: LoadedDataset, files: Sequence[InputFile]) -> None:
    import orjson

    tables = dataset.tables()
    paths = {file.name: file.path.resolve() for file in files if file.path is not None}
    for record in read_files(files):
        if record.type == "dataset":
            dataset.headers.append(Dataset.model_validate(record.value))
            continue
        record_id = str(record.value["id"])
        if record.offset is not None and record.text is not None:
            path = paths[record.file]
            tables[record.type].append_located(record_id, path, record.offset, len(record.text))
            continue
        text = record.text if record.text is not None else orjson.dumps(record.value)
        tables[record.type].append(record_id, text)
    dataset.files.extend(file.name for file in files)


def load(
    paths: PathLike | Sequence[PathLike],
    *,
    context: PathLike | Sequence[PathLike] | None = None,
) -> LoadedDataset:
    """Validate files as one dataset and load them, with references resolved.

    ``paths`` are files or directories, as for `dipos.validate` (every ``.json``,
    ``.jsonl``, ``.yaml`` and ``.yml`` file under a directory). ``context`` are files
    that references may name but that are not part of the dataset (as ``dipos validate
    --context``): their records are resolved, not listed, and their own problems are
    not reported.

    Raises `InvalidDataError` (with the validator's report in ``.report``) when the data
    has errors (warnings do not stop it), and `dipos.validator.InputError` when a path
    cannot be read.
    """
    files = _files(paths)
    context_files = _files(context) if context is not None else []
    try:
        report = run(files, context=context_files)
    except OSError as error:
        raise InputError(str(error)) from error
    if not report.ok:
        raise InvalidDataError(report)
    around = None
    if context_files:
        around = LoadedDataset()
        _fill(around, context_files)
    dataset = LoadedDataset(context=around)
    _fill(dataset, files)
    return dataset
