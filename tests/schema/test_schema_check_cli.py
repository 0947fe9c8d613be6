"""``dipos schema --check`` and ``--write``, run in-process through ``dipos.cli.main``."""

import shutil
from pathlib import Path

import pytest

from dipos.cli import main
from dipos.schema.files import PACKAGED_DIR

from ._support import SCHEMA_DIR


@pytest.fixture
def schema_copy(tmp_path: Path) -> Path:
    """A private copy of the committed schema directory, free to break."""
    copy = tmp_path / "schema"
    shutil.copytree(SCHEMA_DIR, copy)
    return copy


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A private copy of the schema files shipped in the package, free to break."""
    copy = tmp_path / "package-schema"
    shutil.copytree(PACKAGED_DIR, copy)
    return copy


def _check(directory: Path, package_dir: Path | None = None) -> int:
    packaged = ["--package-dir", str(package_dir)] if package_dir else []
    return main(["schema", "--check", "--dir", str(directory), *packaged])


def _write(directory: Path, package_dir: Path) -> int:
    # Always with a private packaged copy: a test never writes into the source tree.
    return main(["schema", "--write", "--dir", str(directory), "--package-dir", str(package_dir)])


def test_committed_schema_directory_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(SCHEMA_DIR) == 0
    out = capsys.readouterr().out
    assert f"{SCHEMA_DIR}: up to date" in out
    assert "schema/json: up to date" in out


def test_edited_packaged_file_is_named(
    schema_copy: Path, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = package_copy / "dataset.schema.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Always", "Usually"), "utf-8")
    assert _check(schema_copy, package_copy) == 1
    err = capsys.readouterr().err
    assert f"{edited}: differs from the models" in err
    assert "record.schema.json" not in err
    assert f"commit {package_copy}/" in err
    assert f"{schema_copy}/" not in err


def test_missing_packaged_file_is_named(
    schema_copy: Path, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package_copy / "record.schema.json").unlink()
    assert _check(schema_copy, package_copy) == 1
    assert f"{package_copy / 'record.schema.json'}: missing" in capsys.readouterr().err


def test_stale_extra_packaged_file_is_named(
    schema_copy: Path, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package_copy / "old.schema.json").write_text("{}\n", encoding="utf-8")
    assert _check(schema_copy, package_copy) == 1
    assert "old.schema.json" in capsys.readouterr().err


def test_drift_in_both_copies_names_both_folders(
    schema_copy: Path, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (schema_copy / "record.schema.json").write_text("{}\n", encoding="utf-8")
    (package_copy / "record.schema.json").write_text("{}\n", encoding="utf-8")
    assert _check(schema_copy, package_copy) == 1
    err = capsys.readouterr().err
    assert "2 file(s) out of date" in err
    assert f"{schema_copy}/" in err
    assert f"{package_copy}/" in err


def test_write_repairs_the_packaged_copy(
    schema_copy: Path, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package_copy / "dataset.schema.json").write_text("{}\n", encoding="utf-8")
    assert _write(schema_copy, package_copy) == 0
    out = capsys.readouterr().out
    assert f"wrote {package_copy / 'dataset.schema.json'}" in out
    assert f"{schema_copy}: 0 file(s) updated" in out
    assert f"{package_copy}: 1 file(s) updated" in out
    assert _check(schema_copy, package_copy) == 0
    for name in ("dataset.schema.json", "record.schema.json"):
        assert (package_copy / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()


def test_edited_schema_file_is_named(schema_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = schema_copy / "record.schema.json"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Always", "Usually"), "utf-8")
    assert _check(schema_copy) == 1
    err = capsys.readouterr().err
    assert "record.schema.json" in err
    assert "dataset.schema.json" not in err
    assert "differs" in err


def test_edited_codelist_is_named(schema_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with (schema_copy / "codelists" / "move.csv").open("a", encoding="utf-8") as handle:
        handle.write("extra,Extra,An extra code,\n")
    assert _check(schema_copy) == 1
    assert "move.csv" in capsys.readouterr().err


def test_missing_file_is_named(schema_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (schema_copy / "dataset.schema.json").unlink()
    assert _check(schema_copy) == 1
    err = capsys.readouterr().err
    assert "dataset.schema.json" in err
    assert "missing" in err


def test_stale_extra_schema_file_is_named(
    schema_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (schema_copy / "old.schema.json").write_text("{}\n", encoding="utf-8")
    assert _check(schema_copy) == 1
    assert "old.schema.json" in capsys.readouterr().err


def test_stale_extra_codelist_is_named(
    schema_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (schema_copy / "codelists" / "retired.csv").write_text("code\n", encoding="utf-8")
    assert _check(schema_copy) == 1
    assert "retired.csv" in capsys.readouterr().err


def test_non_existent_directory_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _check(tmp_path / "nowhere") == 2
    assert "nowhere" in capsys.readouterr().err


def test_write_then_check_passes_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "fresh"
    packaged = tmp_path / "fresh-package"
    assert _write(target, packaged) == 0
    assert _check(target, packaged) == 0
    assert sorted(p.name for p in packaged.iterdir()) == sorted(
        p.name for p in PACKAGED_DIR.iterdir()
    )
    written = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    committed = sorted(
        p.relative_to(SCHEMA_DIR).as_posix()
        for p in SCHEMA_DIR.rglob("*")
        if p.is_file() and not p.relative_to(SCHEMA_DIR).as_posix().startswith("archive/")
    )
    assert written == committed
    assert not [p for p in target.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".")]


def test_write_repairs_a_drifted_directory_and_is_idempotent(
    schema_copy: Path, package_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (schema_copy / "record.schema.json").write_text("{}\n", encoding="utf-8")
    assert _write(schema_copy, package_copy) == 0
    assert f"{schema_copy}: 1 file(s) updated" in capsys.readouterr().out
    assert _write(schema_copy, package_copy) == 0
    assert f"{schema_copy}: 0 file(s) updated" in capsys.readouterr().out
    assert _check(schema_copy, package_copy) == 0


def test_check_and_write_are_mutually_exclusive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--check", "--write"]) == 2
    capsys.readouterr()


def test_check_ignores_the_archived_versions(schema_copy: Path, package_copy: Path) -> None:
    archived = schema_copy / "archive" / "0.1"
    archived.mkdir(parents=True, exist_ok=True)
    (archived / "dataset.schema.json").write_text("{}\n", encoding="utf-8")
    (archived / "codelists").mkdir(exist_ok=True)
    (archived / "codelists" / "move.csv").write_text("code\n", encoding="utf-8")
    assert _check(schema_copy, package_copy) == 0
