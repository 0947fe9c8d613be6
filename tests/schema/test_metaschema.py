"""The committed schema files are valid Draft 2020-12, identified, and exactly what
the models generate, byte for byte and on every run."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from dipos.schema import SCHEMA_FILES, build_schemas, schema_id
from dipos.schema.generate import DRAFT_2020_12, render
from dipos.version import SCHEMA_VERSION

from ._support import SCHEMA_DIR

COMMITTED = sorted(SCHEMA_DIR.glob("*.json"))


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def test_the_committed_files_are_the_generated_ones() -> None:
    assert sorted(path.name for path in COMMITTED) == sorted(SCHEMA_FILES)
    assert sorted(build_schemas()) == sorted(SCHEMA_FILES)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_validates_against_the_2020_12_metaschema(path: Path) -> None:
    jsonschema.Draft202012Validator.check_schema(_load(path))


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_validates_against_the_metaschema_with_formats_checked(path: Path) -> None:
    # The metaschema's own `format` keywords (uri-reference for $id, regex for
    # pattern) are only asserted with a format checker.
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator.check_schema(_load(path), format_checker=checker)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_compiles_in_jsonschema_rs(path: Path) -> None:
    validator = jsonschema_rs.validator_for(_load(path))
    assert isinstance(validator, jsonschema_rs.Draft202012Validator)


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_declares_draft_2020_12_and_a_versioned_id(path: Path) -> None:
    schema = _load(path)
    assert schema["$schema"] == DRAFT_2020_12 == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id(path.name)
    assert f"/{SCHEMA_VERSION}/" in schema["$id"]
    assert schema["$id"].endswith("/" + path.name)


def test_ids_are_distinct() -> None:
    ids = [_load(path)["$id"] for path in COMMITTED]
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_committed_file_equals_build_schemas(name: str) -> None:
    committed_text = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert json.loads(committed_text) == build_schemas()[name]
    assert committed_text == render(build_schemas()[name])


@pytest.mark.parametrize("path", COMMITTED, ids=lambda p: p.name)
def test_file_is_utf8_with_lf_and_final_newline(path: Path) -> None:
    raw = path.read_bytes()
    raw.decode("utf-8")
    assert b"\r" not in raw
    assert raw.endswith(b"}\n")


_RENDER_ALL = (
    "import sys\n"
    "from dipos.schema import build_schemas\n"
    "from dipos.schema.generate import render\n"
    "for name, schema in sorted(build_schemas().items()):\n"
    "    sys.stdout.write(name + '\\n' + render(schema))\n"
)


def _render_in_subprocess(hash_seed: str) -> bytes:
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    completed = subprocess.run(
        [sys.executable, "-c", _RENDER_ALL], env=env, capture_output=True, check=True
    )
    return completed.stdout


def test_output_is_deterministic_across_processes_and_hash_seeds() -> None:
    first = _render_in_subprocess("1")
    second = _render_in_subprocess("4242")
    assert first == second
    committed = "".join(
        name + "\n" + (SCHEMA_DIR / name).read_text(encoding="utf-8")
        for name in sorted(SCHEMA_FILES)
    )
    assert first.decode("utf-8") == committed
