"""The defaults rule: the record's own values win; objects merge; a one-object default
completes each item of a list; null refuses a default."""

from typing import Any

from dipos.authoring.defaults import apply_defaults, combine
from dipos.authoring.shape import shape_of


def test_record_value_wins_and_missing_values_are_copied() -> None:
    defaults: dict[str, Any] = {"holders": ["actor-a"], "venue": "Istanbul"}
    merged = apply_defaults({"holders": ["actor-b"], "move": "demand"}, defaults)
    assert merged == {"holders": ["actor-b"], "move": "demand", "venue": "Istanbul"}
    merged["venue"] = "changed"
    assert defaults["venue"] == "Istanbul"


def test_objects_merge() -> None:
    merged = apply_defaults(
        {"stated_on": {"value": "2025-05-17"}}, {"stated_on": {"basis": "stated"}}
    )
    assert merged == {"stated_on": {"value": "2025-05-17", "basis": "stated"}}


def test_one_object_completes_each_item_of_a_list() -> None:
    merged = apply_defaults(
        {"evidence": [{"quote": "a"}, {"quote": "b", "source": "src-2"}]},
        {"evidence": {"source": "src-1", "quote_kind": "direct"}},
    )
    assert merged["evidence"] == [
        {"quote": "a", "source": "src-1", "quote_kind": "direct"},
        {"quote": "b", "source": "src-2", "quote_kind": "direct"},
    ]


def test_a_one_object_default_does_not_create_a_list() -> None:
    defaults = {"evidence": {"source": "src-1"}, "stated_on": {"basis": "stated"}}
    merged = apply_defaults({"move": "demand"}, defaults, shape_of("position"))
    assert merged == {"move": "demand", "stated_on": {"basis": "stated"}}


def test_null_refuses_the_default() -> None:
    assert apply_defaults({"venue": None, "move": "offer"}, {"venue": "X"}) == {"move": "offer"}


def test_group_defaults_win_over_list_defaults() -> None:
    outer = {"holders": ["actor-a"], "venue": "X", "stated_on": {"basis": "stated"}}
    inner = {"holders": ["actor-b"], "venue": None, "stated_on": {"value": "2025"}}
    assert combine(outer, inner) == {
        "holders": ["actor-b"],
        "stated_on": {"value": "2025", "basis": "stated"},
    }
