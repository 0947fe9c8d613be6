"""The pre-commit snippets point at something a user can install: the local hook (dipos
installed in the environment) repeats the published hook's settings and really runs under
pre-commit, offline; every ``rev:`` names the tag of this version (see docs/releasing.md)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from dipos import __version__

from ._support import REPO_ROOT

_YAML = re.compile(r"^```yaml\n(?P<body>.*?)^```$", re.M | re.S)
_LOCAL = "<!-- dipos:local-hook -->\n"
SNIPPET_FILES = (REPO_ROOT / "README.md", REPO_ROOT / "docs" / "pre-commit.md")


def _local_hook_config(text: str) -> dict[str, Any]:
    """The first YAML block with ``repo: local`` (the one the reader copies)."""
    for match in _YAML.finditer(text):
        loaded = yaml.safe_load(match.group("body"))
        if isinstance(loaded, dict) and loaded["repos"][0]["repo"] == "local":
            return loaded
    raise AssertionError("no `repo: local` snippet")


@pytest.mark.parametrize("path", SNIPPET_FILES, ids=lambda p: p.name)
def test_every_rev_is_the_tag_of_this_version(path: Path) -> None:
    revs = re.findall(r"rev: ([\w.]+)", path.read_text(encoding="utf-8"))
    assert revs, f"{path.name} shows no tagged form"
    assert set(revs) == {f"v{__version__}"}


@pytest.mark.parametrize("path", SNIPPET_FILES, ids=lambda p: p.name)
def test_the_local_hook_repeats_the_published_hook(path: Path) -> None:
    (published,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (hook,) = _local_hook_config(path.read_text(encoding="utf-8"))["repos"][0]["hooks"]
    for key in ("id", "entry", "types", "require_serial"):
        assert hook[key] == published[key], key
    # Limited to the data folder: .pre-commit-config.yaml itself is YAML but not dipos data.
    assert hook["files"] == "^data/" + published["files"].replace("\\.", ".*\\.", 1)
    assert hook["language"] == "system"  # nothing for pre-commit to download


@pytest.mark.slow
def test_the_local_hook_runs_under_pre_commit(tmp_path: Path) -> None:
    """pre-commit runs the page's hook on a data repository: a valid file passes, a broken
    reference fails the commit. No network: `language: system` installs nothing."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    page = (REPO_ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    block = page.split(_LOCAL, 1)[1]
    config = _YAML.match(block)
    assert config is not None
    repo = tmp_path / "data-repo"
    (repo / "data").mkdir(parents=True)
    (repo / ".pre-commit-config.yaml").write_text(config.group("body"), encoding="utf-8")
    index = (REPO_ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    record = index.split("<!-- dipos:first-record -->\n```json\n", 1)[1].split("```", 1)[0]
    (repo / "data" / "first.json").write_text(record, encoding="utf-8")
    bin_dir = str(Path(sys.executable).parent)
    env = {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            args, cwd=repo, env=env, capture_output=True, text=True, check=False, timeout=300
        )

    assert run("git", "init", "-q").returncode == 0
    assert run("git", "add", ".").returncode == 0
    ok = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (repo / "data" / "first.json").write_text(
        record.replace('["actor-northland"]', '["actor-nortland"]'), encoding="utf-8"
    )
    run("git", "add", ".")
    bad = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "ref-unresolved" in bad.stdout
