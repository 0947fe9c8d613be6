"""The schema documents for code that validates, built once per process."""

from functools import cache
from typing import Any

from .generate import build_schemas


@cache
def _all() -> dict[str, dict[str, Any]]:
    return build_schemas()


def dataset_schema() -> dict[str, Any]:
    """The schema of a whole dataset (``dataset.schema.json``). Do not modify it."""
    return _all()["dataset.schema.json"]


def record_schema() -> dict[str, Any]:
    """The schema of any one record (``record.schema.json``). Do not modify it."""
    return _all()["record.schema.json"]
