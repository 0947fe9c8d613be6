"""Write and check the committed copies of the schema.

Two folders hold generated files, never edited by hand:

* the schema directory (``schema/`` in the repository): the JSON Schema
  documents and a copy of every codelist, for readers who do not use Python;
* the packaged copy (``dipos/schema/json/``): the JSON Schema documents again,
  byte for byte, shipped inside the package for the validator to read, and the record
  layout derived from the models (``layout.json``, see :mod:`.layout`).

``write`` and ``write_packaged`` regenerate them; ``check`` and ``check_packaged``
compare them with what the models generate now and name every file that differs.
"""

import difflib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..codelists import all_codelists
from .generate import build_schemas, render
from .layout import build_layout, render_layout
from .load import LAYOUT_FILE, PACKAGED_FOLDER

PACKAGED_DIR: Final = Path(__file__).with_name(PACKAGED_FOLDER)
"""Where the packaged copy of the schema documents lives in this installation."""


def _schema_files() -> dict[str, str]:
    return {name: render(schema) for name, schema in build_schemas().items()}


def expected_packaged_files() -> dict[str, str]:
    """Every file of the packaged copy, by name, with its text: the schema documents and
    the record layout the validator reads (``layout.json``)."""
    files = _schema_files()
    files[LAYOUT_FILE] = render_layout(build_layout())
    return files


def expected_files() -> dict[str, str]:
    """Every file of the schema directory, by path relative to it, with its text: the
    schema documents, the JSON-LD context (generated from ``dipos.linked.terms``) and
    the codelists."""
    from ..linked.context import CONTEXT_FILE, render_context

    schemas = build_schemas()
    files = {name: render(schema) for name, schema in schemas.items()}
    files[CONTEXT_FILE] = render_context(schemas["record.schema.json"])
    for codelist in all_codelists():
        files[f"codelists/{codelist.name}.csv"] = codelist.csv_text
    return files


@dataclass(frozen=True, slots=True)
class Drift:
    """A file of the schema directory that is not what the models generate."""

    path: str
    problem: str
    diff: str = ""


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write(directory: Path) -> list[str]:
    """Regenerate the schema directory; return the files that changed."""
    return _write(directory, expected_files())


def write_packaged(directory: Path = PACKAGED_DIR) -> list[str]:
    """Regenerate the packaged copy of the schema documents; return the files that changed."""
    return _write(directory, expected_packaged_files())


def _write(directory: Path, expected: dict[str, str]) -> list[str]:
    changed = []
    for relative, text in expected.items():
        target = directory / relative
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        _atomic_write(target, text)
        changed.append(relative)
    return changed


def _generated_looking(directory: Path) -> set[str]:
    found = {p.name for p in directory.glob("*.schema.json")}
    found |= {p.name for p in directory.glob("*.jsonld")}
    found |= {f"codelists/{p.name}" for p in (directory / "codelists").glob("*.csv")}
    return found


def check(directory: Path) -> list[Drift]:
    """Compare the schema directory with the models; an empty list means up to date."""
    return _check(directory, expected_files())


def check_packaged(directory: Path = PACKAGED_DIR) -> list[Drift]:
    """Compare the packaged copy with the models; an empty list means up to date."""
    return _check(directory, expected_packaged_files())


def _check(directory: Path, expected: dict[str, str]) -> list[Drift]:
    drifts = []
    for relative, text in expected.items():
        target = directory / relative
        if not target.is_file():
            drifts.append(Drift(relative, "missing"))
            continue
        actual = target.read_text(encoding="utf-8")
        if actual != text:
            diff = "".join(
                difflib.unified_diff(
                    actual.splitlines(keepends=True),
                    text.splitlines(keepends=True),
                    fromfile=f"{relative} (committed)",
                    tofile=f"{relative} (generated)",
                    n=1,
                )
            )
            drifts.append(Drift(relative, "differs from the models", diff))
    for relative in sorted(_generated_looking(directory) - expected.keys()):
        drifts.append(Drift(relative, "is not generated by the models (stale?)"))
    return drifts
