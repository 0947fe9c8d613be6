"""The shipped reference list: generated, checked, valid, and usable by id."""

import csv
import json
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest

from dipos import validate
from dipos.cli import main
from dipos.patterns import ID_PATTERN
from dipos.reference import by_id, load, reference_path
from dipos.reference.generate import non_members, render, verified
from dipos.version import SCHEMA_VERSION

REPO_ROOT = Path(__file__).resolve().parents[2]
IDENTIFIERS = REPO_ROOT.parent / "shared" / "reference" / "identifiers.md"
"""The project's notes of checked identifiers (beside the repository, not shipped)."""


def test_regenerating_gives_the_committed_file() -> None:
    assert reference_path().read_text(encoding="utf-8") == render(), (
        "run python -m dipos.reference.generate"
    )


def test_the_generator_check_mode() -> None:
    from dipos.reference.generate import main as generate

    assert generate(["--check"]) == 0


def test_every_qid_comes_from_the_checked_table() -> None:
    table = {row["wikidata"] for row in verified() if row["wikidata"]}
    shipped = {r["wikidata"] for r in by_id().values() if "wikidata" in r}
    assert shipped == table


def test_every_qid_of_the_checked_table_is_in_the_project_notes() -> None:
    if not IDENTIFIERS.is_file():
        pytest.skip(f"{IDENTIFIERS} is not here")
    listed = set(re.findall(r"\|\s*(Q[0-9]+)\s*\|", IDENTIFIERS.read_text(encoding="utf-8")))
    for row in verified():
        if row["wikidata"]:
            assert row["wikidata"] in listed, row["id"]


def test_every_row_says_how_it_was_checked_and_its_codes_exist() -> None:
    for row in verified():
        assert row["checked"].strip(), row["id"]
        code = row["iso3166"]
        if code:
            subdivision: Any = pycountry.subdivisions.get
            found = subdivision(code=code) if "-" in code else pycountry.countries.get(alpha_2=code)
            assert found is not None, code
        if row["iso3166_1_alpha3"]:
            assert pycountry.countries.get(alpha_3=row["iso3166_1_alpha3"]) is not None


def test_states_and_countries() -> None:
    data = load()
    states = [a for a in data["actors"] if a["kind"] == "state"]
    assert len(states) == 193  # the member states of the United Nations
    assert len(data["territories"]) >= len(pycountry.countries)
    assert len(non_members()) == len(pycountry.countries) - 193
    assert by_id()["dipos:actor/RUS"]["iso3166_1_alpha3"] == "RUS"
    assert by_id()["dipos:territory/UA-14"]["iso3166"] == "UA-14"
    assert by_id()["dipos:territory/UA-14"]["wikidata"] == "Q2012050"
    assert data["dipos_version"] == SCHEMA_VERSION
    for record_id in by_id():
        assert re.match(ID_PATTERN, record_id), record_id


def test_the_reference_list_is_a_strict_valid_dataset(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = validate(reference_path(), reference=False)
    assert report.ok, report.errors[:3]
    assert not report.warnings, report.warnings[:3]
    # Checked itself, the list is not also its own context (no duplicate ids).
    assert validate(reference_path()).ok
    assert main(["validate", "--strict", str(reference_path())]) == 0
    capsys.readouterr()


def test_the_verified_table_is_well_formed() -> None:
    path = reference_path().parent / "verified.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len({row["id"] for row in rows}) == len(rows)


USING = {
    "type": "dataset",
    "dipos_version": SCHEMA_VERSION,
    "territories": [
        {
            "type": "territory",
            "id": "terr-somewhere",
            "name": "Somewhere",
            "kind": "city",
            "part_of": "dipos:territory/UA-14",
        }
    ],
    "actors": [
        {
            "type": "actor",
            "id": "actor-envoy",
            "name": "An envoy",
            "kind": "person",
            "represents": "dipos:actor/RUS",
        }
    ],
}


def test_a_dataset_may_use_reference_ids_without_defining_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.json"
    data.write_text(json.dumps(USING))
    assert validate(data).ok
    assert main(["validate", "--strict", str(data)]) == 0
    report = validate(data, reference=False)
    assert sorted(f.rule for f in report.errors) == ["ref-unresolved", "ref-unresolved"]
    assert main(["validate", "--no-reference", str(data)]) == 1
    capsys.readouterr()


def test_a_reference_id_of_the_wrong_type_is_reported(tmp_path: Path) -> None:
    value = json.loads(json.dumps(USING))
    value["actors"][0]["represents"] = "dipos:territory/RU"
    data = tmp_path / "data.json"
    data.write_text(json.dumps(value))
    assert [f.rule for f in validate(data).errors] == ["ref-wrong-type"]
