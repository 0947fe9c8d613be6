"""The files shipped inside the package for the validator: the schema documents, byte for
byte those of ``schema/`` and what the models generate, and the record layout derived
from the models; all of them part of every installation."""

import json
import tomllib

import pytest

import dipos.schema
from dipos.schema import SCHEMA_FILES, dataset_schema, record_schema
from dipos.schema.files import PACKAGED_DIR, check_packaged, expected_packaged_files
from dipos.schema.layout import build_layout
from dipos.schema.load import LAYOUT_FILE, RECORD_DEFINITIONS, layout, ref_name

from ._support import REPO_ROOT, SCHEMA_DIR

PACKAGE_ROOT = REPO_ROOT / "validators" / "dipos"


def test_the_packaged_copy_is_what_the_models_generate() -> None:
    """One check for the folder: exactly the expected files, each with the expected text
    (``check_packaged`` also names a file that should not be there)."""
    assert sorted(p.name for p in PACKAGED_DIR.iterdir()) == sorted([*SCHEMA_FILES, LAYOUT_FILE])
    assert check_packaged() == []
    for name in SCHEMA_FILES:
        assert (PACKAGED_DIR / name).read_bytes() == (SCHEMA_DIR / name).read_bytes()
    # What the validator reads is that folder.
    expected = expected_packaged_files()
    assert dataset_schema() == json.loads(expected["dataset.schema.json"])
    assert record_schema() == json.loads(expected["record.schema.json"])
    assert layout() == build_layout()


def test_every_data_file_of_the_package_is_package_data() -> None:
    """The wheel's content: a non-editable install ships only the data files that
    pyproject lists, so every file of the package that is not Python must match one."""
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["dipos"]
    data = [
        path.relative_to(PACKAGE_ROOT)
        for path in PACKAGE_ROOT.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
        and not path.name.startswith(".")
    ]
    assert data, "no data file found: the test looks in the wrong place"
    missing = [str(p) for p in data if not any(p.match(pattern) for pattern in patterns)]
    assert missing == []


def test_the_generator_names_are_still_reachable_from_dipos_schema() -> None:
    assert dipos.schema.schema_id("record.schema.json").endswith("/record.schema.json")
    assert callable(dipos.schema.build_schemas)
    with pytest.raises(AttributeError, match="no_such_name"):
        dipos.schema.no_such_name  # noqa: B018


def test_each_record_type_has_its_definition_and_local_refs_are_read() -> None:
    definitions = dataset_schema()["$defs"]
    for record_type, name in RECORD_DEFINITIONS.items():
        assert definitions[name]["properties"]["type"]["const"] == record_type
    assert ref_name({"$ref": "#/$defs/Evidence"}) == "Evidence"
    assert ref_name({"type": "string"}) is None
    assert ref_name({"$ref": "other.json#/x"}) is None
