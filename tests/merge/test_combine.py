"""The merge rules, on records in memory (the command and validity: test_merge_cli.py)."""

from itertools import permutations

from dipos.merge.identity import MERGED_IDS, PROVENANCE

from ._support import actor, from_dataset, given, merged, position


def test_actors_with_the_same_wikidata_item_become_one_under_the_smallest_id() -> None:
    result = merged(
        given("a", actor("actor-russia", wikidata="Q159"), position("a-1", "actor-russia")),
        given("b", actor("b:ru", wikidata="Q159"), position("b-1", "b:ru")),
    )
    assert not result.conflicts
    (only,) = result.dataset["actors"]
    assert only["id"] == "actor-russia"
    assert only["extensions"][MERGED_IDS] == ["b:ru"]
    assert only["extensions"][PROVENANCE] == ["a", "b"]
    assert [p["holders"] for p in result.dataset["positions"]] == [["actor-russia"]] * 2
    assert result.renamed == {"b:ru": "actor-russia"}


def test_iso_codes_source_urls_and_text_hashes_identify_too() -> None:
    sha = "a" * 64
    result = merged(
        given(
            "a",
            actor("x1", iso3166_1_alpha3="RUS"),
            {"type": "source", "id": "s1", "kind": "news_report", "url": "https://e.org/1"},
            {"type": "source", "id": "s3", "kind": "news_report", "text_sha256": sha},
            {
                "type": "territory",
                "id": "t1",
                "name": "Crimea",
                "kind": "region",
                "iso3166": "UA-43",
            },
        ),
        given(
            "b",
            actor("x2", iso3166_1_alpha3="RUS"),
            {"type": "source", "id": "s2", "kind": "news_report", "url": "https://e.org/1"},
            {"type": "source", "id": "s4", "kind": "news_report", "text_sha256": sha},
            {
                "type": "territory",
                "id": "t2",
                "name": "Crimea",
                "kind": "region",
                "iso3166": "UA-43",
            },
        ),
    )
    assert not result.conflicts
    assert [a["id"] for a in result.dataset["actors"]] == ["x1"]
    assert [s["id"] for s in result.dataset["sources"]] == ["s1", "s3"]
    assert [t["id"] for t in result.dataset["territories"]] == ["t1"]


def test_an_actor_and_a_territory_with_one_qid_stay_apart() -> None:
    result = merged(
        given("a", actor("actor-ukraine", wikidata="Q212")),
        given(
            "b",
            {
                "type": "territory",
                "id": "terr-ukraine",
                "name": "Ukraine",
                "kind": "country",
                "wikidata": "Q212",
            },
        ),
    )
    assert not result.conflicts
    assert len(result.dataset["actors"]) == len(result.dataset["territories"]) == 1


def test_equal_records_under_one_id_are_kept_once_with_both_inputs() -> None:
    result = merged(given("a", actor("actor-x")), given("b", actor("actor-x")))
    assert not result.conflicts
    (only,) = result.dataset["actors"]
    assert only["extensions"] == {PROVENANCE: ["a", "b"]}


def test_a_shared_id_with_different_values_is_a_conflict_naming_both_inputs() -> None:
    result = merged(
        given("team-a", actor("actor-x", kind="state")),
        given("team-b", actor("actor-x", kind="organisation")),
    )
    (conflict,) = result.conflicts
    assert (conflict.record_type, conflict.id, conflict.property) == ("actor", "actor-x", "kind")
    message = conflict.message()
    assert "team-a" in message
    assert "team-b" in message
    assert '"state"' in message
    assert '"organisation"' in message


def test_the_same_thing_with_contradicting_identities_is_a_conflict() -> None:
    result = merged(
        given("a", actor("x", wikidata="Q1", iso3166_1_alpha3="AAA")),
        given("b", actor("y", wikidata="Q1", iso3166_1_alpha3="BBB")),
    )
    assert [c.property for c in result.conflicts] == ["iso3166_1_alpha3"]


def test_one_id_for_records_of_different_types_is_a_conflict() -> None:
    result = merged(
        given("a", actor("x")),
        given("b", {"type": "territory", "id": "x", "name": "X", "kind": "region"}),
    )
    (conflict,) = result.conflicts
    assert conflict.property is None
    assert "different types" in conflict.message()


def test_properties_only_one_record_has_are_combined() -> None:
    result = merged(
        given("a", actor("x", wikidata="Q9", description="A state.")),
        given("b", actor("y", wikidata="Q9", iso3166_1_alpha3="RUS")),
    )
    assert not result.conflicts
    (only,) = result.dataset["actors"]
    assert only["description"] == "A state."
    assert only["iso3166_1_alpha3"] == "RUS"


def test_different_names_keep_one_and_the_others_become_alternative_names() -> None:
    result = merged(
        given("a", actor("x", "Russia", wikidata="Q159", alternative_names=["Kremlin"])),
        given("b", actor("y", "Russian Federation", wikidata="Q159")),
    )
    assert not result.conflicts
    (only,) = result.dataset["actors"]
    assert only["name"] == "Russia"
    assert only["alternative_names"] == ["Kremlin", "Russian Federation"]


def test_territories_merged_into_one_no_longer_correspond_to_each_other() -> None:
    def territory(record_id: str, **more: object) -> dict[str, object]:
        return {"type": "territory", "id": record_id, "name": "C", "kind": "region", **more}

    result = merged(
        given("a", territory("t1", wikidata="Q7", corresponds_to=["t9"]), territory("t9")),
        given("b", territory("t2", wikidata="Q7", corresponds_to=["t1"])),
    )
    assert not result.conflicts
    first = result.dataset["territories"][0]
    assert first["id"] == "t1"
    assert first["corresponds_to"] == ["t9"]


def test_holders_merged_into_one_actor_are_listed_once() -> None:
    result = merged(
        given("a", actor("x", wikidata="Q1"), actor("y", wikidata="Q1"), position("p", "x", "y"))
    )
    assert result.dataset["positions"][0]["holders"] == ["x"]


def test_other_extensions_are_kept_and_must_agree() -> None:
    agreeing = merged(
        given("a", actor("x", extensions={"acme:checked": True})),
        given("b", actor("x", extensions={"acme:checked": True})),
    )
    assert agreeing.dataset["actors"][0]["extensions"]["acme:checked"] is True
    differing = merged(
        given("a", actor("x", extensions={"acme:checked": True})),
        given("b", actor("x", extensions={"acme:checked": False})),
    )
    assert [c.property for c in differing.conflicts] == ["extensions.acme:checked"]


def test_the_header_lists_every_input_and_its_dataset_metadata() -> None:
    header = {
        "type": "dataset",
        "dipos_version": "0.2",
        "id": "ds-a",
        "title": "A",
        "license": "CC-BY-4.0",
    }
    result = merged(given("a", actor("x"), header=header), given("b", actor("y")))
    assert result.dataset["extensions"]["dipos:merged_from"] == [
        {"input": "a", "id": "ds-a", "title": "A", "license": "CC-BY-4.0"},
        {"input": "b"},
    ]


def test_order_of_inputs_does_not_matter_and_merging_again_changes_nothing() -> None:
    inputs = [
        given(
            "a", actor("actor-russia", "Russia", wikidata="Q159"), position("a-1", "actor-russia")
        ),
        given(
            "b",
            actor("b:ru", "Russian Federation", wikidata="Q159", alternative_names=["RF"]),
            position("b-1", "b:ru"),
        ),
        given("c", actor("actor-russia", "Russia", wikidata="Q159", description="d"), actor("c:z")),
    ]
    results = [merged(*order) for order in permutations(inputs)]
    assert all(r.dataset == results[0].dataset for r in results)
    assert not results[0].conflicts
    output = results[0].dataset
    for one in inputs:
        again = merged(from_dataset("out.json", output), one)
        assert again.dataset == output
        assert not again.conflicts
