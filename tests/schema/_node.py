"""Running the JavaScript checks of ``tools/js/`` (ajv, json-schema-to-typescript,
tsc) from the tests, and listing the documents they must have read.

Node and the packages of ``tools/js/package-lock.json`` (``npm ci --prefix tools/js``)
are optional on a contributor's machine: without them these tests are skipped, with
the reason. CI sets ``DIPOS_REQUIRE_NODE=1``, and then a missing Node or package is a
failure, so that the checks can never be skipped there unnoticed.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ._support import INVALID_DIR, REPO_ROOT, VALID_DIR, fixture_files

TOOLS_DIR = REPO_ROOT / "tools" / "js"
EXAMPLES_DIR = REPO_ROOT / "examples"
DOCUMENT_SUFFIXES = (".json", ".jsonl", ".yaml", ".yml")
#: The packages the scripts import (the devDependencies of tools/js/package.json).
PACKAGES = ("ajv", "json-schema-to-typescript", "typescript", "yaml")
INSTALL = "npm ci --prefix tools/js"


def node_required() -> bool:
    """Whether a missing Node is a failure (CI) rather than a reason to skip."""
    return os.environ.get("DIPOS_REQUIRE_NODE") == "1"


def _missing() -> str | None:
    if shutil.which("node") is None:
        return "Node.js (`node`) is not on PATH; install Node 20 or later, then " + INSTALL
    absent = [name for name in PACKAGES if not (TOOLS_DIR / "node_modules" / name).is_dir()]
    if absent:
        return f"tools/js/node_modules lacks {', '.join(absent)}: run `{INSTALL}`"
    return None


def require_node() -> str:
    """The path of ``node``; skips the test (fails it under DIPOS_REQUIRE_NODE=1) when
    Node or the packages are missing."""
    reason = _missing()
    if reason is not None:
        if node_required():
            pytest.fail(f"DIPOS_REQUIRE_NODE=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    node = shutil.which("node")
    assert node is not None
    return node


def run_script(script: str, *args: str) -> dict[str, Any]:
    """Run a ``tools/js`` script with ``--json`` and return its report. Exit code 2 (the
    script could not run) or output that is not JSON fails the test with stderr."""
    node = require_node()
    result = subprocess.run(
        [node, str(TOOLS_DIR / script), "--json", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode not in (0, 1):
        pytest.fail(f"{script} could not run (exit {result.returncode}):\n{result.stderr}")
    try:
        report: dict[str, Any] = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"{script} printed no JSON report:\n{result.stdout}\n{result.stderr}")
    return report


def _relative(paths: list[Path]) -> list[str]:
    return [path.relative_to(REPO_ROOT).as_posix() for path in paths]


def example_files() -> list[str]:
    """Every example document file (JSON, JSON Lines, YAML), relative to the repository."""
    found = [p for p in EXAMPLES_DIR.rglob("*") if p.suffix in DOCUMENT_SUFFIXES]
    return _relative(sorted(found))


def valid_fixture_files() -> list[str]:
    return _relative(fixture_files(VALID_DIR))


def invalid_fixture_files() -> list[str]:
    return _relative(fixture_files(INVALID_DIR))


def by_file(documents: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """A script's per-document entries grouped by file (a JSON Lines file has one per line)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for document in documents:
        grouped.setdefault(document["file"], []).append(document)
    return grouped


def where(document: dict[str, Any]) -> str:
    """``file`` or ``file:line`` of a document entry."""
    line = document.get("line")
    return document["file"] if line is None else f"{document['file']}:{line}"
