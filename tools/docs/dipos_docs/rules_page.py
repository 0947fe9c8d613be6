"""The rules catalogue page, from the validator's rule registry
(``dipos.validator.catalogue.RULES``). Each rule's section has the rule id as its
anchor, so that the links in the validator's messages land on it."""

import json
from collections.abc import Sequence
from typing import Final

from dipos.validator.catalogue import RuleInfo

from . import markdown as md

_LAYER_TITLES: Final = {
    "syntax": "Reading the files",
    "structure": "Structure (the JSON Schema)",
    "rules": "Rules across records",
    "workbook": "Workbooks and CSV tables",
}


def layer_of(rule: RuleInfo) -> str:
    """Which check finds the problem: reading the file, the schema, the rules across
    records, or reading a workbook (the rule's ``layer``)."""
    return _LAYER_TITLES[rule.layer]


def _pretty(example: str) -> str:
    try:
        return md.json_pretty(json.loads(example))
    except ValueError:
        return example  # a syntax-layer example is broken on purpose: show it as is


def _example(rule: RuleInfo, language: str) -> str:
    if rule.example_format == "xlsx":
        # A workbook cannot be shown as text: its example is a description of the cells.
        return f"A workbook that triggers it: {rule.failing_example}.\n"
    return "A document that triggers it:\n\n" + md.fence(_pretty(rule.failing_example), language)


def render_rule(rule: RuleInfo) -> str:
    """One rule's section; its heading's anchor is the rule id exactly."""
    declared = rule.example_format
    pretty = _pretty(rule.failing_example) if declared == "json" else rule.failing_example
    language = {"json": "json", "jsonl": "json", "yaml": "yaml"}.get(declared, "text")
    if declared == "json" and pretty == rule.failing_example:
        language = "text"  # broken on purpose: not highlighted as JSON
    return (
        f"### {md.text(rule.title)} {{#{rule.id}}}\n\n"
        f"`{rule.id}` · **{rule.severity}**\n\n"
        f"{rule.description.strip()}\n\n"
        f"**How to fix it.** {rule.fix.strip()}\n\n" + _example(rule, language)
    )


INTRO: Final = """\
# Rules catalogue

`dipos validate` checks a dataset in three layers: it reads every file
(syntax), checks every record against the [JSON Schema](reference/schema.md)
(structure), then applies the rules below across all records. Each problem it
reports names a rule and links to its section here.

Severities: an **error** makes the dataset invalid (exit code 1); a
**warning** is reported but fails only with `--strict`; **info** is for your
attention. Select or silence rules with `--select RULE` and `--ignore RULE`
(see the [command line reference](reference/cli.md)).

This page is generated from the validator's rule registry.
"""


def render(rules: Sequence[RuleInfo]) -> str:
    """The Markdown of the rules page (of ``dipos.validator.catalogue.RULES``)."""
    summary = md.table(
        ["Rule", "Severity", "Problem"],
        ([f"[`{r.id}`](#{r.id})", r.severity, md.text(r.title)] for r in rules),
    )
    sections: dict[str, list[str]] = {}
    for rule in rules:
        sections.setdefault(layer_of(rule), []).append(render_rule(rule))
    body = "\n".join(f"## {layer}\n\n" + "\n".join(parts) for layer, parts in sections.items())
    return f"{INTRO}\n{len(rules)} rules.\n\n{summary}\n{body}"
