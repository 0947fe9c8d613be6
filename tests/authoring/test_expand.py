"""Authoring documents expand into explicit datasets that validate."""

from pathlib import Path
from typing import Any

from dipos.authoring.expand import expand
from dipos.authoring.ids import generated_id
from dipos.validator import validate
from dipos.validator.read.yamlload import read_yaml
from dipos.version import SCHEMA_VERSION

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "authoring" / "less-typing.yaml"


def _load(path: Path) -> Any:
    units, findings = read_yaml(path.read_bytes(), str(path))
    assert not findings
    return units[0].value


def test_the_authoring_fixture_expands_into_a_valid_explicit_dataset() -> None:
    result = expand(_load(FIXTURE))
    assert not result.problems
    dataset = result.dataset
    assert "defaults" not in dataset
    report = validate(dataset)
    assert report.ok, [(f.rule, f.json_path, f.message) for f in report.findings]
    first, offer, refusal = dataset["positions"]
    assert first["type"] == "position"
    assert first["holders"] == ["actor-northland"]
    assert first["evidence"] == [
        {
            "quote": "We demand a ceasefire.",
            "source": "src-northland-statement",
            "quote_kind": "direct",
        }
    ]
    assert first["id"] == generated_id({k: v for k, v in first.items() if k != "id"})
    assert result.generated_ids == 1
    assert offer["holders"] == ["actor-southland"]
    assert offer["stated_on"] == {"value": "2031-03-07", "basis": "stated"}
    assert "addressees" not in refusal
    assert refusal["evidence"][0]["quote_kind"] == "paraphrase"
    assert result.origins[("positions", 2)] == ("positions", 1, "positions", 1)


def test_expansion_is_stable() -> None:
    assert expand(_load(FIXTURE)).dataset == expand(_load(FIXTURE)).dataset


def test_a_dataset_without_shorthand_is_unchanged() -> None:
    dataset = {
        "type": "dataset",
        "dipos_version": SCHEMA_VERSION,
        "actors": [{"type": "actor", "id": "actor-x", "name": "X", "kind": "state"}],
    }
    result = expand(dataset)
    assert result.dataset == dataset
    assert not result.problems
    assert result.generated_ids == 0


def test_problems_name_their_place() -> None:
    result = expand(
        {
            "defaults": {"position": {}, "actors": []},
            "positions": [{"defaults": [], "positions": []}, {"defaults": {}, "other": 1}],
        }
    )
    assert [str(p) for p in result.problems] == [
        "$.defaults.position: defaults are given per record list "
        "(actors, territories, sources, proposals, positions)",
        "$.defaults.actors: the defaults of a list are a mapping",
        "$.positions[0].defaults: a group's defaults are a mapping",
        "$.positions[1]: a group has `defaults` and a list `positions` of records, nothing "
        "else (found other)",
    ]


def test_not_a_mapping() -> None:
    assert [str(p) for p in expand([1]).problems] == [
        "$: an authoring document is a mapping (a dataset)"
    ]
