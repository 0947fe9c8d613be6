"""The dipos JSON Schema, generated from the models.

``generate`` builds the schema documents; ``files`` writes and checks the
committed copies under ``schema/``; ``load`` gives the schema to code that
validates.
"""

from .generate import SCHEMA_FILES, build_schemas, schema_id
from .load import dataset_schema, record_schema

__all__ = ["SCHEMA_FILES", "build_schemas", "dataset_schema", "record_schema", "schema_id"]
