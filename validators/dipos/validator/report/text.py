"""The text format: one line per finding, as compilers write them, then a summary."""

from ..findings import Finding, ValidationReport
from ..safetext import one_line


def location(finding: Finding) -> str:
    """``file:line:column`` with what is known (``file:Sheet!F12`` in a workbook)."""
    where = one_line(finding.file or "<input>")
    if where.startswith(":"):  # never a line that starts as a GitHub Actions command (`::`)
        where = "./" + where
    if finding.cell is not None:
        return f"{where}:{finding.cell}"
    if finding.line is not None:
        where += f":{finding.line}"
        if finding.column is not None:
            where += f":{finding.column}"
    return where


def render_finding(finding: Finding) -> str:
    """``file:12:7: error [rule] $.path: message — hint: ... — url``."""
    path = f" {finding.json_path}" if finding.path else ""
    if finding.record_id and finding.path[-1:] != ("id",):
        path += f" (in {one_line(finding.record_id)})"
    return (
        f"{location(finding)}: {finding.severity} [{finding.rule}]{path}: {finding.message}"
        f" — hint: {finding.hint} — {finding.docs_url}"
    )


def summary(report: ValidationReport) -> str:
    counts = report.counts()
    files = len(report.files)
    parts = [
        f"{counts['error']} error{'s' if counts['error'] != 1 else ''}",
        f"{counts['warning']} warning{'s' if counts['warning'] != 1 else ''}",
        f"{counts['info']} info",
    ]
    return (
        f"{'invalid' if not report.ok else 'valid'}: {', '.join(parts)} in {files} "
        f"file{'s' if files != 1 else ''}, {report.records} record"
        f"{'s' if report.records != 1 else ''}"
    )


def render_text(report: ValidationReport, verbose: bool = True) -> str:
    lines = [render_finding(f) for f in report.findings]
    return "\n".join(lines) + ("\n" if lines else "")
