"""Paths and loaders shared by the documentation tests."""

from functools import cache
from pathlib import Path
from typing import Final

import markdown  # type: ignore[import-untyped]  # Python-Markdown ships no type hints

from dipos_docs.records import RecordIndex, load_examples

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
FIXTURE_EXAMPLES: Final = Path(__file__).resolve().parent / "fixtures" / "examples"
SITE_URL: Final = "https://dipos.github.io/dipos/"


@cache
def fixture_index() -> RecordIndex:
    """The small fictional example dataset of these tests."""
    return load_examples(FIXTURE_EXAMPLES)


def render_markdown(text: str) -> str:
    """HTML from Markdown, with the extensions the site's tables and footnotes need."""
    return str(markdown.markdown(text, extensions=["tables", "attr_list", "footnotes"]))
