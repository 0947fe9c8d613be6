"""Shared test configuration: paths every test module may need."""

from pathlib import Path

import pytest
from hypothesis import settings

REPO_ROOT = Path(__file__).resolve().parent.parent
"""The repository root (the folder holding pyproject.toml)."""

SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
"""The seed articles, beside the repository (never inside it)."""

# Property-based tests: reproducible in CI, no wall-clock deadlines (no timed tests).
settings.register_profile("dipos", derandomize=True, deadline=None, print_blob=True)
settings.load_profile("dipos")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository root."""
    return REPO_ROOT
