"""Helpers for checking the example datasets under ``examples/``."""
