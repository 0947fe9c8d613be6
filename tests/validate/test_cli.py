"""``dipos validate`` on the command line: every option and exit code."""

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from dipos.cli import main

from .conftest import INVALID, VALID

VALID_FILE = VALID / "dataset.json"
TOPIC_WARNING = INVALID / "topic-unknown.json"
REF_ERROR = INVALID / "ref-unresolved.json"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_valid_file_exits_0_with_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(VALID_FILE))
    assert code == 0
    assert out.strip() == "valid: 0 errors, 0 warnings, 0 info in 1 file, 13 records"
    assert err == ""


def test_invalid_file_exits_1_with_located_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(REF_ERROR))
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith(f"{REF_ERROR}:4:")
    assert "error [ref-unresolved] $.positions[0].holders[0] (in pos-1):" in first
    assert 'did you mean "actor-northland"?' in first
    assert "hint: " in first
    assert first.endswith("/rules/#ref-unresolved")
    assert out.splitlines()[-1].startswith("invalid: 1 error, 0 warnings")


def test_directory_is_searched_recursively(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(VALID / "split"))
    assert code == 0
    assert "in 3 files" in out


def test_warnings_pass_unless_strict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(TOPIC_WARNING))
    assert code == 0
    assert "warning [topic-unknown]" in out
    code, out, _ = run(capsys, "--strict", str(TOPIC_WARNING))
    assert code == 1
    assert "(warnings fail with --strict)" in out


def test_select_and_ignore(capsys: pytest.CaptureFixture[str]) -> None:
    case = INVALID / "syntax-jsonl--other-lines-still-checked.jsonl"
    code, out, _ = run(capsys, "--select", "syntax-*", str(case))
    assert code == 1
    assert "[syntax-jsonl]" in out
    assert "[codelist-unknown]" not in out
    code, out, _ = run(capsys, "--ignore", "syntax-jsonl,codelist-unknown", str(case))
    assert code == 0
    assert "[syntax-jsonl]" not in out
    code, out, _ = run(capsys, "--ignore", "syntax-jsonl", "--ignore", "codelist-*", str(case))
    assert code == 0


def test_unknown_rule_exits_2_with_suggestion(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--ignore", "ref-unresolve", str(VALID_FILE))
    assert code == 2
    assert "no rule matches 'ref-unresolve'" in err
    assert "ref-unresolved" in err
    assert out == ""


def test_max_errors_limits_printed_findings(capsys: pytest.CaptureFixture[str]) -> None:
    case = INVALID / "syntax-jsonl--other-lines-still-checked.jsonl"
    code, out, _ = run(capsys, "--max-errors", "1", str(case))
    assert code == 1
    lines = out.splitlines()
    assert sum("error [" in line for line in lines) == 1
    assert "1 more finding not shown (--max-errors 1)" in out
    assert "invalid: 2 errors" in out


WHOLE_NUMBER_ERRORS = {
    ("--max-errors", "0"): "must be at least 1",
    ("--max-errors", "-3"): "must be at least 1",
    ("--max-errors", "many"): "not a whole number: 'many'",
    ("--jobs", "-1"): "must be 0 (one per processor) or more",
    ("--jobs", "2.5"): "not a whole number: '2.5'",
}


@pytest.mark.parametrize(("option", "value"), list(WHOLE_NUMBER_ERRORS))
def test_whole_number_options_say_what_is_wrong(
    capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    code, _, err = run(capsys, option, value, str(VALID_FILE))
    assert code == 2
    assert option in err
    message = WHOLE_NUMBER_ERRORS[option, value]
    assert err.strip().endswith(message)


def test_the_command_guard(capsys: pytest.CaptureFixture[str]) -> None:
    """Every command's body runs in one guard (dipos.cli._common.run_guarded)."""
    import argparse

    from dipos.cli._common import run_guarded

    args = argparse.Namespace(debug=False)

    def raising(error: BaseException) -> Callable[[argparse.Namespace], int]:
        def body(_: argparse.Namespace) -> int:
            raise error

        return body

    assert run_guarded("x", lambda _: 1, args) == 1
    expected: dict[type[Exception], Callable[[Exception], str]] = {
        LookupError: lambda e: f"looked up {e}"
    }
    assert run_guarded("x", raising(KeyError("k")), args, expected) == 2
    assert capsys.readouterr().err == "dipos x: error: looked up 'k'\n"
    assert run_guarded("x", raising(RuntimeError("kaboom")), args, expected) == 2
    assert "dipos x: error: internal error, please report" in capsys.readouterr().err
    for passed_on in (BrokenPipeError(), KeyboardInterrupt()):
        with pytest.raises(type(passed_on)):
            run_guarded("x", raising(passed_on), args)


def test_quiet_prints_only_failures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--quiet", str(VALID_FILE))
    assert (code, out) == (0, "")
    code, out, _ = run(capsys, "-q", str(TOPIC_WARNING))
    assert (code, out) == (0, "")
    code, out, _ = run(capsys, "-q", "--strict", str(TOPIC_WARNING))
    assert code == 1
    assert out.count("\n") == 1
    assert "[topic-unknown]" in out


def test_format_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--format", "json", str(REF_ERROR))
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False
    assert report["counts"]["error"] == 1
    (finding,) = report["findings"]
    assert finding["rule"] == "ref-unresolved"
    assert finding["pointer"] == "/positions/0/holders/0"
    assert finding["path"] == "$.positions[0].holders[0]"
    assert finding["line"] == 4
    assert finding["record_id"] == "pos-1"
    assert finding["docs_url"].endswith("#ref-unresolved")
    assert err.startswith("invalid: 1 error")


def test_format_github(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "github", str(REF_ERROR), str(TOPIC_WARNING))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"::error file={REF_ERROR},line=4,col=")
    assert "title=dipos [ref-unresolved]::$.positions[0].holders[0]: no actor" in lines[0]
    assert "%0AHint: " in lines[0]
    assert any(line.startswith("::warning file=") for line in lines)


def test_format_sarif(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--format", "sarif", str(REF_ERROR))
    assert code == 1
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    run_ = sarif["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    (result,) = run_["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "ref-unresolved"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 4


def test_sources_option(capsys: pytest.CaptureFixture[str]) -> None:
    case = INVALID / "quote-not-found"
    code, out, _ = run(capsys, str(case), "--sources", str(case / "sources"))
    assert code == 1
    assert "[quote-not-found]" in out
    assert "The ministry said" not in out  # never print the source text


def test_sources_must_be_a_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, str(VALID_FILE), "--sources", str(tmp_path / "missing"))
    assert code == 2
    assert "--sources" in err


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = (INVALID / "ref-unresolved.json").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-")
    assert code == 1
    assert out.startswith("-:4:")


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("jsonl", b'{"type": "actor", "id": "a", "name": "A", "kind": "state"}\n'),
        ("yaml", b"type: actor\nid: a\nname: A\nkind: state\n"),
        ("json", b'{"type": "actor", "id": "a", "name": "A", "kind": "state"}'),
    ],
)
def test_stdin_formats(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str, text: bytes
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, _, _ = run(capsys, "--stdin-format", fmt, "-")
    assert code == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, _, _ = run(capsys, "-")  # guessed
    assert code == 0


def test_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.json"))
    assert code == 2
    assert out == ""
    assert err.startswith("dipos validate: error: no such file or directory")


def test_empty_directory_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not data")
    code, _, err = run(capsys, str(tmp_path))
    assert code == 2
    assert "no dipos files found" in err


def test_no_path_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2
    assert "give at least one file" in err


def test_bad_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--format", "xml", str(VALID_FILE))[0] == 2
    assert run(capsys, "--no-such-option", str(VALID_FILE))[0] == 2


def test_unreadable_file_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dipos.validator.read.inputs import InputFile

    def refuse(self: InputFile) -> bytes:
        raise PermissionError(13, "Permission denied", str(self.path))

    # Permissions cannot be relied on (tests may run as root): refuse the read itself.
    monkeypatch.setattr(InputFile, "read_bytes", refuse)
    # (--no-reference: the packaged reference list would be the first file refused.)
    code, out, err = run(capsys, "--no-reference", str(VALID_FILE))
    assert code == 2
    assert out == ""
    assert err == f"dipos validate: error: cannot read {VALID_FILE}: Permission denied\n"


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--list-rules")
    assert code == 0
    assert "ref-unresolved" in out
    assert "error" in out


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "exit codes:" in out
    assert "could not run" in out
    for option in ("--format", "--strict", "--select", "--ignore", "--max-errors", "--quiet",
                   "--sources"):  # fmt: skip
        assert option in out


def test_internal_error_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from dipos.cli import DEBUG_ENV
    from dipos.validator import engine

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(engine, "run", boom)
    monkeypatch.delenv(DEBUG_ENV, raising=False)
    code, _, err = run(capsys, str(VALID_FILE))
    assert code == 2
    assert "internal error, please report" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "--debug", str(VALID_FILE))
    assert code == 2
    assert "Traceback" in err


def test_progress_only_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    from dipos.validator.report.progress import ProgressLine

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert not ProgressLine.wanted(10**9, 1, io.StringIO())
    assert not ProgressLine.wanted(10, 1, Tty())
    stream = Tty()
    assert ProgressLine.wanted(10**9, 1, stream)
    line = ProgressLine(2, stream, min_interval=0)
    line.records_in_file(5000)
    line.file_done(5000)
    line.close()
    assert "1/2 files, 5,000 records checked" in stream.getvalue()


def test_context_resolves_references_without_reporting(
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = INVALID / "ref-unresolved--across-files"
    code, out, _ = run(capsys, str(case / "positions.jsonl"))
    assert code == 1
    assert out.count("[ref-unresolved]") == 3  # actor, source, and the misspelt addressee
    code, out, _ = run(capsys, str(case / "positions.jsonl"), "--context", str(case))
    assert code == 1
    assert out.count("[ref-unresolved]") == 1
    assert "in 1 file, 1 record" in out
    broken = INVALID / "syntax-json.json"
    code, out, _ = run(capsys, str(VALID_FILE), "--context", str(broken))
    assert code == 0  # the context file's own problems are not reported


def test_sources_can_be_repeated(capsys: pytest.CaptureFixture[str]) -> None:
    first = INVALID / "quote-not-found--curly-quotes"
    second = INVALID / "quote-selector-mismatch"
    code, out, _ = run(
        capsys, str(first / "data.json"), "--sources", str(second / "sources"),
        "--sources", str(first / "sources"),
    )  # fmt: skip
    assert code == 1
    assert "[quote-not-found]" in out


def test_large_json_file_gets_a_memory_note(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from dipos.cli import validate_cmd

    monkeypatch.setattr(validate_cmd, "WHOLE_FILE_NOTE_BYTES", 100)
    lines = tmp_path / "big.jsonl"
    lines.write_bytes(VALID_FILE.read_bytes().replace(b"\n", b"") + b"\n")
    record = tmp_path / "record.json"  # a JSON file that is not a dataset: read whole
    record.write_text('{"id": "z", "type": "actor", "name": "' + "Z" * 200 + '", "kind": "state"}')
    code, _, err = run(capsys, str(VALID_FILE), str(lines), str(record))
    assert code == 1  # the same records twice: duplicate ids
    assert err.count("note:") == 1  # the dataset file is streamed, the JSON Lines file too
    assert f"{record} (" in err
    assert "is read whole" in err
    assert "JSON Lines files (.jsonl, one record per line)" in err
    _, _, quiet_err = run(capsys, str(record), "--quiet")
    assert quiet_err == ""
