"""`dipos.load`: valid data as typed models with references resolved; invalid data raises."""

import json
from pathlib import Path

import pytest

import dipos
from dipos.loading import InvalidDataError, UnresolvedReferenceError
from dipos.model import Actor, Position, Proposal, Source, Territory
from dipos.validator import InputError

REPO_ROOT = Path(__file__).resolve().parents[2]

EXAMPLES = REPO_ROOT / "examples"


@pytest.fixture(scope="module")
def examples() -> dipos.LoadedDataset:
    return dipos.load(EXAMPLES)


def test_every_record_is_loaded_as_its_model(examples: dipos.LoadedDataset) -> None:
    report = dipos.validate(EXAMPLES)
    assert len(examples) + len(examples.headers) == report.records
    assert all(isinstance(p, Position) for p in examples.positions)
    assert all(isinstance(a, Actor) for a in examples.actors)
    assert all(isinstance(t, Territory) for t in examples.territories)
    assert all(isinstance(s, Source) for s in examples.sources)
    assert all(isinstance(p, Proposal) for p in examples.proposals)


def test_every_reference_resolves_to_a_record_of_an_allowed_type(
    examples: dipos.LoadedDataset,
) -> None:
    count = 0
    for record in examples:
        for reference in examples.references(record):
            assert reference.target.id == reference.id
            count += 1
    assert count > 100
    # The examples show every kind of reference the schema has (0.2 roles, signatories...).
    assert any(p.roles for p in examples.positions)
    assert any(examples.roles_of(p) for p in examples.positions)
    assert any(examples.signatories_of(p) for p in examples.proposals)


def test_typed_accessors_follow_the_position_references(examples: dipos.LoadedDataset) -> None:
    position = next(p for p in examples.positions if p.territories and p.links)
    holders = examples.holders_of(position)
    assert [a.id for a in holders] == position.holders
    assert all(isinstance(a, Actor) for a in holders)
    for scope, territory in examples.territories_of(position):
        assert territory.id == scope.territory
    for link, target in examples.links_of(position):
        assert target.id == link.target
        assert isinstance(target, Position | Proposal)
    for evidence, source in examples.evidence_of(position):
        assert source.id == evidence.source


def test_an_actor_is_one_object_however_often_it_is_named(examples: dipos.LoadedDataset) -> None:
    first, second = examples.positions[0], examples.positions[1]
    assert examples.actor(first.holders[0]) is examples.actor(first.holders[0])
    assert examples.holders_of(first)[0] is examples.actors.get(first.holders[0])
    assert second.id != first.id


def test_lookups_by_id_and_wrong_types(examples: dipos.LoadedDataset) -> None:
    position = examples.positions[-1]
    assert examples.position(position.id) == position
    assert examples.resolve(position.id) == position
    assert examples.positions.has(position.id)
    assert position in examples.positions
    assert examples.find("no-such-id") is None
    with pytest.raises(UnresolvedReferenceError):
        examples.resolve("no-such-id")
    with pytest.raises(UnresolvedReferenceError):
        examples.actor(position.id)


def test_the_positions_table_keeps_text_not_models(examples: dipos.LoadedDataset) -> None:
    # Positions are parsed on access (a fresh, equal model each time): memory holds text.
    assert examples.positions[0] == examples.positions[0]
    assert examples.positions[0] is not examples.positions[0]
    assert examples.positions[-1].id == examples.positions.ids()[-1]
    assert [p.id for p in examples.positions[:2]] == examples.positions.ids()[:2]
    assert json.loads(examples.positions.text(examples.positions.ids()[0]))["type"] == "position"
    with pytest.raises(IndexError):
        examples.positions[len(examples.positions)]


def test_invalid_data_raises_with_the_validators_findings(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"type": "actor", "id": "actor-x", "name": "X", "kind": "stat"}),
        encoding="utf-8",
    )
    with pytest.raises(InvalidDataError) as caught:
        dipos.load(bad)
    assert [f.rule for f in caught.value.report.errors] == ["codelist-unknown"]
    assert "codelist-unknown" in str(caught.value)
    assert isinstance(caught.value, dipos.InvalidDataError)


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        dipos.load(tmp_path / "missing.json")


def test_context_records_resolve_but_are_not_listed() -> None:
    seed = EXAMPLES / "seeds" / "004_5c185bcb0a4c3004.json"
    with pytest.raises(InvalidDataError):
        dipos.load(seed)  # names actors of common.json
    dataset = dipos.load(seed, context=EXAMPLES / "seeds" / "common.json")
    assert dataset.context is not None
    assert len(dataset.actors) == 1
    position = dataset.positions[0]
    assert all(isinstance(a, Actor) for a in dataset.holders_of(position))
    assert not dataset.actors.has(position.holders[0])


def test_json_lines_and_yaml_files_load_like_json() -> None:
    files = sorted((EXAMPLES / "illustrative").glob("*.*"))
    dataset = dipos.load(files)
    assert {Path(f).suffix for f in dataset.files} == {".json", ".jsonl", ".yaml"}
    assert len(dataset.headers) == len(files)  # one dataset header in each file
    answers = [p for p in dataset.positions if p.responds_to]
    assert answers
    for position in answers:
        for response, target in dataset.responses_of(position):
            assert target.id == response.target


def _jsonl_dataset(tmp_path: Path) -> Path:
    source = EXAMPLES / "illustrative" / "northland-responses.jsonl"
    lines = source.read_bytes().splitlines(keepends=True)
    # A byte-order mark, indentation and blank lines move the records within the file.
    target = tmp_path / "data.jsonl"
    target.write_bytes(b"\xef\xbb\xbf" + lines[0] + b"\n   \n" + b"  ".join(lines[1:]))
    return target


def test_json_lines_records_are_read_back_from_the_file(tmp_path: Path) -> None:
    path = _jsonl_dataset(tmp_path)
    context = sorted(p for p in (EXAMPLES / "illustrative").glob("*.*") if p.suffix != ".jsonl")
    dataset = dipos.load(path, context=context)
    expected = [
        json.loads(line)
        for line in path.read_bytes().removeprefix(b"\xef\xbb\xbf").splitlines()
        if line.strip() and json.loads(line)["type"] == "position"
    ]
    assert [p.to_json_dict() for p in dataset.positions] == [
        Position.model_validate(e).to_json_dict() for e in expected
    ]
    assert list(dataset.json_records())[-len(expected) :] == expected
    # Only where each record is: three numbers a record, no text.
    assert dataset.positions.nbytes() == 18 * len(expected)
    dataset.close()
    assert dataset.positions[0].id == expected[0]["id"]  # opened again when needed
    dataset.close()


def test_a_json_lines_file_changed_after_loading_is_noticed(tmp_path: Path) -> None:
    path = _jsonl_dataset(tmp_path)
    context = sorted(p for p in (EXAMPLES / "illustrative").glob("*.*") if p.suffix != ".jsonl")
    dataset = dipos.load(path, context=context)
    first = dataset.positions.ids()[0]
    path.write_bytes(b"\n" * 20 + path.read_bytes())
    with pytest.raises(RuntimeError, match="changed since it was loaded"):
        dataset.positions.get(first)
    dataset.close()


def test_a_cached_table_keeps_the_most_recently_used_models(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dipos.loading import table

    monkeypatch.setattr(table, "CACHE_SIZE", 2)
    dataset = dipos.load(EXAMPLES)
    first, second, third = (dataset.actors.get(i) for i in dataset.actors.ids()[:3])
    assert dataset.actors[0] is not first  # dropped when the third came in
    assert dataset.actors[2] is third
    assert second is not None


def test_roles_and_signing_parties_resolve_to_actors(tmp_path: Path) -> None:
    def actor(record_id: str) -> dict[str, str]:
        return {"type": "actor", "id": record_id, "name": record_id, "kind": "state"}

    data = {
        "type": "dataset",
        "dipos_version": dipos.SCHEMA_VERSION,
        "actors": [actor("actor-a"), actor("actor-b"), actor("actor-c")],
        "sources": [{"type": "source", "id": "src-1", "kind": "news_report"}],
        "proposals": [
            {
                "type": "proposal",
                "id": "prop-1",
                "title": "An agreement",
                "kind": "signed_agreement",
                "proposed_by": ["actor-a"],
                "signatories": [{"actor": "actor-a"}, {"actor": "actor-b"}],
                "witnesses": [{"actor": "actor-c"}],
            }
        ],
        "positions": [
            {
                "type": "position",
                "id": "pos-1",
                "holders": ["actor-a"],
                "roles": [{"actor": "actor-c", "role": "guarantor"}],
                "move": "demand",
                "topics": ["ceasefire"],
                "summary": "A demands a ceasefire guaranteed by C.",
                "evidence": [{"source": "src-1", "quote": "ceasefire", "quote_kind": "direct"}],
            }
        ],
    }
    (tmp_path / "data.json").write_text(json.dumps(data), encoding="utf-8")
    dataset = dipos.load(tmp_path)
    ((role, guarantor),) = dataset.roles_of(dataset.positions[0])
    assert (role.role, guarantor.id) == ("guarantor", "actor-c")
    proposal = dataset.proposal("prop-1")
    assert [a.id for _, a in dataset.signatories_of(proposal)] == ["actor-a", "actor-b"]
    assert [a.id for _, a in dataset.witnesses_of(proposal)] == ["actor-c"]
    assert [a.id for a in dataset.proposed_by(proposal)] == ["actor-a"]
