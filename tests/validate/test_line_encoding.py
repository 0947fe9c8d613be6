"""A byte-order mark is looked for only at the start of a file, never at the start of a
later JSON Lines line: there, the same bytes are invalid UTF-8 on that line."""

from pathlib import Path

import pytest

from dipos.validator import validate

from .conftest import INVALID

HEADER = b'{"type": "dataset", "dipos_version": "0.2"}\n'


def _encoding_findings(path: Path) -> list[tuple[int | None, int | None, str]]:
    report = validate(path)
    return [(f.line, f.column, f.message) for f in report.findings if f.rule == "syntax-encoding"]


def test_utf16_mark_on_a_later_line_is_invalid_utf8_there() -> None:
    found = _encoding_findings(INVALID / "syntax-encoding--jsonl-line-like-utf16-mark.jsonl")
    assert len(found) == 1
    line, column, message = found[0]
    assert (line, column) == (3, 1)
    assert "UTF-16" not in message
    assert "byte 0xff is not valid UTF-8" in message


@pytest.mark.parametrize("mark", [b"\xff\xfe", b"\xfe\xff"])
@pytest.mark.parametrize("rest", [b"", b'{"type": "actor"}'])
def test_utf16_marks_after_the_first_line(tmp_path: Path, mark: bytes, rest: bytes) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(HEADER + HEADER + mark + rest + b"\n")
    found = _encoding_findings(path)
    assert [(line, column) for line, column, _ in found] == [(3, 1)]
    assert "UTF-16" not in found[0][2]


def test_utf16_mark_at_the_start_of_the_file_is_still_utf16(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\xff\xfe" + HEADER)
    found = _encoding_findings(path)
    assert found[0][:2] == (1, 1)
    assert "UTF-16" in found[0][2]


def test_utf8_mark_on_a_later_line_is_not_skipped_as_a_mark(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(HEADER + b"\xef\xbb\xbf" + HEADER)
    report = validate(path)
    assert [f.rule for f in report.findings if f.line == 2] == ["syntax-jsonl"]
    assert not [f for f in report.findings if f.rule == "syntax-bom"]


def test_utf8_mark_at_the_start_of_the_file_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + HEADER)
    report = validate(path)
    assert [(f.rule, f.line) for f in report.findings] == [("syntax-bom", 1)]
