"""GitHub Actions workflow commands: each finding becomes an annotation on the file."""

from ..findings import ValidationReport
from ..safetext import one_line

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    # Values are one line already (see safetext); the line breaks left are the format's own.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: ValidationReport, verbose: bool = True) -> str:
    lines = []
    for f in report.findings:
        props = []
        if f.file and not f.file.startswith("<"):
            props.append(f"file={_escape_property(one_line(f.file))}")
        if f.line is not None:
            props.append(f"line={f.line}")
        if f.column is not None:
            props.append(f"col={f.column}")
        props.append(f"title={_escape_property(f'dipos [{f.rule}]')}")
        path = f"{f.json_path}: " if f.path else ""
        if f.cell:  # a workbook cell has no line: name it in the message
            path = f"{f.cell} {path}"
        message = f"{path}{f.message}\nHint: {f.hint}\n{f.docs_url}"
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
