"""The conversion of one value from dipos 0.1 to 0.2 (``dipos.migrate.convert``)."""

from typing import Any

import pytest

from dipos.migrate import MigrationProblem, migrate_value
from dipos.model import Dataset

ACTOR = {"type": "actor", "id": "a", "name": "A", "kind": "state"}


def test_the_version_changes() -> None:
    value, changes = migrate_value({"type": "dataset", "dipos_version": "0.1"})
    assert value == {"type": "dataset", "dipos_version": "0.2"}
    assert changes == ["dipos_version: 0.1 -> 0.2"]


def test_a_record_extension_moves_under_its_name() -> None:
    value, _ = migrate_value({**ACTOR, "x_source_row": 17})
    assert value == {**ACTOR, "extensions": {"x_source_row": 17}}


def test_a_nested_extension_moves_under_its_pointer() -> None:
    position: dict[str, Any] = {
        "type": "position",
        "id": "p",
        "evidence": [{"source": "s", "x_page": 3}, {"source": "s", "x_page": 4}],
        "stated_on": {"value": "2025", "basis": "stated", "x_how": "header"},
    }
    value, _ = migrate_value(position)
    assert value["evidence"] == [{"source": "s"}, {"source": "s"}]
    assert value["stated_on"] == {"value": "2025", "basis": "stated"}
    assert value["extensions"] == {
        "evidence/0/x_page": 3,
        "evidence/1/x_page": 4,
        "stated_on/x_how": "header",
    }


def test_a_key_with_a_slash_is_escaped_as_in_a_json_pointer() -> None:
    value, _ = migrate_value({**ACTOR, "alternative_names": ["B"], "a/b": {"x_k": 1}})
    assert value["extensions"] == {"a~1b/x_k": 1}


def test_extension_values_move_whole_and_keep_nulls() -> None:
    nested = {"x_inner": None, "list": [None, {"x_deeper": 1}]}
    value, _ = migrate_value({**ACTOR, "x_blob": nested})
    assert value["extensions"] == {"x_blob": nested}


def test_signatories_become_objects() -> None:
    proposal = {"type": "proposal", "id": "p", "signatories": ["a", "b"]}
    value, changes = migrate_value(proposal)
    assert value["signatories"] == [{"actor": "a"}, {"actor": "b"}]
    assert changes == ["signatories: ids -> objects with `actor`"]


def test_records_of_a_dataset_are_converted_each_with_its_own_extensions() -> None:
    dataset = {
        "type": "dataset",
        "dipos_version": "0.1",
        "x_release": "r1",
        "actors": [{**ACTOR, "x_a": 1}],
        "proposals": [{"type": "proposal", "id": "p", "signatories": ["a"], "x_p": 2}],
    }
    value, changes = migrate_value(dataset)
    assert value == {
        "type": "dataset",
        "dipos_version": "0.2",
        "actors": [{**ACTOR, "extensions": {"x_a": 1}}],
        "proposals": [
            {
                "type": "proposal",
                "id": "p",
                "signatories": [{"actor": "a"}],
                "extensions": {"x_p": 2},
            }
        ],
        "extensions": {"x_release": "r1"},
    }
    assert "/actors/0: moved to extensions: x_a" in changes


def test_within_after_is_kept() -> None:
    deadline = {"within": {"amount": 30, "unit": "day", "after": "signing"}}
    position = {"type": "position", "id": "p", "deadlines": [deadline]}
    assert migrate_value(position) == (position, [])


def test_converting_a_0_2_value_changes_nothing() -> None:
    once, _ = migrate_value(
        {"type": "dataset", "dipos_version": "0.1", "actors": [{**ACTOR, "x_a": {"x_b": 1}}]}
    )
    again, changes = migrate_value(once)
    assert (again, changes) == (once, [])
    Dataset.model_validate(once)


def test_an_existing_entry_is_not_overwritten() -> None:
    record = {**ACTOR, "x_a": 1, "extensions": {"x_a": 2}}
    with pytest.raises(MigrationProblem, match="already holds 'x_a'") as caught:
        migrate_value(record)
    assert caught.value.path == ("extensions",)


def test_the_same_entry_twice_is_merged() -> None:
    value, _ = migrate_value({**ACTOR, "x_a": 1, "extensions": {"x_a": 1, "acme:b": 2}})
    assert value == {**ACTOR, "extensions": {"x_a": 1, "acme:b": 2}}


@pytest.mark.parametrize("version", ["1.0", 0.1, None])
def test_another_version_is_a_problem(version: Any) -> None:
    with pytest.raises(MigrationProblem, match=r'converts "0\.1" to "0\.2" only') as caught:
        migrate_value({"type": "dataset", "dipos_version": version})
    assert caught.value.path == ("dipos_version",)


@pytest.mark.parametrize("value", [None, 3, "text", [1, {"x_a": 1}], {"no": "type"}])
def test_other_values_pass_through(value: Any) -> None:
    converted, changes = migrate_value(value)
    assert converted == value
    assert changes == []
