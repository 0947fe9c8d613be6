"""dipos: an open JSON Schema for diplomatic negotiation positions, and its tooling.

* ``dipos.model``: the pydantic models, the single source of the schema.
* ``dipos.schema``: the generated JSON Schema.
* ``dipos.codelists``: the codelists, as data.
* ``dipos.validate(...)``: validate data (the same checks as ``dipos validate`` on the
  command line); ``dipos.validator`` holds its machinery and the rule catalogue.
"""

from .validator import Finding, ValidationReport, validate
from .version import SCHEMA_VERSION, __version__

__all__ = ["SCHEMA_VERSION", "Finding", "ValidationReport", "__version__", "validate"]
