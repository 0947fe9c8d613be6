"""Optional dependencies: the table formats need libraries the base install leaves out.

``pip install "dipos[tables]"`` brings pyarrow and pandas (Parquet, data frames),
``pip install "dipos[xlsx]"`` openpyxl (workbooks). A command that needs one that is
missing says which extra to install and exits 2.
"""

import importlib
from types import ModuleType


class MissingExtra(ImportError):  # noqa: N818 - says what is missing
    """A library of an optional extra is not installed."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this needs the Python package {module!r}, which the base install leaves out: "
            f'install it with  pip install "dipos[{extra}]"'
        )
        self.module = module
        self.extra = extra


def require(module: str, extra: str) -> ModuleType:
    """Import an optional library, or raise :class:`MissingExtra` naming its extra."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise MissingExtra(module, extra) from error
