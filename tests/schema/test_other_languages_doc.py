"""The page "Using the schema from other languages" (docs/other-languages.md) says
what happens: its scripts run word for word, in a folder like the reader's (the
repository's ``schema/`` and ``examples/``, and ``node_modules`` from ``tools/js``),
and give the output the page shows.

Skipped without Node or ``tools/js/node_modules``, failed instead under
``DIPOS_REQUIRE_NODE=1`` (CI). ``npm_config_offline`` keeps ``npx`` from reaching
the registry: the commands must run from the installed packages.
"""

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from ._node import TOOLS_DIR, require_node
from ._support import REPO_ROOT

PAGE = REPO_ROOT / "docs" / "other-languages.md"
_SNIPPET = re.compile(
    r"^<!-- dipos:snippet (?P<name>\S+) -->\n```(?P<language>\w+)\n(?P<body>.*?)^```$",
    re.M | re.S,
)


def _snippets() -> dict[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    return {m.group("name"): m.group("body") for m in _SNIPPET.finditer(text)}


def _shown_output(command: str) -> list[str]:
    """The output lines the page shows after ``$ command`` in a ``text`` block."""
    text = PAGE.read_text(encoding="utf-8")
    block = text.split(f"```text\n$ {command}\n", 1)[1].split("```", 1)[0]
    return block.splitlines()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reader's folder: the page's snippets as files, beside ``schema/``,
    ``examples/`` and ``node_modules/``; the types generated once, as the page says."""
    require_node()
    tmp_path = tmp_path_factory.mktemp("reader")
    for name, body in _snippets().items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "schema").symlink_to(REPO_ROOT / "schema")
    (tmp_path / "examples").symlink_to(REPO_ROOT / "examples")
    (tmp_path / "node_modules").symlink_to(TOOLS_DIR / "node_modules")
    generated = _run(tmp_path, _snippets()["generate.sh"])
    assert generated.returncode == 0, generated.stdout + generated.stderr
    return tmp_path


def _run(folder: Path, command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "npm_config_offline": "true", "npm_config_update_notifier": "false"}
    return subprocess.run(
        command,
        shell=True,
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_page_has_its_snippets() -> None:
    assert set(_snippets()) == {"validate.mjs", "generate.sh", "position.ts", "check.sh"}


def test_the_validation_script_accepts_the_examples_as_shown(folder: Path) -> None:
    command = (
        "node validate.mjs examples/illustrative/eastland-plan.json "
        "examples/illustrative/northland-responses.jsonl"
    )
    result = _run(folder, command)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == _shown_output(command)


def test_the_validation_script_reports_a_misspelt_property_as_shown(folder: Path) -> None:
    dataset = json.loads((REPO_ROOT / "examples/illustrative/eastland-plan.json").read_text())
    first = dataset["positions"][0]
    dataset["positions"][0] = {("speakr" if k == "speaker" else k): v for k, v in first.items()}
    (folder / "misspelt.json").write_text(json.dumps(dataset, indent=2), encoding="utf-8")
    result = _run(folder, "node validate.mjs misspelt.json")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == _shown_output("node validate.mjs misspelt.json")


def test_the_generated_types_are_named_as_the_page_says(folder: Path) -> None:
    declarations = (folder / "dipos-record.d.ts").read_text(encoding="utf-8")
    for name in ("Actor", "Territory", "Source", "Proposal", "Position", "Dataset"):
        assert f"export interface {name} {{" in declarations, name
    assert "export type DiposRecord = " in declarations
    # The one type with free keys.
    assert "export interface Extensions {\n  [k: string]: unknown;\n}" in declarations
    assert declarations.count("[k: string]: unknown;") == 1
    for name in ("Evidence", "Quantity", "Deadline"):
        assert re.search(rf"export (interface|type) {name}\b", declarations), name
    result = _run(folder, "npx json2ts -i schema/dataset.schema.json -o dipos-dataset.d.ts")
    assert result.returncode == 0, result.stderr
    assert "export interface DiposDataset {" in (folder / "dipos-dataset.d.ts").read_text()


@pytest.fixture(scope="module")
def tsc(folder: Path) -> subprocess.CompletedProcess[str]:
    """The page's tsc command on its typed record and, in the same run (tsc is slow
    to start), on a copy with ``speakr`` for ``speaker`` (``misspelt.ts``)."""
    typed = (folder / "position.ts").read_text(encoding="utf-8")
    misspelt = typed.replace('  move: "demand",', '  speakr: "actor-northland",\n  move: "demand",')
    assert misspelt != typed
    (folder / "misspelt.ts").write_text(misspelt, encoding="utf-8")
    command = _snippets()["check.sh"].strip()
    assert command.endswith(" position.ts")
    return _run(folder, f"{command} misspelt.ts")


def test_the_typed_record_compiles_with_tsc_strict(tsc: subprocess.CompletedProcess[str]) -> None:
    errors = [line for line in tsc.stdout.splitlines() if not line.startswith("misspelt.ts(")]
    assert errors == [], tsc.stdout + tsc.stderr


def test_a_misspelt_property_is_a_compile_error_as_the_page_says(
    tsc: subprocess.CompletedProcess[str],
) -> None:
    assert tsc.returncode != 0
    errors = [line for line in tsc.stdout.splitlines() if line.startswith("misspelt.ts(")]
    shown = _shown_output("npx tsc --strict --noEmit position.ts")
    assert [line.replace("misspelt.ts", "position.ts", 1) for line in errors] == shown
