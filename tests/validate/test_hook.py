"""The pre-commit hook, tested as check-jsonschema tests its hooks: the hook's own entry
over positive and negative example directories, and ``pre-commit try-repo`` for real."""

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import HOOK

REPO = Path(__file__).resolve().parents[2]
HOOKS_FILE = REPO / ".pre-commit-hooks.yaml"


def load_hook() -> dict[str, Any]:
    hooks = yaml.safe_load(HOOKS_FILE.read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "dipos-validate"]
    return dict(hook)


def hook_files(directory: Path) -> list[str]:
    """The files of a directory that pre-commit would pass to the hook."""
    pattern = re.compile(load_hook()["files"])
    return sorted(p.name for p in directory.iterdir() if pattern.search(p.name))


def run_entry(directory: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the hook's entry as pre-commit does: from the repository root, files appended."""
    command = shlex.split(load_hook()["entry"])
    assert command[0] == "dipos"
    executable = [sys.executable, "-m", "dipos", *command[1:]]
    return subprocess.run(
        [*executable, *files], cwd=directory, capture_output=True, text=True, check=False
    )


def test_hook_definition() -> None:
    hook = load_hook()
    assert hook["language"] == "python"
    assert hook["entry"].startswith("dipos validate")
    assert hook["require_serial"] is True
    pattern = re.compile(hook["files"])
    for name in ("a.json", "b.jsonl", "c.yaml", "d.yml", "dir/e.json"):
        assert pattern.search(name), name
    for name in ("a.txt", "b.jsonld", "c.yaml.bak", "json"):
        assert not pattern.search(name), name


@pytest.mark.parametrize("name", hook_files(HOOK / "positive"))
def test_positive_file_alone_passes(name: str) -> None:
    """Committing one file: references into the others still resolve (--context)."""
    result = run_entry(HOOK / "positive", [name])
    assert result.returncode == 0, result.stdout + result.stderr


def test_positive_directory_passes() -> None:
    result = run_entry(HOOK / "positive", hook_files(HOOK / "positive"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", [n for n in hook_files(HOOK / "negative") if n != "context.yaml"])
def test_negative_file_fails(name: str) -> None:
    result = run_entry(HOOK / "negative", [name])
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith(name + ":")
    assert "Traceback" not in result.stderr


def _copy_working_tree(destination: Path) -> None:
    """The working tree (uncommitted changes included), without caches and build output."""
    patterns = shutil.ignore_patterns(
        ".git", "__pycache__", "*.egg-info", ".mypy_cache", ".ruff_cache", ".pytest_cache",
        ".hypothesis", "site", "build", "dist", ".venv", "venv",
    )  # fmt: skip

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = set(patterns(directory, names))
        if Path(directory) == REPO / "benchmarks":
            skipped.add("data")  # generated benchmark input, git-ignored
        return skipped

    shutil.copytree(REPO, destination, ignore=ignore)


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}  # fmt: skip
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """Install the hook from a copy of this repository, as another repository would.

    pre-commit clones the hook repository at a commit, so the working tree is copied into
    a throwaway git repository and committed there. Installing needs only the package
    registry (PyPI).
    """
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hook_repo = tmp_path / "dipos"
    _copy_working_tree(hook_repo)
    _git(hook_repo, "init", "-q")
    _git(hook_repo, "add", "-A")
    _git(hook_repo, "commit", "-q", "-m", "snapshot")
    data_repo = tmp_path / "data"
    shutil.copytree(HOOK / "negative", data_repo)
    _git(data_repo, "init", "-q")
    _git(data_repo, "add", "-A")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    result = subprocess.run(
        [*pre_commit, "try-repo", str(hook_repo), "dipos-validate", "--all-files"],
        cwd=data_repo, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "dipos validate" in output
    assert "Failed" in output
    assert "[ref-unresolved]" in output
    assert "[syntax-json]" in output
    assert "[codelist-unknown]" in output
    # And a clean repository passes.
    shutil.rmtree(data_repo)
    shutil.copytree(HOOK / "positive", data_repo)
    _git(data_repo, "init", "-q")
    _git(data_repo, "add", "-A")
    result = subprocess.run(
        [*pre_commit, "try-repo", str(hook_repo), "dipos-validate", "--all-files"],
        cwd=data_repo, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
