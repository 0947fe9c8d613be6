"""Broken input of every kind: exit 1 (or 2) with a clear message, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pytest

from dipos.cli import main

from .conftest import BROKEN

BROKEN_CASES = sorted(BROKEN.iterdir())

# Inputs that are readable but not valid dipos data: exit 0 only for the ones that are valid
# (a BOM is a warning; CRLF line ends and a huge integer in an extension are fine).
PASSING = {"bom.json", "crlf.json", "huge-integer.json"}


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert "internal error" not in err
    return code, out + err


@pytest.mark.parametrize("case", BROKEN_CASES, ids=lambda p: p.name)
def test_broken_file(capsys: pytest.CaptureFixture[str], case: Path) -> None:
    code, output = check(capsys, str(case))
    if case.name in PASSING:
        assert code == 0
        return
    assert code == 1
    first = output.splitlines()[0]
    assert first.startswith(str(case)), first
    assert " error [" in first
    assert "hint: " in first


def test_all_broken_files_together(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = check(capsys, str(BROKEN))
    assert code == 1
    assert f"in {len(BROKEN_CASES)} files" in output


@pytest.mark.parametrize("depth", [100, 500, 1_100, 100_000])
def test_deeply_nested_json(capsys: pytest.CaptureFixture[str], tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"type": "actor", "x_deep": ' + "[" * depth + "]" * depth + "}")
    code, output = check(capsys, str(path))
    if depth <= 100:
        assert code == 1
        assert "[schema-required]" in output
    else:
        assert code == 1
        assert "nested too deeply" in output


def test_deeply_nested_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    good = '{"type": "actor", "id": "a", "name": "A", "kind": "state"}\n'
    path.write_text(good + "[" * 50_000 + "]" * 50_000 + "\n" + good.replace('"a"', '"b"'))
    code, output = check(capsys, str(path))
    assert code == 1
    assert f"{path}:2:" in output
    assert "nested too deeply" in output
    assert output.count(" error [") == 1


def test_deeply_nested_yaml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("x_deep: " + "[" * 20_000 + "]" * 20_000 + "\n")
    code, output = check(capsys, str(path))
    assert code == 1
    assert "[syntax-yaml]" in output


def test_very_long_string(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    quote = "a" * 5_000_000
    path.write_text(
        '{"type": "position", "id": "p", "holders": ["h"], "move": "demand", "topics": ["x"], '
        f'"summary": "s", "evidence": [{{"source": "s", "quote": "{quote}", '
        '"quote_kind": "direct"}]}'
    )
    code, output = check(capsys, str(path))
    assert code == 1
    assert "the quote is too long (5,000,000 characters; at most 500)" in output
    assert len(output) < 20_000  # the long value is never echoed in full


def test_very_long_key_and_many_unknown_properties(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "keys.json"
    keys = ", ".join(f'"k{i}": {i}' for i in range(2_000))
    path.write_text('{"type": "actor", "id": "a", "name": "A", "kind": "state", ' + keys + "}")
    code, output = check(capsys, str(path))
    assert code == 1
    assert output.count("[schema-additional-property]") == 2_000


def test_many_lines_one_bad(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    lines = [
        f'{{"type": "actor", "id": "a{i}", "name": "A", "kind": "state"}}' for i in range(3_000)
    ]
    lines[1_234] = lines[1_234][:-5]
    path.write_text("\n".join(lines) + "\n")
    code, output = check(capsys, str(path))
    assert code == 1
    assert f"{path}:1235:" in output
    assert "valid" in output
    assert "2999 records" in output


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    """The installed command, in its own process, on the whole corpus and a deep file."""
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    result = subprocess.run(
        [sys.executable, "-m", "dipos", "validate", str(BROKEN), str(deep)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "nested too deeply" in result.stdout
