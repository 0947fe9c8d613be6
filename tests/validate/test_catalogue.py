"""The rule catalogue: complete, consistent, and each failing example really fails."""

import re
from pathlib import Path

import pytest

from dipos.validator import validate
from dipos.validator.catalogue import DOCS_BASE_URL, RULES, RuleInfo, get, rule_ids

from .conftest import INVALID, rule_of

EXTENSIONS = {"json": ".json", "jsonl": ".jsonl", "yaml": ".yaml"}

WORKBOOK_INVALID = INVALID.parent.parent / "workbook" / "invalid"
"""The workbook rules' negative fixtures (.xlsx files, tests/workbook/test_fixtures.py)."""

TEXT_RULES = [r for r in RULES if r.layer != "workbook"]
"""The rules whose failing example is a text document (a workbook rule's is words)."""


def test_rule_ids_are_unique_kebab_case() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id), rule_id


def test_every_rule_is_documented() -> None:
    for rule in RULES:
        assert all((rule.title, rule.description, rule.fix)), rule.id
        assert rule.severity in ("error", "warning", "info")
        assert rule.docs_url == f"{DOCS_BASE_URL}rules/#{rule.id}"
        assert get(rule.id) is rule
    assert rule_ids() == tuple(rule.id for rule in RULES)


def test_get_unknown_rule_raises() -> None:
    with pytest.raises(KeyError):
        get("no-such-rule")


def test_required_rules_are_present() -> None:
    required = {
        "syntax-json", "syntax-jsonl", "syntax-yaml", "syntax-encoding", "syntax-empty",
        "syntax-duplicate-key", "schema-required", "schema-additional-property", "schema-type",
        "schema-const", "schema-pattern", "schema-min-items", "id-duplicate", "ref-unresolved",
        "iso3166-unknown", "iso3166-malformed", "wikidata-malformed", "date-impossible",
        "date-after-source", "link-to-later-position", "precondition-cycle", "link-self",
        "codelist-unknown", "topic-unknown", "evidence-missing", "quote-not-found",
    }  # fmt: skip
    assert required <= set(rule_ids())


def test_every_rule_has_a_negative_fixture() -> None:
    cases = [*INVALID.iterdir(), *WORKBOOK_INVALID.glob("*.xlsx")]
    covered = {rule_of(case) for case in cases}
    missing = [rule.id for rule in RULES if rule.id not in covered]
    assert not missing, f"rules without a fixture in {INVALID}: {missing}"
    unknown = covered - set(rule_ids())
    assert not unknown, f"fixtures naming no rule: {unknown}"


def _run_example(rule: RuleInfo, tmp_path: Path) -> set[str]:
    data = tmp_path / f"example{EXTENSIONS[rule.example_format]}"
    data.write_bytes(rule.failing_example.encode(rule.example_encoding))
    sources = None
    if rule.id.startswith(("quote-", "source-text-")):
        sources = tmp_path / "texts"
        sources.mkdir()
        if rule.example_source_text:
            (sources / "src-1.txt").write_text(rule.example_source_text, encoding="utf-8")
    report = validate(data, sources=sources)
    return {finding.rule for finding in report.findings}


@pytest.mark.parametrize("rule", [r for r in TEXT_RULES if r.id != "codelist-deprecated"], ids=str)
def test_failing_example_triggers_its_rule_and_only_it(rule: RuleInfo, tmp_path: Path) -> None:
    assert _run_example(rule, tmp_path) == {rule.id}


@pytest.mark.usefixtures("deprecated_ceasefire")
def test_failing_example_of_deprecated_codes(tmp_path: Path) -> None:
    assert _run_example(get("codelist-deprecated"), tmp_path) == {"codelist-deprecated"}


def test_failing_examples_are_valid_json_where_they_should_be() -> None:
    import json

    for rule in RULES:
        if rule.layer == "syntax" or rule.example_format != "json":
            continue
        json.loads(rule.failing_example)
