"""Placing findings after the fact: those of the rules across records, found once every
file is read. The file is read again, only as far as needed and the way it was read to
be checked (whole, line by line, or as a stream of records), and the findings are
placed by the positions that reading gives (:mod:`.positions`): the same places as the
findings found while checking."""

from ..findings import Finding
from ..paths import Path
from .inputs import InputFile
from .jsonstream import DatasetStream, NotStreamable
from .positions import Place, TextPositions, Together, place
from .syntax import line_positions
from .yamlload import read_yaml


def place_in_file(
    file: InputFile, findings: list[Finding], *, streamed: bool, list_keys: frozenset[str]
) -> list[Finding]:
    """The findings of one file with their lines and columns (``streamed``: the file was
    checked as a stream of records, whose record lists are ``list_keys``). A file that
    changed since it was checked leaves the findings it no longer matches unplaced."""
    if all(f.column is not None for f in findings):
        return findings
    if file.kind == "jsonl":
        return _in_lines(file, findings)
    if streamed:
        return _in_pieces(file, findings, list_keys)
    data = file.read_bytes()
    if file.kind == "yaml":
        units, _ = read_yaml(data, file.name)  # remembered from the check: not parsed again
        return place(findings, units[0].positions) if units else findings
    try:
        return place(findings, TextPositions(data.decode("utf-8-sig")))
    except UnicodeDecodeError:
        return findings


def _in_lines(file: InputFile, findings: list[Finding]) -> list[Finding]:
    """Findings on lines of a JSON Lines file: the file is read again up to the last line
    concerned, and only those lines are decoded."""
    by_line: dict[int, list[Finding]] = {}
    placed: list[Finding] = []
    for f in findings:
        if f.line is None:
            placed.append(f)
        else:
            by_line.setdefault(f.line, []).append(f)
    if not by_line:
        return placed
    last = max(by_line)
    with file.open() as handle:
        for number, raw in enumerate(handle, 1):
            group = by_line.pop(number, None)
            if group is not None:
                try:
                    placed.extend(place(group, line_positions(raw, number, number == 1)))
                except ValueError:  # the line changed since it was checked
                    placed.extend(group)
            if number >= last:
                break
    for group in by_line.values():  # lines no longer there
        placed.extend(group)
    return placed


def _in_pieces(
    file: InputFile, findings: list[Finding], list_keys: frozenset[str]
) -> list[Finding]:
    """Findings in a streamed dataset file: the stream is read again, and each finding is
    placed in the piece (record, or header member) its path lies in; a finding in no
    piece at the dataset's opening brace."""
    by_piece: dict[Path, list[Finding]] = {}
    at_root: list[Finding] = []
    for f in findings:
        if len(f.path) >= 2 and f.path[0] in list_keys and isinstance(f.path[1], int):
            by_piece.setdefault(f.path[:2], []).append(f)
        elif f.path and isinstance(f.path[0], str):
            by_piece.setdefault(f.path[:1], []).append(f)
        else:
            at_root.append(f)
    placed: list[Finding] = []
    root: Place = (1, 1)
    try:
        assert file.path is not None
        with file.path.open("rb") as handle:
            stream = DatasetStream(handle, list_keys)
            for number, piece in enumerate(stream.pieces()):
                if number == 0:
                    root = stream.position(stream.root_start)
                group = by_piece.pop(piece.base, None)
                if group is not None:
                    placed.extend(place(group, stream.positions(piece)))
    except NotStreamable:  # the file changed since it was checked
        return findings
    rest = [f for group in [at_root, *by_piece.values()] for f in group]
    placed.extend(place(rest, Together([], root)))
    return placed
