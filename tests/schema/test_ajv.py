"""ajv (JavaScript), the fourth engine of the differential: both schema files compile
in ajv's strict mode, every example and valid fixture is accepted, every invalid
fixture rejected for the reason ``invalid/EXPECTED.yaml`` gives.

The checks run in ``tools/js/ajv-check.mjs`` (once per test session); these tests
read its report. They are skipped when Node or ``tools/js/node_modules`` is missing
(run ``npm ci --prefix tools/js``), and fail instead under ``DIPOS_REQUIRE_NODE=1``
(CI). Strict mode replaces the Python lint that used to stand in for ajv in
``test_portability.py``.
"""

from pathlib import PurePosixPath
from typing import Any

import pytest
import yaml

from dipos.schema import SCHEMA_FILES

from ._node import (
    by_file,
    example_files,
    invalid_fixture_files,
    run_script,
    valid_fixture_files,
    where,
)
from ._support import EXPECTED_FILE

EXAMPLES = example_files()
VALID = valid_fixture_files()
INVALID = invalid_fixture_files()


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_script("ajv-check.mjs")


@pytest.fixture(scope="module")
def documents(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return by_file(report["documents"])


def _documents_of(documents: dict[str, list[dict[str, Any]]], file: str) -> list[dict[str, Any]]:
    assert file in documents, f"ajv did not check {file} (does every schema compile?)"
    return documents[file]


def test_ajv_runs_in_strict_mode(report: dict[str, Any]) -> None:
    assert report["options"]["strict"] is True


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_schema_compiles_in_ajv_strict_mode(report: dict[str, Any], name: str) -> None:
    assert report["compileErrors"][name] is None, report["compileErrors"][name]


def test_ajv_checked_every_example_and_fixture(documents: dict[str, Any]) -> None:
    assert sorted(documents) == sorted(EXAMPLES + VALID + INVALID)


@pytest.mark.parametrize("file", EXAMPLES + VALID)
def test_ajv_accepts(documents: dict[str, list[dict[str, Any]]], file: str) -> None:
    for document in _documents_of(documents, file):
        assert document["expect"] == "valid"
        assert document["valid"], (where(document), document["errors"])


@pytest.mark.parametrize("file", INVALID)
def test_ajv_rejects(documents: dict[str, list[dict[str, Any]]], file: str) -> None:
    (document,) = _documents_of(documents, file)
    assert document["expect"] == "invalid"
    assert not document["valid"]


@pytest.mark.parametrize("file", INVALID)
def test_ajv_rejects_for_the_expected_reason(
    documents: dict[str, list[dict[str, Any]]], file: str
) -> None:
    """ajv reports the keyword and instance path that python-jsonschema reports."""
    expected = yaml.safe_load(EXPECTED_FILE.read_text(encoding="utf-8"))[PurePosixPath(file).name]
    (document,) = _documents_of(documents, file)
    reported = sorted({(error["keyword"], error["instancePath"]) for error in document["errors"]})
    assert (expected["keyword"], expected["path"]) in reported, (expected, reported)
