"""TypeScript types generated from the schema by json-schema-to-typescript are exact:
every example and valid fixture type-checks with ``tsc --strict``, a record with a
misspelt property is rejected, and the only index signature (which would let any
misspelling through) is the ``Extensions`` type.

The checks run in ``tools/js/types-check.mjs`` (once per module, into a temporary
folder); these tests read its report. Skipped without Node or ``tools/js/node_modules``
(``npm ci --prefix tools/js``), failed instead under ``DIPOS_REQUIRE_NODE=1`` (CI).
"""

from pathlib import Path
from typing import Any

import pytest

from ._node import by_file, example_files, run_script, valid_fixture_files, where

EXAMPLES = example_files()
VALID = valid_fixture_files()
RECORD_TYPES = ("actor", "territory", "source", "proposal", "position", "dataset")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out: Path = tmp_path_factory.mktemp("types")
    return run_script("types-check.mjs", "--out", str(out))


@pytest.fixture(scope="module")
def documents(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return by_file(report["documents"])


def _diagnostics(entries: list[dict[str, Any]]) -> list[str]:
    return [
        f"{where(entry)} ({entry['tsFile']}:{d['line']}): TS{d['code']}: {d['message']}"
        for entry in entries
        for d in entry["diagnostics"]
    ]


def test_types_are_generated_for_every_record_type(report: dict[str, Any]) -> None:
    assert report["problems"] == []
    assert sorted(report["typeNames"]) == sorted(RECORD_TYPES)
    assert report["datasetType"]


def test_tsc_runs_in_strict_mode_and_the_generated_types_compile(report: dict[str, Any]) -> None:
    assert report["tsconfig"]["compilerOptions"]["strict"] is True
    assert report["optionsDiagnostics"] == []
    assert report["generatedDiagnostics"] == []


def test_every_example_and_valid_fixture_was_type_checked(documents: dict[str, Any]) -> None:
    assert sorted(documents) == sorted(EXAMPLES + VALID)


@pytest.mark.parametrize("file", EXAMPLES + VALID)
def test_document_type_checks(documents: dict[str, list[dict[str, Any]]], file: str) -> None:
    assert file in documents, f"{file} was not type-checked"
    assert _diagnostics(documents[file]) == []


def test_no_index_signature_outside_extensions(report: dict[str, Any]) -> None:
    open_types = [
        f"{sig['module']}:{sig['line']} {sig['declaration']}: {sig['text']}"
        for sig in report["indexSignatures"]
        if not sig["allowed"]
    ]
    assert open_types == []


def test_extensions_is_one_type_in_each_module(report: dict[str, Any]) -> None:
    """Records share one ``Extensions`` type (not a copy per record)."""
    found = sorted((sig["module"], sig["declaration"]) for sig in report["indexSignatures"])
    assert found == [("dataset.ts", "Extensions"), ("record.ts", "Extensions")]


def test_misspelt_cases_are_there(report: dict[str, Any]) -> None:
    names = [entry["name"] for entry in report["misspelt"]]
    assert "position-speakr" in names
    assert len(names) >= 3


def test_tsc_rejects_every_misspelt_property(report: dict[str, Any]) -> None:
    accepted = [
        entry["origin"]
        for entry in report["misspelt"]
        if not any(_names_misspelling(d, entry["misspelling"]) for d in entry["diagnostics"])
    ]
    assert accepted == []


def test_a_misspelt_record_is_rejected_for_the_misspelling_only(report: dict[str, Any]) -> None:
    """Where tsc rejects a misspelt record, it names the misspelt property (an excess
    property check: TS2353, or TS2561 with a suggestion) and nothing else."""
    for entry in report["misspelt"]:
        for diagnostic in entry["diagnostics"]:
            assert _names_misspelling(diagnostic, entry["misspelling"]), (entry, diagnostic)


def _names_misspelling(diagnostic: dict[str, Any], name: str) -> bool:
    """An excess-property error naming the property; tsc quotes the key as written in
    the object literal (``'"speakr"'``)."""
    return diagnostic["code"] in (2353, 2561) and f"'\"{name}\"'" in diagnostic["message"]
