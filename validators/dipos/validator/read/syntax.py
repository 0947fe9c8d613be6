"""The syntax layer: read bytes into JSON values, reporting every syntax problem.

* Encoding: the bytes must be UTF-8. A UTF-8 byte-order mark at the start of the
  file is a warning and is skipped; other encodings (UTF-16, Latin-1) and binary
  files are errors. Only the file's first bytes are read as a byte-order mark: on a
  later JSON Lines line the same bytes are text (invalid UTF-8, for a UTF-16 mark).
* JSON (``.json``): one value, parsed with orjson (a large dataset file is read
  as a stream of records instead, see :mod:`dipos.validator.read.jsonstream`).
  Duplicate keys are found by comparing the number of keys in the text with the
  number parsed (cheap), and only when they differ by the slower
  position-tracking scan.
* JSON Lines lines are parsed from their bytes (orjson checks the UTF-8); a line
  is decoded to text only when it has a problem to locate.
* JSON Lines (``.jsonl``): read line by line, never whole; a bad line is reported
  with its number and the other lines are still read. Blank lines are skipped.
* YAML: see :mod:`dipos.validator.read.yamlload`.
"""

from dataclasses import dataclass, field
from typing import Any

import orjson

from ..findings import Finding, finding
from ..paths import Path
from .domain import LONE_SURROGATE, NESTED_TOO_DEEPLY, NUMBER_TOO_LARGE
from .positions import NO_POSITIONS, Positions, TextPositions
from .textscan import may_have_duplicate_keys, may_have_duplicate_keys_in_bytes, scan

BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class Unit:
    """A parsed JSON value: a whole file, one line of a JSON Lines file, or one piece of
    a streamed dataset."""

    value: Any
    line: int | None = None
    """For JSON Lines, the line's number."""
    positions: Positions = field(default=NO_POSITIONS)
    """Where the value's parts are in the file (:mod:`.positions`), to place findings."""
    base: Path = ()
    """The JSON path of the value in the file (a streamed record's ``("positions", 3)``)."""


def bom_warning(file: str, line: int = 1) -> Finding:
    """The warning for a byte-order mark at the start of a file."""
    return finding(
        "syntax-bom", "the file starts with a UTF-8 byte-order mark (BOM)", file, line, 1
    )


_WIDE_MARKS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "UTF-16 (big-endian)"),
)


def other_encoding(data: bytes) -> str | None:
    """The name of a UTF-16 or UTF-32 encoding the bytes are in, by their byte-order mark
    or, without one, by where the zero bytes of the first (ASCII) characters fall."""
    for mark, name in _WIDE_MARKS:  # UTF-32 first: its little-endian mark starts as UTF-16's
        if data.startswith(mark):
            return name
    head = data[:4]
    if len(head) == 4 and head.count(0) in (2, 3):
        zeros = (head[0] == 0, head[1] == 0, head[2] == 0, head[3] == 0)
        return {
            (False, True, True, True): "UTF-32 (little-endian)",
            (True, True, True, False): "UTF-32 (big-endian)",
            (False, True, False, True): "UTF-16 (little-endian)",
            (True, False, True, False): "UTF-16 (big-endian)",
        }.get(zeros)
    return None


def decode(
    data: bytes, file: str, line: int | None = None, file_start: bool = True
) -> tuple[str | None, list[Finding]]:
    """Decode UTF-8 bytes; report a BOM, binary content and other encodings.

    ``file_start``: whether ``data`` starts the file. Only there can its first bytes be a
    byte-order mark; elsewhere (a later JSON Lines line) they are read as UTF-8 like the rest.
    """
    findings: list[Finding] = []
    if file_start and data.startswith(BOM):
        findings.append(bom_warning(file, line or 1))
        data = data[len(BOM) :]
    other = other_encoding(data) if file_start else None
    if other is not None:
        findings.append(
            finding(
                "syntax-encoding",
                f"the file is {other}, not UTF-8: save it as UTF-8",
                file,
                line or 1,
                1,
            )
        )
        return None, findings
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        at_line = (line or 1) + before.count(b"\n")
        column = error.start - (before.rfind(b"\n") + 1) + 1
        if b"\x00" in data[:8192]:
            message = "this is a binary file, not UTF-8 text"
        else:
            message = (
                f"byte 0x{data[error.start]:02x} is not valid UTF-8 (was the file saved as "
                "Latin-1 or Windows-1252?)"
            )
        findings.append(finding("syntax-encoding", message, file, at_line, column))
        return None, findings
    if "\x00" in text:
        findings.append(
            finding(
                "syntax-encoding",
                "the file contains NUL characters: it is binary, not text",
                file,
                line or 1,
                text.index("\x00") + 1,
            )
        )
        return None, findings
    return text, findings


def _json_error(
    error: orjson.JSONDecodeError, text: str, rule: str, file: str, line: int | None
) -> Finding:
    message = str(error.msg)
    lowered = message.lower()
    if "not enough memory" in lowered or "out of memory" in lowered:
        # Not a problem of the data: the run cannot be done (the command exits 2).
        raise MemoryError(message)
    if "surrogate" in lowered:
        rule = "syntax-encoding"
        message = LONE_SURROGATE
    elif "infinity when parsed as double" in lowered:
        message = NUMBER_TOO_LARGE
    elif "recursion" in lowered or "depth limit" in lowered:
        message = NESTED_TOO_DEEPLY
    elif error.pos >= len(text.rstrip()) and "EOF" in message:
        message = f"the JSON ends too early ({message}): a bracket, brace or quote is missing"
    if rule == "syntax-jsonl":
        message = f"the line is not one complete JSON object: {message}"
    at_line, column = TextPositions(text, (line or 1, 1)).at_offset(error.pos)
    return finding(rule, message, file, at_line, column)


def duplicate_key_findings(positions: TextPositions, value: Any, file: str) -> list[Finding]:
    """Duplicate keys in a JSON text that parsed to ``value`` (cheap when there are none),
    placed in the file and given their path in it by the text's ``positions``."""
    if not may_have_duplicate_keys(positions.text, value):
        return []
    found = []
    for path, offset in scan(positions.text, wanted=()).duplicates:
        at_line, column = positions.at_offset(offset)
        found.append(
            finding(
                "syntax-duplicate-key",
                f"the key {path[-1]!r} appears twice in this object; only the last value "
                "would be kept",
                file,
                at_line,
                column,
                (*positions.base, *path),
            )
        )
    return found


def read_json(data: bytes, file: str) -> tuple[list[Unit], list[Finding]]:
    """Parse a ``.json`` file: one value."""
    if not data.strip(b" \t\r\n" + BOM):
        return [], [finding("syntax-empty", "the file is empty", file)]
    text, findings = decode(data, file)
    if text is None:
        return [], findings
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return [], [*findings, _json_error(error, text, "syntax-json", file, None)]
    positions = TextPositions(text)
    findings.extend(duplicate_key_findings(positions, value, file))
    return [Unit(value, positions=positions)], findings


def read_line(
    raw: bytes, file: str, number: int, first: bool
) -> tuple[list[Finding], Unit | None, bool]:
    """Parse one line of a ``.jsonl`` file (``first``: the file's first line, which may
    start with a byte-order mark): its findings, its value, and whether it has content."""
    if not raw.strip(b" \t\r\n" + (BOM if first else b"")):
        return [], None, False
    text, findings = decode(raw, file, number, file_start=first)
    if text is None:
        return findings, None, True
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError as error:
        return [*findings, _json_error(error, text, "syntax-jsonl", file, number)], None, True
    positions = TextPositions(text, (number, 1))
    findings.extend(duplicate_key_findings(positions, value, file))
    return findings, Unit(value, number, positions), True


def line_positions(raw: bytes, number: int, first: bool) -> TextPositions:
    """The positions in a JSON Lines line that parsed (``first``: the file's first line,
    whose byte-order mark is not counted as a column)."""
    return TextPositions(raw.decode("utf-8-sig" if first else "utf-8"), (number, 1))


def line_duplicate_keys(raw: bytes, value: Any, file: str, line: int) -> list[Finding]:
    """Duplicate keys in a JSON Lines line that parsed to ``value`` (cheap when none)."""
    if not may_have_duplicate_keys_in_bytes(raw, value):
        return []
    return duplicate_key_findings(line_positions(raw, line, first=False), value, file)


def empty_file(file: str) -> Finding:
    return finding("syntax-empty", "the file is empty", file)
