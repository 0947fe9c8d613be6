"""``dipos report``: a self-contained static HTML report of any dipos dataset.

The data is validated first; the findings are part of the report, and records with
errors are marked, not left out. The report is a folder: ``index.html`` (the views and
the data, embedded as JSON), ``assets/`` (the script, the style sheet and the vendored
graph layout library, with its licence) and nothing else. It works offline from
``file://``: nothing is fetched.

From Python::

    from dipos.report import build_report
    outcome = build_report(["examples/"], "build/report")
    print(outcome.index, outcome.validation.ok)

The pieces are reusable: :func:`dipos.report.data.report_data` makes the JSON the views
draw, :func:`dipos.report.page.views_html` is the views' skeleton, and ``assets/`` holds
the script (``report.js``) that draws them into any page holding both.
"""

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..validator.check.rules.quotes import SourceTexts
from ..validator.findings import ValidationReport
from ..validator.read.inputs import InputError, collect
from .data import report_data
from .load import load
from .page import ASSETS, LICENCE_FILES, asset_bytes, render_page
from .write import OutputError, write_folder

__all__ = ["InputError", "OutputError", "ReportOutcome", "build_report", "report_files"]

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    """What was written: the page, and the validation shown in it."""

    folder: Path
    validation: ValidationReport
    positions: int

    @property
    def index(self) -> Path:
        """The page to open."""
        return self.folder / "index.html"


def report_files(
    paths: Sequence[PathLike], *, title: str | None = None, sources: Sequence[PathLike] = ()
) -> tuple[dict[str, bytes], ValidationReport, int]:
    """The files of a report of ``paths`` (relative path to bytes), the validation, and
    the number of positions. Raises :class:`InputError` when a path cannot be read or
    holds no dipos file."""
    files = collect([str(p) for p in paths])
    if not files:
        raise InputError(
            "no dipos files found (.json, .jsonl, .yaml, .yml) in "
            + ", ".join(str(p) for p in paths)
        )
    texts = SourceTexts.from_directories([Path(s) for s in sources]) if sources else None
    # Imported here: the engine (numpy, the compiled schema) is loaded only when a report
    # is built, not whenever the command line starts.
    from ..validator.engine import run

    validation = run(files, sources=texts)
    data = report_data(load(files), validation, title=title)
    output = {"index.html": render_page(data).encode()}
    for name in (*ASSETS, *LICENCE_FILES):
        output[f"assets/{name}"] = asset_bytes(name)
    return output, validation, len(data["positions"])


def build_report(
    paths: Sequence[PathLike] | PathLike,
    output: PathLike,
    *,
    title: str | None = None,
    sources: Sequence[PathLike] = (),
) -> ReportOutcome:
    """Validate ``paths`` as one dataset and write its report to the folder ``output``
    (replaced whole, atomically). Raises :class:`InputError` for unreadable input and
    :class:`OutputError` when the folder cannot be written."""
    given = [paths] if isinstance(paths, str | os.PathLike) else list(paths)
    files, validation, positions = report_files(given, title=title, sources=sources)
    folder = Path(output)
    write_folder(folder, files)
    return ReportOutcome(folder, validation, positions)
