"""Validating never loads pydantic or the models: the validator reads the schema shipped
in the package and the codelists' CSV files, which keeps its start-up short (the
pre-commit hook starts it on every commit). Each case runs in a fresh interpreter,
since this test session has imported the models long ago."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import INVALID, VALID

_HEAVY = ("pydantic", "pydantic_core", "dipos.model", "dipos.schema.generate")

_REPORT_LOADED = (
    "import json, sys\nprint(json.dumps([name for name in {heavy!r} if name in sys.modules]))\n"
)


def _loaded_after(program: str, watched: tuple[str, ...] = _HEAVY) -> list[str]:
    """The modules of ``watched`` (by default the heavy ones) present after ``program``
    ran in a new interpreter."""
    script = program + "\n" + _REPORT_LOADED.format(heavy=watched)
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(completed.stdout.splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "path",
    [VALID / "dataset.json", VALID / "records.jsonl", INVALID / "codelist-unknown.json"],
    ids=lambda p: p.name,
)
def test_the_library_validates_without_the_models(path: Path) -> None:
    program = (
        "from dipos.validator import validate\n"
        f"report = validate([{str(path)!r}])\n"
        "assert report.records > 0, report\n"
    )
    assert _loaded_after(program) == []


def test_the_package_import_and_its_validate_leave_the_models_out() -> None:
    program = f"import dipos\nassert dipos.validate([{str(VALID / 'dataset.json')!r}]).ok\n"
    assert _loaded_after(program) == []


def test_dipos_validate_on_the_command_line_leaves_the_models_out() -> None:
    program = (
        "from dipos.cli import main\n"
        f"assert main(['validate', {str(INVALID / 'codelist-unknown.json')!r}, '--quiet']) == 1\n"
    )
    assert _loaded_after(program) == []


def test_the_models_are_still_there_when_asked_for() -> None:
    # The check above would pass vacuously if the names in _HEAVY were wrong.
    program = "import dipos.schema\ndipos.schema.build_schemas()\n"
    assert _loaded_after(program) == list(_HEAVY)


_ENGINE = ("numpy", "jsonschema_rs", "dipos.validator.engine", "pydantic")
"""The validator's engine: numpy, jsonschema-rs and the compiled schema (and pydantic,
which no command line run needs)."""

_OTHER_COMMANDS = (
    "dipos.anchor",
    "dipos.report",
    "dipos.tables",
    "dipos.workbook.read",
    "dipos.export.background",
    "dipos.cli.convert_run",
)
"""What the commands other than ``validate`` run: quote anchoring, the HTML report, the
tables of export and convert, the workbook reader."""


def _loaded_by_main(arguments: list[str], watched: tuple[str, ...]) -> list[str]:
    """The modules of ``watched`` loaded after ``dipos ARGUMENTS`` ran (and exited 0) in
    a new interpreter."""
    program = f"from dipos.cli import main\nassert main({arguments!r}) == 0"
    return _loaded_after(program, watched)


def test_the_command_line_loads_the_engine_only_for_a_command_that_needs_it() -> None:
    """`dipos --version`, `dipos lookup`... start without numpy, jsonschema-rs and the
    compiled schema: every command imports the validator's engine only when it runs."""
    assert _loaded_by_main(["--version"], _ENGINE + _OTHER_COMMANDS) == []


def test_dipos_validate_loads_no_other_command() -> None:
    """Each command imports what it runs only when it runs: validating a JSON file or a
    folder of them (the pre-commit hook's work) loads neither the tables nor the report."""
    for path in (VALID / "dataset.json", VALID):
        assert _loaded_by_main(["validate", "--quiet", str(path)], _OTHER_COMMANDS) == []


def test_the_watched_modules_are_the_ones_the_commands_load() -> None:
    # The checks above would pass vacuously if the names in _OTHER_COMMANDS were wrong.
    program = f"import {', '.join(_OTHER_COMMANDS)}"
    assert _loaded_after(program, _OTHER_COMMANDS) == list(_OTHER_COMMANDS)
