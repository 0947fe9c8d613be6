"""SARIF 2.1.0 (Static Analysis Results Interchange Format), for code-scanning tools."""

from typing import Any

import orjson

from ...version import __version__
from ..catalogue import RULES
from ..findings import ValidationReport

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render_sarif(report: ValidationReport, verbose: bool = True) -> str:
    rule_index = {rule.id: i for i, rule in enumerate(RULES)}
    results: list[dict[str, Any]] = []
    for f in report.findings:
        region: dict[str, Any] = {}
        if f.line is not None:
            region["startLine"] = f.line
        if f.column is not None:
            region["startColumn"] = f.column
        location: dict[str, Any] = {
            "physicalLocation": {"artifactLocation": {"uri": (f.file or "").replace("\\", "/")}}
        }
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
