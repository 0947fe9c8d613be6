"""The Python API reference page: mkdocstrings renders each module's docstrings."""

import importlib.util
from typing import Final

MODULES: Final = (
    ("dipos", "The package"),
    ("dipos.validator", "Validating data"),
    ("dipos.validator.catalogue", "The rule catalogue"),
    ("dipos.model", "The data model"),
    ("dipos.codelists", "Codelists"),
    ("dipos.schema", "The JSON Schema"),
    ("dipos.tables", "Tables (CSV, XLSX, Parquet, Data Package)"),
    ("dipos.export", "Export formats"),
)

INTRO: Final = """\
# Python API

Generated from the docstrings of the `dipos` package. For a guided tour, read
[Using dipos from Python](../python.md) first.
"""


def available_modules() -> list[tuple[str, str]]:
    """The documented modules that this installation has."""
    found = []
    for module, title in MODULES:
        try:
            spec = importlib.util.find_spec(module)
            # A folder without __init__.py (a package being written) has no docstrings yet.
            present = spec is not None and spec.origin is not None
        except ModuleNotFoundError:
            present = False
        if present:
            found.append((module, title))
    return found


def render() -> str:
    """The Markdown of the API reference page (mkdocstrings ``:::`` blocks)."""
    sections = [
        f"## {title}: `{module}`\n\n::: {module}\n    options:\n      heading_level: 3\n"
        for module, title in available_modules()
    ]
    return INTRO + "\n" + "\n".join(sections)
