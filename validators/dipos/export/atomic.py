"""Writing an output so that it is never half-written: into a temporary path beside it,
renamed into place only when complete (and removed if anything fails)."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

REPLACEABLE_SUFFIXES = frozenset({".csv", ".parquet", ".json"})
"""A folder holding only such files (an earlier export) may be replaced by a new one."""


class OutputError(Exception):
    """The output path cannot be written (it holds something else)."""


def check_output(path: Path, target: Literal["file", "folder"]) -> None:
    """Refuse an output that would overwrite something that is not an earlier output."""
    if target == "file":
        if path.is_dir():
            raise OutputError(f"{path} is a folder: give a file name")
        return
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path} is a file: give the name of a folder to create")
    if path.is_dir():
        others = [
            p.name
            for p in path.iterdir()
            if not (p.is_file() and p.suffix.lower() in REPLACEABLE_SUFFIXES)
        ]
        if others:
            raise OutputError(
                f"{path} exists and holds other things ({others[0]}...): give a new folder"
            )


@contextmanager
def atomic_output(path: Path, target: Literal["file", "folder"]) -> Iterator[Path]:
    """A temporary path to write (a file, or a folder to create) that becomes ``path``
    when the block ends without an exception."""
    check_output(path, target)
    parent = path.parent
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent))
    temporary = work / path.name
    try:
        yield temporary
        if target == "file":
            temporary.replace(path)
        else:
            if not temporary.exists():
                temporary.mkdir()
            if path.exists():
                old = work / ".replaced"
                path.rename(old)
            temporary.rename(path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
