"""The files shipped inside the package for the validator: the schema documents, byte for
byte those of ``schema/`` and what the models generate, and the record layout derived
from the models; all of them part of every installation."""

import ast
import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import dipos.schema
from dipos.schema import SCHEMA_FILES, dataset_schema, record_schema
from dipos.schema.files import PACKAGED_DIR, check_packaged, expected_packaged_files
from dipos.schema.layout import build_layout
from dipos.schema.load import LAYOUT_FILE, layout, record_definitions, ref_name
from dipos.version import __version__

from ._support import REPO_ROOT, SCHEMA_DIR

SOURCE_ROOT = REPO_ROOT / "validators"
PACKAGE_ROOT = SOURCE_ROOT / "dipos"
DOCS_TOOLING = ("docsgen", "dipos_docs")
"""The names the documentation site's generator had in the package and has in ``tools/docs``."""


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


def _package_files() -> set[str]:
    """Every file of the package as a wheel names it (``dipos/...``), caches left out."""
    return {
        path.relative_to(SOURCE_ROOT).as_posix()
        for path in PACKAGE_ROOT.rglob("*")
        if path.is_file()
        and path.suffix != ".pyc"
        and "__pycache__" not in path.parts
        and not path.name.startswith(".")
    }


def test_the_docs_generator_is_docs_tooling_not_package() -> None:
    """The site generator (``dipos_docs``) lives in ``tools/docs``, outside the folder
    setuptools packages, and no module of ``dipos`` imports it: an installation never
    needs it. The slow test below builds the wheel itself."""
    import dipos_docs  # on the tests' path (pyproject: pytest pythonpath)

    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["packages"]["find"] == {"where": ["validators"]}
    assert Path(dipos_docs.__file__).resolve().parent == REPO_ROOT / "tools" / "docs" / "dipos_docs"
    modules = [path for path in PACKAGE_ROOT.rglob("*.py") if "__pycache__" not in path.parts]
    inside = [path.relative_to(SOURCE_ROOT) for path in modules]
    assert [str(p) for p in inside if set(p.parts) & set(DOCS_TOOLING)] == []
    importers = []
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            else:
                continue
            if any(set(name.split(".")) & set(DOCS_TOOLING) for name in names):
                importers.append(str(path.relative_to(REPO_ROOT)))
    assert importers == []


@pytest.mark.slow
def test_the_built_wheel_holds_the_package_and_not_the_docs_tooling(tmp_path: Path) -> None:
    """Build the wheel as a release does (pip fetches the build requirements from the
    package index) from a clean copy of the sources, so that no earlier ``build/``
    folder leaks into it; ``tools/docs`` is copied too, and must stay out. The wheel
    holds exactly the files of ``validators/dipos``, and the package runs from it
    alone: it validates the examples and writes their report."""
    source = tmp_path / "source"
    caches = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO_ROOT / name, source / name)
    shutil.copytree(SOURCE_ROOT, source / "validators", ignore=caches)
    shutil.copytree(REPO_ROOT / "tools" / "docs", source / "tools" / "docs", ignore=caches)
    dist = tmp_path / "dist"
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist)]
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = dist.glob("dipos-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        installed = tmp_path / "installed"
        archive.extractall(installed)
    assert {name.split("/")[0] for name in names} == {"dipos", f"dipos-{__version__}.dist-info"}
    assert sorted(n for n in names if set(n.split("/")) & {*DOCS_TOOLING, "hooks.py"}) == []
    assert {n for n in names if n.startswith("dipos/")} == _package_files()
    # The package alone, from the wheel's files (not the editable install), does its work.
    env = {**os.environ, "PYTHONPATH": str(installed)}
    probe = "import dipos, importlib.util as u; print(dipos.__file__, u.find_spec('dipos_docs'))"
    found = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert found.stdout.split() == [str(installed / "dipos" / "__init__.py"), "None"]
    report = subprocess.run(
        [sys.executable, "-m", "dipos", "report", str(REPO_ROOT / "examples"), "-o",
         str(tmp_path / "report")],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert report.returncode == 0, report.stdout + report.stderr
    assert (tmp_path / "report" / "index.html").is_file()


def test_the_generator_names_are_still_reachable_from_dipos_schema() -> None:
    assert dipos.schema.schema_id("record.schema.json").endswith("/record.schema.json")
    assert callable(dipos.schema.build_schemas)
    with pytest.raises(AttributeError, match="no_such_name"):
        dipos.schema.no_such_name  # noqa: B018


def test_each_record_type_has_its_definition_and_local_refs_are_read() -> None:
    definitions = dataset_schema()["$defs"]
    found = record_definitions()
    assert set(found) == set(layout()["record_lists"].values())
    for record_type, name in found.items():
        assert definitions[name]["properties"]["type"]["const"] == record_type
    assert ref_name({"$ref": "#/$defs/Evidence"}) == "Evidence"
    assert ref_name({"type": "string"}) is None
    assert ref_name({"$ref": "other.json#/x"}) is None
