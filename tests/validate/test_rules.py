"""Rules across records, and the helpers they use (dates, cycles, codelist tables)."""

from typing import Any

import pytest

from dipos.codelists import SPECS
from dipos.validator import validate
from dipos.validator.index import dates
from dipos.validator.index.fields import CODED_FIELDS

ACTOR = {"type": "actor", "id": "a", "name": "A", "kind": "state"}
SOURCE = {"type": "source", "id": "s", "title": "T", "kind": "other"}


def position(pid: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "position", "id": pid, "holders": ["a"], "move": "demand",
        "topics": ["ceasefire"], "summary": "S",
        "evidence": [{"source": "s", "quote": "Q", "quote_kind": "direct"}], **extra,
    }  # fmt: skip


def rules_of(*records: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.rule, f.json_path) for f in validate([ACTOR, SOURCE, *records]).findings]


def stated(value: str) -> dict[str, str]:
    return {"value": value, "basis": "stated"}


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2025", "2025-01-01", "2025-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2025-06-14~", "2025-06-14", "2025-06-14"),
        ("2025-03-01/2025-03-21", "2025-03-01", "2025-03-21"),
    ],
)
def test_day_ranges(text: str, first: str, last: str) -> None:
    import datetime

    parsed = dates.parse(text)
    assert parsed is not None
    assert datetime.date.fromordinal(parsed.first).isoformat() == first
    assert datetime.date.fromordinal(parsed.last).isoformat() == last


def test_open_intervals_and_qualifiers() -> None:
    parsed = dates.parse("../2022-02")
    assert parsed is not None
    assert parsed.first == dates.OPEN_START
    assert dates.parse("2024?") == dates.DayRange(*_year(2024), qualified=True)
    assert dates.parse("not a date") is None


def _year(year: int) -> tuple[int, int]:
    import datetime

    return datetime.date(year, 1, 1).toordinal(), datetime.date(year, 12, 31).toordinal()


@pytest.mark.parametrize("text", ["2025-02-29", "2025-04-31", "0000", "2025-02-30/2025-03"])
def test_impossible_dates(text: str) -> None:
    with pytest.raises(dates.ImpossibleDate):
        dates.parse(text)


def test_leap_day_exists() -> None:
    assert rules_of(position("p", stated_on=stated("2024-02-29"))) == []


def test_uncertain_dates_are_not_compared() -> None:
    source = {**SOURCE, "published_on": stated("2025-06-01")}
    late = position("p", stated_on=stated("2025-06-20~"))
    found = [f.rule for f in validate([ACTOR, source, late]).findings]
    assert found == []


def test_month_precision_overlapping_is_not_after() -> None:
    source = {**SOURCE, "published_on": stated("2025-06")}
    found = validate([ACTOR, source, position("p", stated_on=stated("2025-06-20"))]).findings
    assert found == []


def test_response_to_a_later_proposal() -> None:
    proposal = {"type": "proposal", "id": "plan", "title": "P", "kind": "peace_plan",
                "presented_on": stated("2025-03")}  # fmt: skip
    answer = position("p", stated_on=stated("2025-01-10"),
                      responds_to=[{"target": "plan", "response": "rejects"}])  # fmt: skip
    assert rules_of(proposal, answer) == [("link-to-later-position", "$[3].responds_to[0].target")]


def test_precondition_cycle_of_three_is_reported_once() -> None:
    def link(target: str) -> list[dict[str, str]]:
        return [{"relation": "precondition", "target": target}]

    found = rules_of(position("p1", links=link("p2")), position("p2", links=link("p3")),
                     position("p3", links=link("p1")))  # fmt: skip
    assert found == [("precondition-cycle", "$[2].links")]
    messages = [
        f.message
        for f in validate(
            [
                ACTOR,
                SOURCE,
                position("p1", links=link("p2")),
                position("p2", links=link("p3")),
                position("p3", links=link("p1")),
            ]
        ).findings
    ]
    assert "p1 → p2 → p3 → p1" in messages[0]


def test_other_link_relations_do_not_make_cycles() -> None:
    def link(target: str) -> list[dict[str, str]]:
        return [{"relation": "same_as", "target": target}]

    assert rules_of(position("p1", links=link("p2")), position("p2", links=link("p1"))) == []


def test_long_precondition_chain_has_no_recursion_limit() -> None:
    chain = [
        position(f"p{i}", links=[{"relation": "precondition", "target": f"p{i + 1}"}])
        for i in range(5_000)
    ]
    chain.append(position("p5000"))
    assert rules_of(*chain) == []


def test_wrong_type_reference() -> None:
    found = rules_of(position("p", speaker="s"))
    assert found == [("ref-wrong-type", "$[2].speaker")]


def test_duplicate_id_across_types() -> None:
    found = rules_of({**ACTOR, "id": "s"})
    assert found == [("id-duplicate", "$[2].id")]


def test_namespaced_topics_are_not_warned() -> None:
    assert rules_of(position("p", topics=["acme:water_rights"])) == []


def test_coded_fields_cover_every_codelist_use() -> None:
    uses = {used for spec in SPECS for used in spec.used_by}
    dates_basis = {"StatedDate.basis", "InferredDate.basis"}
    assert set(CODED_FIELDS) == uses - dates_basis
