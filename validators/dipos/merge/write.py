"""Writing a dataset to a file without ever leaving half a file behind."""

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import orjson

from ..validator.index.fields import RECORD_LISTS

WRITABLE: Final = (".json", ".jsonl")
"""The file suffixes a dataset can be written to."""


def _json_lines(dataset: dict[str, Any]) -> Iterator[bytes]:
    yield orjson.dumps({k: v for k, v in dataset.items() if k not in RECORD_LISTS})
    for list_name in RECORD_LISTS:
        for record in dataset.get(list_name) or ():
            yield orjson.dumps(record)


def dataset_bytes(dataset: dict[str, Any], suffix: str) -> bytes:
    """The dataset as a ``.json`` file (one indented object) or a ``.jsonl`` file (the
    header, then one record a line)."""
    if suffix == ".jsonl":
        return b"".join(line + b"\n" for line in _json_lines(dataset))
    return orjson.dumps(dataset, option=orjson.OPT_INDENT_2) + b"\n"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder, renamed
    over ``path`` only once complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
