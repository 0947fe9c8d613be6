"""Version numbers of the dipos package and of the dipos schema.

The package version (``__version__``) follows the Python package releases. The
schema version (``SCHEMA_VERSION``) is what a dataset declares in
``dipos_version`` and what the schema ``$id`` URLs carry: it changes only when
the schema changes, following the rules in ``docs/versioning.md``.
"""

from typing import Final

__version__: Final = "0.2.0"

#: ``major.minor`` of the schema. A patch release never changes what is valid.
SCHEMA_VERSION: Final = "0.2"

#: Where the published schema files live; a file's ``$id`` is this base plus its name.
SCHEMA_BASE_URL: Final = f"https://dipos.github.io/dipos/schema/{SCHEMA_VERSION}/"
