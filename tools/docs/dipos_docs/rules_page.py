"""The rules catalogue page, from the validator's rule registry
(``dipos.validator.catalogue.RULES``). Each rule's section has the rule id as its
anchor, so that the links in the validator's messages land on it."""

import importlib
import json
from collections.abc import Sequence
from typing import Any, Final, Protocol

from . import markdown as md

_SEVERITY_ADMONITION: Final = {"error": "failure", "warning": "warning", "info": "info"}


class RuleLike(Protocol):
    """What the page needs of a rule (``dipos.validator.catalogue.RuleInfo``)."""

    @property
    def id(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def fix(self) -> str: ...
    @property
    def failing_example(self) -> str: ...


def load_rules() -> Sequence[RuleLike] | None:
    """The validator's rules, or None when the validator is not installed."""
    try:
        catalogue = importlib.import_module("dipos.validator.catalogue")
    except ModuleNotFoundError:
        return None
    rules: Sequence[Any] = catalogue.RULES
    return rules


_LAYER_TITLES: Final = {
    "syntax": "Reading the files",
    "structure": "Structure (the JSON Schema)",
    "rules": "Rules across records",
    "workbook": "Workbooks and CSV tables",
}


def layer_of(rule: RuleLike) -> str:
    """Which check finds the problem: reading the file, the schema, or the rules across
    records (the rule's ``layer``, or else guessed from its id's prefix)."""
    layer = getattr(rule, "layer", None)
    if layer not in _LAYER_TITLES:
        prefix = rule.id.split("-", 1)[0]
        layer = {"syntax": "syntax", "schema": "structure"}.get(prefix, "rules")
    return _LAYER_TITLES[str(layer)]


def _pretty(example: str) -> str:
    try:
        return md.json_pretty(json.loads(example))
    except ValueError:
        return example  # a syntax-layer example is broken on purpose: show it as is


def _example(rule: RuleLike, language: str) -> str:
    if getattr(rule, "example_format", "json") == "xlsx":
        # A workbook cannot be shown as text: its example is a description of the cells.
        return f"A workbook that triggers it: {rule.failing_example}.\n"
    return "A document that triggers it:\n\n" + md.fence(_pretty(rule.failing_example), language)


def render_rule(rule: RuleLike) -> str:
    """One rule's section; its heading's anchor is the rule id exactly."""
    declared = getattr(rule, "example_format", "json")
    pretty = _pretty(rule.failing_example) if declared == "json" else rule.failing_example
    language = {"json": "json", "jsonl": "json", "yaml": "yaml"}.get(str(declared), "text")
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


def render(rules: Sequence[RuleLike] | None) -> str:
    """The Markdown of the rules page."""
    if rules is None:
        return INTRO + "\n!!! note\n    The rule catalogue is not yet available in this build.\n"
    summary = md.table(
        ["Rule", "Severity", "Problem"],
        ([f"[`{r.id}`](#{r.id})", r.severity, md.text(r.title)] for r in rules),
    )
    sections: dict[str, list[str]] = {}
    for rule in rules:
        sections.setdefault(layer_of(rule), []).append(render_rule(rule))
    body = "\n".join(f"## {layer}\n\n" + "\n".join(parts) for layer, parts in sections.items())
    return f"{INTRO}\n{len(rules)} rules.\n\n{summary}\n{body}"
