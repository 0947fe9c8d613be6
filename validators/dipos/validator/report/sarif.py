"""SARIF 2.1.0 (Static Analysis Results Interchange Format), for code-scanning tools."""

import os
from typing import Any
from urllib.parse import quote

import orjson

from ...version import __version__
from ..catalogue import RULES
from ..findings import ValidationReport

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(file: str | None) -> str:
    """A file name as a relative URI reference: Windows separators made ``/``, and any
    character a URI cannot hold (spaces, the ``\\xNN`` of a name that was not UTF-8)
    percent-encoded."""
    name = (file or "").replace(os.sep, "/") if os.sep != "/" else (file or "")
    return quote(name, safe="/:@!$&'()*+,;=-._~")


def render_sarif(report: ValidationReport, verbose: bool = True) -> str:
    rule_index = {rule.id: i for i, rule in enumerate(RULES)}
    results: list[dict[str, Any]] = []
    for f in report.findings:
        region: dict[str, Any] = {}
        if f.line is not None:
            region["startLine"] = f.line
        if f.column is not None:
            region["startColumn"] = f.column
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(f.file)}}}
        if region:
            location["physicalLocation"]["region"] = region
        if f.path:
            location["logicalLocations"] = [{"fullyQualifiedName": f.json_path}]
        # A workbook cell has no line: it is named in the message (SARIF has no cell region).
        where = f"{f.cell} " if f.cell else ""
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": rule_index[f.rule],
                "level": _LEVEL[f.severity],
                "message": {"text": f"{where}{f.json_path}: {f.message}. Hint: {f.hint}"},
                "locations": [location],
            }
        )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "dipos validate",
                        "version": __version__,
                        "informationUri": "https://dipos.github.io/dipos/",
                        "rules": [
                            {
                                "id": rule.id,
                                "name": rule.title,
                                "shortDescription": {"text": rule.title},
                                "fullDescription": {"text": rule.description},
                                "help": {"text": rule.fix},
                                "helpUri": rule.docs_url,
                                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                            }
                            for rule in RULES
                        ],
                    }
                },
                "results": results,
            }
        ],
    }
    return orjson.dumps(document, option=orjson.OPT_INDENT_2).decode() + "\n"
