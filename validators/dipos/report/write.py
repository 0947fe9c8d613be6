"""Write the report's folder all at once: built in a temporary folder beside the target,
then renamed into place, so that a reader never sees half a report and a failed run
leaves the previous report as it was."""

import shutil
import tempfile
from pathlib import Path
from typing import Final

MARKER: Final = ".dipos-report"
"""A file in every report folder: only a folder holding it (or an empty one) is replaced."""


class OutputError(Exception):
    """The report cannot be written there (not a report folder, no permission)."""


def write_folder(target: Path, files: dict[str, bytes]) -> None:
    """Make ``target`` hold exactly ``files`` (relative paths to bytes)."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise OutputError(
            f"{target} is a folder that holds other files and no earlier report: "
            "give an empty or new folder (a report folder is replaced whole)"
        )
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as error:
        raise OutputError(f"cannot write in {parent}: {error.strerror or error}") from None
    try:
        for name, content in {**files, MARKER: b"made by dipos report\n"}.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        staging.chmod(0o755)  # mkdtemp makes it private; a report is meant to be read
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
            target.rename(old / "report")
        staging.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write {target}: {error.strerror or error}") from None
