"""Checking the lines of a JSON Lines file: each line parsed from its bytes, valid
records through the fast path (:mod:`.fastpath`), the others through the pipeline."""

import gc
from collections.abc import Iterable
from typing import Any

import orjson

from ..findings import finding
from ..read.positions import place
from ..read.syntax import line_duplicate_keys, line_positions, read_line
from .fastpath import fast_checks
from .pipeline import FilePart, Progress, check_value, keep_quotes_of
from .rules.record_checks import Problem
from .structure import record_validator


def check_lines(
    lines: Iterable[bytes],
    file: str,
    part: FilePart,
    keep_quotes: bool = False,
    progress: Progress | None = None,
    first_line: int = 1,
    bom_line: int = 1,
) -> tuple[int, bool]:
    """Check lines of a JSON Lines file (numbered from ``first_line``) into ``part``.

    Returns how many lines were read and whether any had content. Each line is parsed
    from its bytes; a line that does not parse takes the exact way of
    :func:`~dipos.validator.read.syntax.read_line`, which says what is wrong with it. Line
    ``bom_line`` is the first of the file, where a byte-order mark is allowed (0: none).
    """
    # Parsed JSON holds no reference cycles: the cycle collector would only scan the
    # millions of short-lived objects for nothing (about a tenth of the time).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_lines(lines, file, part, keep_quotes, progress, first_line, bom_line)
    finally:
        if collecting:
            gc.enable()


def _check_lines(
    lines: Iterable[bytes],
    file: str,
    part: FilePart,
    keep_quotes: bool,
    progress: Progress | None,
    first_line: int,
    bom_line: int,
) -> tuple[int, bool]:
    loads, dumps, decode_error = orjson.loads, orjson.dumps, orjson.JSONDecodeError
    newline = orjson.OPT_APPEND_NEWLINE
    checks, finish_checks = fast_checks(part.index)
    fast = {t: (record_validator(t).is_valid, check) for t, check in checks.items()}
    findings = part.findings
    number = first_line - 1
    seen_content = False
    valid_records = 0
    for raw in lines:
        number += 1
        try:
            value = loads(raw)
        except decode_error:
            line_findings, unit, content = read_line(raw, file, number, number == bom_line)
            seen_content = seen_content or content
            findings.extend(line_findings)
            if unit is not None:
                _check_line_value(unit.value, raw, part, file, number, bom_line, keep_quotes)
            continue
        try:
            written = dumps(value, None, newline)
        except TypeError:  # nested too deeply for orjson to write
            written = b""
        # A line just as orjson writes its value has no duplicate key (see
        # textscan.may_have_duplicate_keys_in_bytes); any other is checked.
        if raw != written:
            findings.extend(line_duplicate_keys(raw, value, file, number))
        record_type = value.get("type") if type(value) is dict else None
        valid_and_check = fast.get(record_type) if type(record_type) is str else None
        if valid_and_check is not None and valid_and_check[0](value):
            # The common case, kept short: a record (not a dataset) that the schema finds valid.
            valid_records += 1
            found = valid_and_check[1](value, number)
            if found or keep_quotes:
                _valid_line_extras(found, value, raw, part, file, number, bom_line, keep_quotes)
        else:
            seen_content = True
            _check_line_value(value, raw, part, file, number, bom_line, keep_quotes)
        if progress is not None and (part.records + valid_records) % 5000 == 0:
            progress(part.records + valid_records)
    finish_checks()
    part.records += valid_records
    seen_content = seen_content or valid_records > 0
    return number - first_line + 1, seen_content


def _check_line_value(
    value: Any,
    raw: bytes,
    part: FilePart,
    file: str,
    number: int,
    bom_line: int,
    keep_quotes: bool,
) -> None:
    """Check the value of a line the general way, and locate its findings in the line."""
    before = len(part.findings)
    check_value(value, part, file, number, keep_quotes=keep_quotes)
    if len(part.findings) > before:
        positions = line_positions(raw, number, number == bom_line)
        part.findings[before:] = place(part.findings[before:], positions)


def _valid_line_extras(
    found: list[Problem],
    value: dict[str, Any],
    raw: bytes,
    part: FilePart,
    file: str,
    number: int,
    bom_line: int,
    keep_quotes: bool,
) -> None:
    """For a valid record: place its one-record findings, keep its quotes if asked."""
    if found:
        made = [
            finding(rule, message, file, number, None, rel, value["id"])
            for rule, message, rel in found
        ]
        part.findings.extend(place(made, line_positions(raw, number, number == bom_line)))
    if keep_quotes:
        keep_quotes_of(part, value, str(value["type"]), file, number, ())
