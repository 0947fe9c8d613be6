"""Kept for :mod:`dipos.docsgen` until it leaves the package: see :mod:`.read.inputs`."""

from .read.inputs import SUFFIXES, InputError, InputFile, collect

__all__ = ["SUFFIXES", "InputError", "InputFile", "collect"]
