"""The optional libraries linked data needs (the ``dipos[linked-data]`` extra)."""

from types import ModuleType
from typing import Final

EXTRA: Final = "linked-data"
INSTALL: Final = f"pip install 'dipos[{EXTRA}]'"


class MissingExtraError(RuntimeError):
    """An optional dependency is not installed; the message says which extra to install.

    A command that meets it prints the message and exits 2 (it could not run)."""


def require(module: str) -> ModuleType:
    """Import an optional module, or raise `MissingExtraError` naming the extra."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtraError(
            f"exporting linked data needs the optional package {module.split('.')[0]!r}, "
            f"which is not installed: {INSTALL}"
        ) from error
