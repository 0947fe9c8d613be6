"""``dipos lookup`` finds states and subdivisions by any spelling."""

import json

import pytest

from dipos.cli import main
from dipos.reference.lookup import lookup


@pytest.mark.parametrize(
    ("spelling", "code"),
    [
        ("Россия", "RU"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("rus", "RU"),
        ("Ucrania", "UA"),
        ("Україна", "UA"),
        ("Ukrane", "UA"),
        ("Lugansk", "UA-09"),
        ("Luhansk Oblast", "UA-09"),
        ("Zaporozhye", "UA-23"),
        ("Donetsk", "UA-14"),
        ("ua-14", "UA-14"),
        ("Deutschland", "DE"),
        ("Khmelnytskyi", "UA-68"),
    ],
)
def test_found_by_any_spelling(spelling: str, code: str) -> None:
    assert [hit.code for hit in lookup(spelling)][:1] == [code]


def test_json_output_gives_codes_ids_and_checked_qids(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lookup", "Lugansk", "--format", "json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["iso3166_2"] == "UA-09"
    assert hit["territory"] == "dipos:territory/UA-09"
    assert hit["wikidata"] == "Q171965"
    assert main(["lookup", "Russia", "--format", "json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert (hit["alpha_2"], hit["alpha_3"], hit["actor"]) == ("RU", "RUS", "dipos:actor/RUS")


def test_no_qid_is_given_unless_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "Khmelnytskyi", "--format", "json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert "wikidata" not in hit
    assert "territory" not in hit


def test_text_output_and_nothing_found(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "Ucrania"]) == 0
    out = capsys.readouterr().out
    assert "ISO 3166-1: UA / UKR" in out
    assert "dipos:actor/UKR" in out
    assert main(["lookup", "xyzzy"]) == 1
    assert "nothing found" in capsys.readouterr().err
    assert main(["lookup", "--format", "json", "   "]) == 1
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("spelling", "record_id", "qid"),
    [
        ("NATO", "dipos:actor/nato", "Q7184"),
        ("European Union", "dipos:actor/eu", "Q458"),
        ("Zelensky", "dipos:actor/volodymyr-zelenskyy", "Q3874799"),
        ("Crimean Peninsula", "dipos:territory/crimea", "Q7835"),
    ],
)
def test_other_reference_records_are_found_by_their_names(
    spelling: str, record_id: str, qid: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", spelling, "--format", "json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "reference"
    assert record_id in (hit.get("actor"), hit.get("territory"))
    assert hit["wikidata"] == qid
    assert main(["lookup", spelling]) == 0
    assert f"id: {record_id}" in capsys.readouterr().out
