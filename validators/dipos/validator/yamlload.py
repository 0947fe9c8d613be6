"""Kept for :mod:`dipos.docsgen` until it leaves the package: see :mod:`.read.yamlload`."""

from .read.yamlload import DiposYamlLoader, read_yaml

__all__ = ["DiposYamlLoader", "read_yaml"]
