"""Shared helpers for the validator tests."""

from pathlib import Path

import pytest

from dipos.validator.check.rules import record_checks

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "validate"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"
BROKEN = FIXTURES / "broken"
HOOK = FIXTURES / "hook"


def rule_of(case: Path) -> str:
    """The rule a negative fixture must trigger: its name up to ``--`` or the extension."""
    return case.name.split("--")[0].split(".")[0]


def sources_of(case: Path) -> Path | None:
    """A case directory's ``sources/`` folder of source texts, if it has one."""
    sources = case / "sources"
    return sources if case.is_dir() and sources.is_dir() else None


@pytest.fixture
def deprecated_ceasefire(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the topic ``ceasefire`` is deprecated (no code is deprecated yet)."""

    def fake(codelist: str) -> dict[str, str]:
        return {"ceasefire": "use `truce` instead"} if codelist == "topic" else {}

    monkeypatch.setattr(record_checks, "deprecated_codes", fake)
