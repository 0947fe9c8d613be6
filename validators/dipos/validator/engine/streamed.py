"""Checking a large JSON dataset file as a stream of pieces (:mod:`.jsonstream`).

Each record of the file's lists is checked as it is read, exactly as it would be in
the whole file (same findings, same JSON paths); its findings are located in the
record's own text and placed in the file from where the record starts. The dataset's
header (its other members) is checked last. Records are indexed with their path in
the file, so that the rules across records read back only the records they need
(:func:`~dipos.validator.read.jsonstream.read_sparse`) and locate their findings in them
(:func:`locate_streamed`).
"""

from dataclasses import replace
from typing import Any, BinaryIO

from ..check.pipeline import FilePart, check_member, check_value
from ..findings import Finding
from ..index.compact import CompactIndex, IdHasher
from ..index.fields import RECORD_LISTS
from ..paths import Path
from ..read.inputs import InputFile
from ..read.jsonstream import DatasetStream, NotStreamable, Piece
from ..read.syntax import bom_warning, duplicate_key_findings
from ..read.textscan import LineIndex, nearest_path, scan

Place = tuple[int, int]
"""Line and column (1-based)."""

_LIST_KEYS = frozenset(RECORD_LISTS)


def _stream(file: InputFile) -> tuple[BinaryIO, DatasetStream]:
    assert file.path is not None
    handle = file.path.open("rb")
    return handle, DatasetStream(handle, _LIST_KEYS)


def _in_file(start: Place, inner: Place) -> Place:
    """A line and column within a piece's text, as a line and column of the file."""
    line, column = inner
    if line == 1:
        return start[0], start[1] + column - 1
    return start[0] + line - 1, column


def _locate(text: str, start: Place, base: Path, findings: list[Finding]) -> list[Finding]:
    """Place findings whose paths lie in a piece (found at ``base``) in the file."""
    wanted: set[Path] = set()
    for f in findings:
        rel = f.path[len(base) :]
        wanted.update(rel[:end] for end in range(len(rel) + 1))
    offsets = scan(text, wanted).offsets
    lines = LineIndex(text)
    placed = []
    for f in findings:
        found = nearest_path(f.path[len(base) :], offsets)
        inner = lines.position(offsets[found]) if found is not None else (1, 1)
        line, column = _in_file(start, inner)
        placed.append(replace(f, line=line, column=column))
    return placed


def _rebased(findings: list[Finding], start: Place, base: Path) -> list[Finding]:
    """Findings placed in a piece's own text (path and position), placed in the file."""
    return [
        replace(f, path=(*base, *f.path), line=line, column=column)
        for f in findings
        for line, column in [_in_file(start, (f.line or 1, f.column or 1))]
    ]


def check_streamed(file: InputFile, hasher: IdHasher, keep_quotes: bool) -> FilePart | None:
    """Check a JSON dataset file piece by piece into a part of its own (to be merged into
    the index of the other files); ``None`` when the file cannot be streamed."""
    part = _empty_part(file, hasher)
    # The records are indexed apart, then after the dataset's header: the header is read
    # whole only at the end of the file, but it comes first in the file, and the index's
    # order decides which of two records with the same id is the duplicate (the same
    # answer as when the file is read whole).
    records = _empty_part(file, hasher)
    header: dict[str, Any] = {}
    header_pieces: dict[str, tuple[Piece, Place]] = {}
    handle, stream = _stream(file)
    try:
        with handle:
            root: Place | None = None
            for piece in stream.pieces():
                if root is None:
                    root = stream.position(stream.root_start)
                if piece.index is None:
                    header[piece.key] = piece.value
                    header_pieces[piece.key] = (piece, stream.position(piece.start))
                    continue
                base: Path = (piece.key, piece.index)
                before = len(records.findings)
                check_member(piece.value, base, records, file.name, None, keep_quotes)
                duplicates = duplicate_key_findings(piece.text, piece.value, file.name)
                if duplicates or len(records.findings) > before:
                    start = stream.position(piece.start)
                    records.findings[before:] = [
                        *_rebased(duplicates, start, base),
                        *_locate(piece.text, start, base, records.findings[before:]),
                    ]
    except NotStreamable:
        return None
    assert root is not None  # a streamable file has at least its `type` member
    if stream.bom:
        part.findings.insert(0, bom_warning(file.name))
    for piece, start in header_pieces.values():
        duplicates = duplicate_key_findings(piece.text, piece.value, file.name)
        part.findings.extend(_rebased(duplicates, start, (piece.key,)))
    before = len(part.findings)
    check_value(header, part, file.name, None, keep_quotes=keep_quotes)
    part.findings[before:] = _locate_header(part.findings[before:], header_pieces, root)
    part.findings.extend(records.findings)
    part.records += records.records
    part.quoted.extend(records.quoted)
    part.index.merge(records.index)
    return part


def _empty_part(file: InputFile, hasher: IdHasher) -> FilePart:
    part = FilePart(index=CompactIndex(hasher=hasher))
    # The references are resolved once the part is merged with the other files.
    part.index.flush_at = 2**62
    part.index.start_file(file.name)
    return part


def _locate_header(
    findings: list[Finding], pieces: dict[str, tuple[Piece, Place]], root: Place
) -> list[Finding]:
    placed = []
    for f in findings:
        key = f.path[0] if f.path else None
        if isinstance(key, str) and key in pieces:
            piece, start = pieces[key]
            placed.extend(_locate(piece.text, start, (key,), [f]))
        else:
            placed.append(replace(f, line=root[0], column=root[1]))
    return placed


def locate_streamed(file: InputFile, findings: list[Finding]) -> list[Finding]:
    """Place findings (of the rules across records) in a streamed file, reading it again."""
    by_piece: dict[tuple[str, int | None], list[Finding]] = {}
    placed: list[Finding] = []
    at_root: list[Finding] = []
    for f in findings:
        if len(f.path) >= 2 and f.path[0] in _LIST_KEYS and isinstance(f.path[1], int):
            by_piece.setdefault((str(f.path[0]), f.path[1]), []).append(f)
        elif f.path and isinstance(f.path[0], str):
            by_piece.setdefault((f.path[0], None), []).append(f)
        else:
            at_root.append(f)
    try:
        handle, stream = _stream(file)
        with handle:
            root: Place | None = None
            for piece in stream.pieces():
                if root is None:
                    root = stream.position(stream.root_start)
                group = by_piece.pop((piece.key, piece.index), None)
                if group is not None:
                    base: Path = (piece.key,) if piece.index is None else (piece.key, piece.index)
                    placed.extend(_locate(piece.text, stream.position(piece.start), base, group))
    except NotStreamable:  # the file changed since it was checked
        return findings
    root_place = root or (1, 1)
    for group in [at_root, *by_piece.values()]:
        placed.extend(replace(f, line=root_place[0], column=root_place[1]) for f in group)
    return placed
