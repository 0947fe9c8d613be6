"""The structure layer: the committed schema, per-type validators, readable messages."""

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dipos.schema import dataset_schema, record_schema
from dipos.validator import validate
from dipos.validator.catalogue import get

from .conftest import INVALID, VALID

REPO = Path(__file__).resolve().parents[2]
STRUCTURE_RULES = {"structure"}


def test_validators_use_the_committed_schema() -> None:
    committed = REPO / "schema"
    assert json.loads((committed / "dataset.schema.json").read_text()) == dataset_schema()
    assert json.loads((committed / "record.schema.json").read_text()) == record_schema()


def _json_cases() -> list[Path]:
    cases = list(VALID.glob("*.json"))
    cases += [
        p for p in INVALID.glob("*.json")
        if p.is_file() and get(p.name.split("--")[0].split(".")[0]).layer != "syntax"
    ]  # fmt: skip
    return sorted(cases)


def _reference_verdict(document: Any) -> bool:
    """python-jsonschema, the reference implementation, on the committed schema."""
    is_dataset = isinstance(document, dict) and document.get("type") == "dataset"
    schema = dataset_schema() if is_dataset else record_schema()
    return bool(jsonschema.Draft202012Validator(schema).is_valid(document))


@pytest.mark.parametrize("case", _json_cases(), ids=lambda p: p.name)
def test_same_verdict_as_python_jsonschema(case: Path) -> None:
    document = json.loads(case.read_text(encoding="utf-8"))
    report = validate(case)
    structure_findings = [f for f in report.findings if get(f.rule).layer == "structure"]
    assert (not structure_findings) == _reference_verdict(document), structure_findings


def _messages(document: Any) -> list[tuple[str, str, str]]:
    return [(f.rule, f.json_path, f.message) for f in validate(document).findings]


ACTOR = {"type": "actor", "id": "actor-x", "name": "X", "kind": "state"}


def test_unknown_record_type_lists_the_types() -> None:
    ((rule, path, message),) = _messages({**ACTOR, "type": "actr"})
    assert rule == "schema-record-type"
    assert path == "$.type"
    assert message == (
        'unknown record type "actr" (did you mean "actor"?); type must be one of actor, '
        "territory, source, proposal, position, dataset"
    )


def test_date_union_reports_the_branch_meant() -> None:
    source = {"type": "source", "id": "s", "title": "T", "kind": "other"}
    inferred = {**source, "published_on": {"value": "2025", "basis": "inferred"}}
    assert _messages(inferred) == [
        (
            "schema-required",
            "$.published_on",
            '"inferred_from" is required in an inferred date but is missing',
        )
    ]
    stated = {**source, "published_on": {"value": "2025-1-1", "basis": "stated"}}
    ((rule, path, _),) = _messages(stated)
    assert (rule, path) == ("date-malformed", "$.published_on.value")
    no_basis = {**source, "published_on": {"value": "2025"}}
    ((rule, path, message),) = _messages(no_basis)
    assert rule == "schema-required"
    assert '"basis"' in message
    not_object = {**source, "published_on": "2025-06-14"}
    ((rule, path, message),) = _messages(not_object)
    assert rule == "schema-type"
    assert "expected an object" in message


def test_unknown_property_suggests_the_nearest() -> None:
    ((rule, path, message),) = _messages({**ACTOR, "offfice": "President"})
    assert (rule, path) == ("schema-additional-property", "$.offfice")
    assert 'did you mean "office"?' in message


def test_extensions_hold_any_json() -> None:
    assert _messages({**ACTOR, "extensions": {"acme:anything": {"nested": [None]}}}) == []


def test_an_x_property_says_to_migrate() -> None:
    ((rule, path, message),) = _messages({**ACTOR, "x_anything": 1})
    assert (rule, path) == ("schema-additional-property", "$.x_anything")
    assert "`extensions`" in message
    assert "dipos migrate" in message


def test_a_version_0_1_dataset_says_to_migrate() -> None:
    ((rule, path, message),) = _messages({"type": "dataset", "dipos_version": "0.1"})
    assert (rule, path) == ("schema-const", "$.dipos_version")
    assert "dipos migrate" in message
    assert "0.2" in message


def test_another_version_says_which_is_checked() -> None:
    ((rule, _, message),) = _messages({"type": "dataset", "dipos_version": "1.0"})
    assert rule == "schema-const"
    assert 'write "0.2"' in message


def test_member_of_the_wrong_list() -> None:
    dataset = {"type": "dataset", "dipos_version": "0.2", "positions": [ACTOR]}
    ((rule, path, message),) = _messages(dataset)
    assert (rule, path) == ("schema-record-type", "$.positions[0].type")
    assert "move it to `actors`" in message


def test_strings_are_not_numbers() -> None:
    territory = {"type": "territory", "id": "t", "name": "T", "kind": "city"}
    assert _messages({**territory, "wikidata": 212})[0][:2] == ("schema-type", "$.wikidata")


@pytest.mark.parametrize(
    ("value", "rule"),
    [("q212", "wikidata-malformed"), ("Q0", "wikidata-malformed"), ("Q212", None)],
)
def test_wikidata_pattern_has_its_own_rule(value: str, rule: str | None) -> None:
    found = _messages({**ACTOR, "wikidata": value})
    assert [r for r, _, _ in found] == ([rule] if rule else [])


@pytest.mark.parametrize(
    ("value", "rule"),
    [("ua-14", "iso3166-malformed"), ("UA-99", "iso3166-unknown"), ("UA-14", None), ("UA", None)],
)
def test_iso_format_versus_existence(value: str, rule: str | None) -> None:
    territory = {"type": "territory", "id": "t", "name": "T", "kind": "city", "iso3166": value}
    assert [r for r, _, _ in _messages(territory)] == ([rule] if rule else [])


def test_a_quote_over_the_limit_names_the_limit() -> None:
    from dipos.limits import QUOTE_MAX_LENGTH

    evidence = {"source": "s", "quote": "q" * (QUOTE_MAX_LENGTH + 1), "quote_kind": "direct"}
    position = {
        "type": "position",
        "id": "p",
        "holders": ["a"],
        "move": "demand",
        "topics": ["ceasefire"],
        "summary": "S",
        "evidence": [evidence],
    }
    ((rule, path, message),) = [m for m in _messages(position) if m[0] == "schema-constraint"]
    assert (rule, path) == ("schema-constraint", "$.evidence[0].quote")
    assert f"at most {QUOTE_MAX_LENGTH:,})" in message
    assert "clause" in message


@pytest.mark.parametrize(
    "value", ["2025-05-08T14:00", "2025-05-08 14:00:00", "2025-05-08T14:00:00+3", "14:00"]
)
def test_a_malformed_date_with_a_time_says_how_time_is_written(value: str) -> None:
    source = {"type": "source", "id": "s", "kind": "other"}
    ((rule, _, message),) = _messages(
        {**source, "published_on": {"value": value, "basis": "stated"}}
    )
    assert rule == "date-malformed"
    assert "`2025-05-08T14:00:00+03:00`" in message
    assert "seconds required" in message


def test_a_malformed_date_without_a_time_says_nothing_of_time() -> None:
    source = {"type": "source", "id": "s", "kind": "other"}
    ((_, _, message),) = _messages(
        {**source, "published_on": {"value": "2025-6", "basis": "stated"}}
    )
    assert "seconds" not in message


def test_the_iso_codes_are_pycountrys() -> None:
    """The codes are read from pycountry's data files (faster than its objects): they
    must be exactly the codes its objects give."""
    import pycountry

    from dipos.validator.check.rules.record_checks import iso3166_exists, iso3166_subdivisions

    countries = list(pycountry.countries)
    subdivisions = list(pycountry.subdivisions)
    assert len(countries) > 240
    assert len(subdivisions) > 4000
    for country in countries:
        assert iso3166_exists(country.alpha_2)
        assert iso3166_exists(country.alpha_3)
        expected = {s.code for s in subdivisions if s.country_code == country.alpha_2}
        assert set(iso3166_subdivisions(country.alpha_2)) == expected
    assert all(iso3166_exists(s.code) for s in subdivisions)
    for unknown in ("XX", "XXK", "UA-99", "UA-", "ua-14", ""):
        assert not iso3166_exists(unknown)
    assert iso3166_subdivisions("XX") == []


def test_an_unknown_subdivision_gets_the_nearest_of_its_country() -> None:
    for code, nearest in (("US-CAA", "US-CA"), ("DE-BYY", "DE-BY")):
        territory = {"type": "territory", "id": "t", "name": "T", "kind": "city", "iso3166": code}
        ((rule, _, message),) = _messages(territory)
        assert (rule, message) == (
            "iso3166-unknown",
            f'"{code}" is not an existing ISO 3166-2 subdivision code (did you mean "{nearest}"?)',
        )
