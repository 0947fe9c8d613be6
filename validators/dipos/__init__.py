"""dipos: an open JSON Schema for diplomatic negotiation positions, and its tooling.

* ``dipos.model``: the pydantic models, the single source of the schema.
* ``dipos.schema``: the generated JSON Schema.
* ``dipos.codelists``: the codelists, as data.
* ``dipos.validate(...)``: validate data (the same checks as ``dipos validate`` on the
  command line); ``dipos.validator`` holds its machinery and the rule catalogue.
* ``dipos.load(...)``: validate, then read the data as typed models with references
  resolved (``dipos.loading``); invalid data raises ``dipos.InvalidDataError``.
"""

from typing import TYPE_CHECKING, Any

from .validator import Finding, ValidationReport, validate
from .version import SCHEMA_VERSION, __version__

if TYPE_CHECKING:
    from .loading import InvalidDataError, LoadedDataset, load

__all__ = [
    "SCHEMA_VERSION",
    "Finding",
    "InvalidDataError",
    "LoadedDataset",
    "ValidationReport",
    "__version__",
    "load",
    "validate",
]

_LAZY = {"load", "InvalidDataError", "LoadedDataset"}


def __getattr__(name: str) -> Any:
    # Loading needs pydantic and the models, which validating does without (start-up time
    # of the pre-commit hook): import them only when asked for.
    if name in _LAZY:
        from . import loading

        return getattr(loading, name)
    raise AttributeError(f"module 'dipos' has no attribute {name!r}")
