"""Checking a large JSON dataset file as a stream of pieces (:mod:`.jsonstream`).

Each record of the file's lists is checked as it is read, exactly as it would be in
the whole file (same findings, same JSON paths); its findings are located in the
record's own text and placed in the file by the piece's positions (from where the
record starts). The dataset's header (its other members) is checked last. Records are
indexed with their path in the file, so that the rules across records read back only
the records they need and place their findings in them
(:mod:`dipos.validator.read.reread`).
"""

from typing import Any, BinaryIO

from ..check.pipeline import FilePart, check_member, check_value
from ..index.compact import CompactIndex, IdHasher
from ..index.fields import RECORD_LIST_KEYS
from ..read.inputs import InputFile
from ..read.jsonstream import DatasetStream, NotStreamable
from ..read.positions import Place, TextPositions, Together, place
from ..read.syntax import bom_warning, duplicate_key_findings
from ..read.textscan import may_have_duplicate_keys


def _stream(file: InputFile) -> tuple[BinaryIO, DatasetStream]:
    assert file.path is not None
    handle = file.path.open("rb")
    return handle, DatasetStream(handle, RECORD_LIST_KEYS)


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
    header_positions: list[TextPositions] = []
    handle, stream = _stream(file)
    try:
        with handle:
            root: Place | None = None
            for piece in stream.pieces():
                if root is None:
                    root = stream.position(stream.root_start)
                if piece.index is None:
                    header[piece.key] = piece.value
                    header_positions.append(stream.positions(piece))
                    continue
                before = len(records.findings)
                check_member(piece.value, piece.base, records, file.name, None, keep_quotes)
                if len(records.findings) > before or may_have_duplicate_keys(
                    piece.text, piece.value
                ):
                    positions = stream.positions(piece)
                    records.findings[before:] = [
                        *duplicate_key_findings(positions, piece.value, file.name),
                        *place(records.findings[before:], positions),
                    ]
    except NotStreamable:
        return None
    assert root is not None  # a streamable file has at least its `type` member
    if stream.bom:
        part.findings.insert(0, bom_warning(file.name))
    for value, positions in zip(header.values(), header_positions, strict=True):
        part.findings.extend(duplicate_key_findings(positions, value, file.name))
    before = len(part.findings)
    check_value(header, part, file.name, None, keep_quotes=keep_quotes)
    part.findings[before:] = place(part.findings[before:], Together(header_positions, root))
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
