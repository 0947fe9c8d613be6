"""``dipos migrate``: convert dipos 0.1 files to dipos 0.2.

:mod:`.convert` changes one parsed JSON value (a dataset or a record); :mod:`.files` reads
and writes JSON, JSON Lines and YAML files, keeping their layout where it can.

    from dipos.migrate import migrate_value

    converted, changes = migrate_value({"type": "dataset", "dipos_version": "0.1"})
"""

from .convert import FROM_VERSION, TO_VERSION, MigrationProblem, migrate_value
from .files import FileResult, migrate_file

__all__ = [
    "FROM_VERSION",
    "TO_VERSION",
    "FileResult",
    "MigrationProblem",
    "migrate_file",
    "migrate_value",
]
