"""Output formats of ``dipos validate``: text, json, github, sarif."""

from collections.abc import Callable

from ..findings import ValidationReport
from .github import render_github
from .sarif import render_sarif
from .text import render_text

FORMATS: dict[str, Callable[[ValidationReport, bool], str]] = {
    "text": render_text,
    "json": lambda report, _verbose: report.to_json() + "\n",
    "github": render_github,
    "sarif": render_sarif,
}
"""Each format's renderer: (report, show warnings and infos) -> text to print."""

__all__ = ["FORMATS"]
