"""The dipos JSON Schema, generated from the models.

``generate`` builds the schema documents from the models; ``files`` writes and
checks the committed copies (``schema/`` and the copy shipped in the package);
``load`` gives the shipped copy to code that validates, without loading the
models.
"""

from typing import TYPE_CHECKING, Any

from .load import SCHEMA_FILES, dataset_schema, record_schema

if TYPE_CHECKING:
    from .generate import build_schemas, schema_id

__all__ = ["SCHEMA_FILES", "build_schemas", "dataset_schema", "record_schema", "schema_id"]

_FROM_GENERATE = frozenset({"build_schemas", "schema_id"})


def __getattr__(name: str) -> Any:
    # Generating needs pydantic and the models; validating does not, so the
    # generator is imported only when one of its names is asked for.
    if name in _FROM_GENERATE:
        from . import generate

        return getattr(generate, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
