"""The copy of the schema shipped inside the package, which the validator reads: it is
what the models generate, byte for byte the same as ``schema/``, and part of every
installation."""

import tomllib

import pytest

import dipos.schema
from dipos.schema import SCHEMA_FILES, build_schemas, dataset_schema, record_schema
from dipos.schema.files import PACKAGED_DIR, check_packaged
from dipos.schema.generate import render
from dipos.schema.load import packaged_text

from ._support import REPO_ROOT, SCHEMA_DIR

PACKAGE_ROOT = REPO_ROOT / "validators" / "dipos"


def test_the_packaged_copy_holds_exactly_the_schema_files() -> None:
    assert sorted(p.name for p in PACKAGED_DIR.iterdir()) == sorted(SCHEMA_FILES)


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_packaged_file_is_what_the_models_generate(name: str) -> None:
    assert packaged_text(name) == render(build_schemas()[name])


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_packaged_file_has_the_bytes_of_the_schema_directory(name: str) -> None:
    assert (PACKAGED_DIR / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()


def test_check_packaged_finds_no_drift() -> None:
    assert check_packaged() == []


def test_the_loader_gives_what_the_models_generate() -> None:
    generated = build_schemas()
    assert dataset_schema() == generated["dataset.schema.json"]
    assert record_schema() == generated["record.schema.json"]


def test_the_packaged_files_are_package_data() -> None:
    # A non-editable `pip install .` ships only the data files pyproject lists.
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["dipos"]
    for name in SCHEMA_FILES:
        relative = (PACKAGED_DIR / name).relative_to(PACKAGE_ROOT)
        assert any(relative.match(pattern) for pattern in patterns), relative


def test_the_generator_names_are_still_reachable_from_dipos_schema() -> None:
    assert dipos.schema.schema_id("record.schema.json").endswith("/record.schema.json")
    assert callable(dipos.schema.build_schemas)
    with pytest.raises(AttributeError, match="no_such_name"):
        dipos.schema.no_such_name  # noqa: B018


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_the_loader_reads_the_folder_that_write_and_check_keep(name: str) -> None:
    assert packaged_text(name) == (PACKAGED_DIR / name).read_text(encoding="utf-8")
