"""``dipos migrate`` on the command line: where it writes, what it says, its exit codes."""

import json
from pathlib import Path

import pytest

from dipos.cli import main

V01 = (
    '{\n  "type": "dataset",\n  "dipos_version": "0.1",\n  "actors": [\n'
    '    {"type": "actor", "id": "a", "name": "A", "kind": "state", "x_row": 3}\n  ]\n}\n'
)
V02 = (
    '{\n  "type": "dataset",\n  "dipos_version": "0.2",\n  "actors": [\n'
    '    {"type": "actor", "id": "a", "name": "A", "kind": "state", '
    '"extensions": {"x_row": 3}}\n  ]\n}\n'
)
DONE = "type: actor\nid: b\nname: B\nkind: state\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "sub").mkdir(parents=True)
    (data / "one.json").write_text(V01, encoding="utf-8")
    (data / "sub" / "two.jsonl").write_text(
        '{"type": "dataset", "dipos_version": "0.1"}\n', encoding="utf-8"
    )
    (data / "sub" / "done.yaml").write_text(DONE, encoding="utf-8")
    return data


def test_without_an_output_nothing_is_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert "would convert" in out
    assert "nothing written" in err
    assert (folder / "one.json").read_text(encoding="utf-8") == V01


def test_in_place_rewrites_the_files_that_change(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (folder / "sub" / "done.yaml").stat().st_mtime_ns
    assert main(["migrate", str(folder), "--in-place"]) == 0
    assert (folder / "one.json").read_text(encoding="utf-8") == V02
    assert (folder / "sub" / "two.jsonl").read_text(encoding="utf-8") == (
        '{"type": "dataset", "dipos_version": "0.2"}\n'
    )
    assert (folder / "sub" / "done.yaml").stat().st_mtime_ns == before
    assert not [p for p in folder.rglob("*") if p.name.startswith(".")]
    assert "2 to convert, 2 written" in capsys.readouterr().out
    # A second run finds nothing to do.
    assert main(["migrate", str(folder)]) == 0


def test_output_folder_gets_every_file_with_its_path(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["migrate", str(folder), "-o", str(out), "-q"]) == 0
    assert (out / "one.json").read_text(encoding="utf-8") == V02
    assert (
        json.loads((out / "sub" / "two.jsonl").read_text(encoding="utf-8"))["dipos_version"]
        == "0.2"
    )
    assert (out / "sub" / "done.yaml").read_text(encoding="utf-8") == DONE
    assert (folder / "one.json").read_text(encoding="utf-8") == V01


def test_a_file_given_by_name_keeps_its_name(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["migrate", str(folder / "one.json"), "-o", str(out), "-q"]) == 0
    assert (out / "one.json").read_text(encoding="utf-8") == V02


def test_output_into_the_input_itself_is_refused(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["migrate", str(folder), "-o", str(folder)]) == 2
    assert "--in-place" in capsys.readouterr().err
    assert (folder / "one.json").read_text(encoding="utf-8") == V01


def test_two_inputs_into_one_output_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.json").write_text(V01, encoding="utf-8")
    out = tmp_path / "out"
    code = main(["migrate", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out)])
    assert code == 2
    assert "both be written" in capsys.readouterr().err
    assert not out.exists()


def test_in_place_and_output_exclude_each_other(folder: Path, tmp_path: Path) -> None:
    assert main(["migrate", str(folder), "--in-place", "-o", str(tmp_path / "o")]) == 2


@pytest.mark.parametrize("given", ["missing.json", "-"])
def test_a_path_that_cannot_be_read_is_exit_2(
    tmp_path: Path, given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = given if given == "-" else str(tmp_path / given)
    assert main(["migrate", path, "--in-place"]) == 2
    assert "dipos migrate: error:" in capsys.readouterr().err


def test_a_folder_without_data_files_is_exit_2(tmp_path: Path) -> None:
    assert main(["migrate", str(tmp_path), "--in-place"]) == 2


def test_a_broken_file_is_reported_and_the_others_converted(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "broken.json").write_text('{"type": "actor",', encoding="utf-8")
    (folder / "future.json").write_text(
        '{"type": "dataset", "dipos_version": "9.9"}', encoding="utf-8"
    )
    assert main(["migrate", str(folder), "--in-place"]) == 1
    err = capsys.readouterr().err
    assert "broken.json:1: error [syntax-json]" in err
    assert "future.json: error [migrate-problem] $.dipos_version: the dataset declares" in err
    assert 'dipos_version "9.9"' in err
    assert "Traceback" not in err
    assert (folder / "broken.json").read_text(encoding="utf-8") == '{"type": "actor",'
    assert (folder / "one.json").read_text(encoding="utf-8") == V02


def test_migrated_files_validate(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(folder)]) == 1
    assert "dipos migrate" in capsys.readouterr().out
    assert main(["migrate", str(folder), "--in-place", "-q"]) == 0
    assert main(["validate", str(folder)]) == 0
