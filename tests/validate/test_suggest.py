"""'Did you mean' only for likely typos: a suggestion never changes the meaning."""

import pytest

from dipos.codelists import load
from dipos.validator.check.suggest import closest, did_you_mean, edit_distance

TOPICS = sorted(load("topic").code_values())


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ceasfire", "ceasefire"),
        ("cease_fire", "ceasefire"),
        ("sanction", "sanctions"),
        ("troop_withdrawl", "troop_withdrawal"),
        ("alliance_membershp", "alliance_membership"),
        ("nuclear_weapon", "nuclear_weapons"),
        ("humanitarian_acess", "humanitarian_access"),
    ],
)
def test_a_typo_of_a_topic_gets_the_topic(word: str, expected: str) -> None:
    assert closest(word, TOPICS) == expected


@pytest.mark.parametrize(
    "word",
    ["eu_membership", "un_membership", "nato_membership", "food", "arms", "peace", "water"],
)
def test_a_different_code_gets_no_suggestion(word: str) -> None:
    assert closest(word, TOPICS) is None


@pytest.mark.parametrize(
    ("word", "candidates"),
    [
        ("pos-001", ["pos-002"]),
        ("12", ["13"]),
        ("3b", ["3a"]),
        ("un", ["eu"]),
        ("actor-iran", ["actor-iraq"]),
        ("actor-southland", ["actor-northland"]),
        ("kind", ["king"]),
    ],
)
def test_ids_and_points_that_differ_in_meaning_get_no_suggestion(
    word: str, candidates: list[str]
) -> None:
    assert did_you_mean(word, candidates) == ""


@pytest.mark.parametrize(
    ("word", "candidates", "expected"),
    [
        ("nmae", ["name", "kind"], "name"),
        ("offfice", ["office", "notes"], "office"),
        ("sate", ["state", "other"], "state"),
        ("actor-russa", ["actor-russia", "actor-belarus"], "actor-russia"),
        ("guarantr", ["guarantor", "monitor"], "guarantor"),
        ("ceasfir", ["ceasefire"], "ceasefire"),
        ("actor-nortland", ["actor-northland"], "actor-northland"),
        ("withdrawel", ["withdrawal"], "withdrawal"),
    ],
)
def test_typos_of_properties_codes_and_ids(word: str, candidates: list[str], expected: str) -> None:
    assert did_you_mean(word, candidates) == f' (did you mean "{expected}"?)'


def test_the_nearest_of_several_is_chosen() -> None:
    assert closest("demandd", ["demands", "demand"]) in ("demand", "demands")
    assert closest("witnes", ["witness", "witnesses"]) == "witness"


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("a", "", 1), ("ab", "ba", 1), ("kitten", "sitting", 3), ("abc", "abc", 0)],
)
def test_edit_distance_counts_swaps_as_one(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=5) == distance


def test_edit_distance_stops_at_its_limit() -> None:
    assert edit_distance("a" * 50, "b" * 50) == 3
