"""Checking one file on its own, by the way that suits it: a large JSON dataset as a
stream of records (:mod:`.streamed`), JSON Lines line by line, JSON and YAML whole."""

from collections.abc import Iterator

from ..check.lines import check_lines
from ..check.pipeline import FilePart, Progress, check_value
from ..index.compact import CompactIndex
from ..read.inputs import InputFile
from ..read.jsonstream import streamable
from ..read.positions import place
from ..read.syntax import empty_file, read_json
from ..read.yamlload import read_yaml
from . import streamed


def check_file(
    file: InputFile,
    *,
    keep_quotes: bool = False,
    progress: Progress | None = None,
    index: CompactIndex | None = None,
) -> FilePart:
    """Check one file on its own: syntax, structure, one-record rules; index its records
    (into ``index`` when given: the index of the files before it).

    Raises ``OSError`` when the file cannot be read.
    """
    part = FilePart() if index is None else FilePart(index=index)
    if streamable(file):
        as_stream = streamed.check_streamed(file, part.index.hasher, keep_quotes)
        if as_stream is not None:
            part.findings.extend(as_stream.findings)
            part.records += as_stream.records
            part.quoted.extend(as_stream.quoted)
            part.index.merge(as_stream.index)
            return part
    part.index.start_file(file.name)
    if file.kind == "jsonl":
        _check_json_lines(file, part, keep_quotes, progress)
        return part
    data = file.read_bytes()
    reader = read_yaml if file.kind == "yaml" else read_json
    units, syntax_findings = reader(data, file.name)
    part.findings.extend(syntax_findings)
    for unit in units:
        before = len(part.findings)
        check_value(unit.value, part, file.name, None, keep_quotes=keep_quotes)
        if len(part.findings) > before:
            part.findings[before:] = place(part.findings[before:], unit.positions)
    part.parsed = bool(units)
    return part


def _check_json_lines(
    file: InputFile, part: FilePart, keep_quotes: bool, progress: Progress | None
) -> None:
    with file.open() as handle:
        _, seen_content = check_lines(handle, file.name, part, keep_quotes, progress)
    if not seen_content:
        part.findings.append(empty_file(file.name))


Parts = Iterator[tuple[InputFile, FilePart, bool, bool]]
"""Checked parts, in order: (file, part, whether the file is context, whether the part is
the file's last)."""
