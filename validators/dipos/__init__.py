"""dipos: an open JSON Schema for diplomatic negotiation positions, and its tooling.

* ``dipos.model``: the pydantic models, the single source of the schema.
* ``dipos.schema``: the generated JSON Schema.
* ``dipos.codelists``: the codelists, as data.
"""

from .version import SCHEMA_VERSION, __version__

__all__ = ["SCHEMA_VERSION", "__version__"]
