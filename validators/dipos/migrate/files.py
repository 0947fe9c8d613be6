"""Reading a dipos file, converting it (:mod:`.convert`) and writing it back.

The layout of the file is kept where it can be:

* JSON: the indentation (spaces or tabs, how many), whether non-ASCII characters were
  escaped, the key order and the final newline. A one-line file stays on one line.
* JSON Lines: only the lines that change are rewritten, each on its own line with the
  spacing it had; the other lines are kept byte for byte.
* YAML: the document is written again from its data (block style, keys in their order).
  Comments and anchors are not kept: the caller says so when the file had comments.

A file is written only when its content changes, through a temporary file in the same
folder that then replaces the target, so that no half-written file is ever left.
"""

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..validator.findings import Finding
from ..validator.read.syntax import BOM, read_json, read_line
from ..validator.read.yamlload import read_yaml
from .convert import MigrationProblem, migrate_value
from .layout import dump, read_layout

Kind = Literal["json", "jsonl", "yaml"]


@dataclass(slots=True)
class FileResult:
    """What migrating one file found and did."""

    source: Path
    target: Path | None
    changes: list[str] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    written: bool = False
    comments_dropped: bool = False

    @property
    def failed(self) -> bool:
        """Whether an error was found (the file may still have been converted: a JSON
        Lines file whose unreadable lines were kept as they are)."""
        return any(p.severity == "error" for p in self.problems)


PROBLEM_RULE = "migrate-problem"
"""The rule name of a problem that stops a file from being converted (not a validation
rule: the file's data is not checked here, only converted)."""


def problem(message: str, file: str, line: int | None = None, path: Any = ()) -> Finding:
    """A problem that stops a file from being converted."""
    return Finding(
        PROBLEM_RULE,
        "error",
        message,
        "fix the file by hand, or convert it by hand (see docs/versioning.md)",
        file,
        line,
        None,
        tuple(path),
    )


def _problem(error: MigrationProblem, file: str, line: int | None = None) -> Finding:
    return problem(error.message, file, line, error.path)


def convert_text(data: bytes, kind: Kind, name: str) -> tuple[bytes | None, FileResult]:
    """The converted bytes of a file (``None`` when it cannot be converted), with what was
    changed and found. The bytes are the same as ``data`` when nothing changes."""
    try:
        return _convert_text(data, kind, name)
    except RecursionError:
        result = FileResult(Path(name), None)
        result.problems.append(problem("the data is nested too deeply to be converted", name))
        return None, result


def _convert_text(data: bytes, kind: Kind, name: str) -> tuple[bytes | None, FileResult]:
    result = FileResult(Path(name), None)
    if kind == "jsonl":
        return _convert_lines(data, name, result), result
    units, findings = read_yaml(data, name) if kind == "yaml" else read_json(data, name)
    result.problems.extend(findings)
    if result.failed or not units:
        return None, result
    original = units[0].value
    if kind == "json":
        # Read again with the standard library, which keeps every integer exact (the
        # validator's reader turns integers beyond 64 bits into floats).
        original = json.loads(data.decode("utf-8-sig"))
    try:
        value, changes = migrate_value(original)
    except MigrationProblem as error:
        result.problems.append(_problem(error, name))
        return None, result
    result.changes = changes
    if not changes:
        return data, result
    edited = _version_only_edit(data, kind, value)
    if edited is not None:
        return edited, result
    if kind == "yaml":
        text = data.decode("utf-8-sig")
        result.comments_dropped = bool(re.search(r"(^|\s)#", text))
        dumped = yaml.safe_dump(
            value, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100
        )
        return _with_bom(data, dumped.encode("utf-8")), result
    return _with_bom(data, _dump_json(data.decode("utf-8-sig"), value).encode("utf-8")), result


def _dump_json(original: str, value: Any) -> str:
    """``value`` as JSON in the layout of ``original``, ending as ``original`` ends."""
    layout = read_layout(original)
    return dump(value, layout) + _trailing(original)


_VERSION_IN_TEXT = re.compile(
    r"""(?P<head>["']?dipos_version["']?\s*:\s*)(?P<quote>["'])0\.1(?P=quote)"""
)


def _version_only_edit(data: bytes, kind: Kind, converted: Any) -> bytes | None:
    """The file with only its ``dipos_version`` value edited in the text, when that alone
    gives the converted value: everything else (comments, spacing, number formats) stays
    byte for byte. ``None`` when more than the version changes."""
    text = data.decode("utf-8")
    edited, count = _VERSION_IN_TEXT.subn(r"\g<head>\g<quote>0.2\g<quote>", text)
    if count != 1:
        return None
    reread = edited.encode("utf-8")
    units, findings = read_yaml(reread, "") if kind == "yaml" else read_json(reread, "")
    if any(f.severity == "error" for f in findings) or not units or units[0].value != converted:
        return None
    return reread


def _with_bom(original: bytes, converted: bytes) -> bytes:
    return BOM + converted if original.startswith(BOM) else converted


def _trailing(original: str) -> str:
    """The line ending that ended the original text, if any."""
    stripped = original.rstrip("\r\n")
    return original[len(stripped) :]


def _convert_lines(data: bytes, name: str, result: FileResult) -> bytes | None:
    out: list[bytes] = []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        findings, unit, _content = read_line(raw, name, number, number == 1)
        result.problems.extend(findings)
        if unit is None or any(f.severity == "error" for f in findings):
            # A line that cannot be read (or has a key twice, whose first value converting
            # would lose) is kept as it is, and reported: the other lines are still
            # converted, as the validator still checks them.
            out.append(raw)
            continue
        try:
            value, changes = migrate_value(
                json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
            )
        except MigrationProblem as error:
            result.problems.append(_problem(error, name, number))
            return None
        if not changes:
            out.append(raw)
            continue
        result.changes.extend(f"line {number}: {change}" for change in changes)
        body = raw.rstrip(b"\r\n")
        ending = raw[len(body) :]
        first = number == 1 and body.startswith(BOM)
        text = body.decode("utf-8-sig" if first else "utf-8").strip()
        layout = read_layout(text)
        layout.inline.add(())  # a line stays one line
        line = dump(value, layout).encode("utf-8")
        out.append((BOM if first else b"") + line + ending)
    return b"".join(out)


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, renamed
    over the target: a reader sees the old file or the new one, never half of one."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if target.exists():
            Path(tmp).chmod(target.stat().st_mode & 0o7777)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def migrate_file(source: Path, kind: Kind, target: Path | None) -> FileResult:
    """Convert one file. ``target``: where to write the result (the source itself to
    rewrite it in place), or ``None`` to only report what would change."""
    try:
        data = source.read_bytes()
    except OSError as error:
        result = FileResult(source, target)
        result.problems.append(problem(f"cannot read the file: {error.strerror}", str(source)))
        return result
    converted, result = convert_text(data, kind, str(source))
    result.source, result.target = source, target
    if converted is None or target is None:
        return result
    same_file = target.exists() and target.resolve() == source.resolve()
    if same_file and converted == data:
        return result
    try:
        write_atomically(target, converted)
    except OSError as error:
        result.problems.append(problem(f"cannot write {target}: {error.strerror}", str(source)))
        return result
    result.written = True
    return result
