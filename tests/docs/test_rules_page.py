"""The rules page has a section per rule whose anchor is the rule id, as the validator's
links expect."""

from dipos.validator.catalogue import RULES, RuleInfo
from dipos_docs import rules_page

_RULES = (
    RuleInfo(
        "syntax-json",
        "error",
        "Malformed JSON",
        "The file is not JSON.",
        "Fix it.",
        "{",
        layer="syntax",
    ),
    RuleInfo(
        "ref-unresolved",
        "error",
        "Reference does not resolve",
        "An id names *no* record.",
        "Correct the id.",
        '{"type": "position", "id": "pos-1", "holders": ["actor-rusia"], "move": "demand",'
        ' "topics": ["ceasefire"]}',
    ),
)


def test_a_section_per_rule_with_the_rule_id_as_anchor() -> None:
    page = rules_page.render(_RULES)
    assert "### Malformed JSON {#syntax-json}" in page
    assert "### Reference does not resolve {#ref-unresolved}" in page
    assert "[`ref-unresolved`](#ref-unresolved)" in page
    assert "## Reading the files" in page
    assert "## Rules across records" in page


def test_failing_examples_are_pretty_printed_when_they_are_json() -> None:
    page = rules_page.render(_RULES)
    assert (
        '```json\n{\n  "type": "position",\n  "id": "pos-1",\n  "holders": ["actor-rusia"],' in page
    )
    assert "```text\n{\n```" in page  # broken on purpose: shown as it is


def test_the_installed_catalogue_is_used() -> None:
    page = rules_page.render(RULES)
    for rule in RULES:
        assert f"{{#{rule.id}}}" in page
