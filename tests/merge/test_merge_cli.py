"""``dipos merge`` on the examples: the seed articles of five contributors and the
illustrative files merge into one valid dataset; merging again changes nothing."""

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import dipos
from dipos.cli import main
from dipos.merge import MERGED_IDS, PROVENANCE
from dipos.merge.combine import rewrite_references
from dipos.merge.identity import identity_keys

REPO_ROOT = Path(__file__).resolve().parents[2]
SEEDS = REPO_ROOT / "examples" / "seeds"
ILLUSTRATIVE = REPO_ROOT / "examples" / "illustrative"


@pytest.fixture(scope="module")
def contributors(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Five contributors, each with one seed article and its own copy of the shared
    records, and a sixth with the illustrative files."""
    root = tmp_path_factory.mktemp("contributors")
    made = []
    for seed in sorted(SEEDS.glob("0*.json")):
        folder = root / f"team-{seed.stem[:3]}"
        folder.mkdir()
        shutil.copy(seed, folder / seed.name)
        shutil.copy(SEEDS / "common.json", folder / "common.json")
        made.append(folder)
    shutil.copytree(ILLUSTRATIVE, root / "illustrative", ignore=shutil.ignore_patterns("texts"))
    made.append(root / "illustrative")
    return made


@pytest.fixture(scope="module")
def merged(contributors: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("merged") / "merged.json"
    assert main(["merge", *map(str, contributors), "-o", str(output)]) == 0
    return output


def _records(path: Path, key: str) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8")).get(key, [])
    return records


def test_the_merged_dataset_is_valid(merged: Path) -> None:
    report = dipos.validate(merged)
    assert report.ok, report.errors[:5]
    assert dipos.load(merged).positions


def test_shared_actors_and_territories_appear_once(merged: Path, contributors: list[Path]) -> None:
    actors = _records(merged, "actors")
    ids = [a["id"] for a in actors]
    assert len(ids) == len(set(ids))
    russia = next(a for a in actors if a["id"] == "actor-russia")
    assert russia["extensions"][PROVENANCE] == sorted(str(c) for c in contributors[:5])
    territories = _records(merged, "territories")
    assert len({t["id"] for t in territories}) == len(territories)
    expected = {p["id"] for seed in SEEDS.glob("*.json") for p in _records(seed, "positions")}
    assert expected <= {p["id"] for p in _records(merged, "positions")}


def test_merging_the_output_again_with_any_input_changes_nothing(
    merged: Path, contributors: list[Path], tmp_path: Path
) -> None:
    for number, contributor in enumerate(contributors):
        again = tmp_path / f"again-{number}.json"
        assert main(["merge", str(merged), str(contributor), "-o", str(again)]) == 0
        assert again.read_bytes() == merged.read_bytes(), contributor


def test_the_order_of_the_inputs_does_not_matter(
    merged: Path, contributors: list[Path], tmp_path: Path
) -> None:
    output = tmp_path / "reversed.json"
    assert main(["merge", *map(str, reversed(contributors)), "-o", str(output)]) == 0
    assert output.read_bytes() == merged.read_bytes()


def _renamed_copy(seed: Path, folder: Path, prefix: str) -> dict[str, str]:
    """A contributor who gave its own ids to every actor, territory and source that has
    an identity (a Wikidata item, an ISO code, a URL or a text hash)."""
    folder.mkdir()
    documents = {
        p.name: json.loads(p.read_text(encoding="utf-8")) for p in (seed, SEEDS / "common.json")
    }
    renamed = {
        record["id"]: prefix + record["id"]
        for document in documents.values()
        for key in ("actors", "territories", "sources")
        for record in document.get(key, ())
        if identity_keys(record["type"], record)
    }
    lists = {"actors": "actor", "territories": "territory", "sources": "source"}
    lists |= {"proposals": "proposal", "positions": "position"}
    for name, document in documents.items():
        for key, record_type in lists.items():
            if key in document:
                document[key] = [
                    rewrite_references(
                        record_type, {**r, "id": renamed.get(r["id"], r["id"])}, renamed
                    )
                    for r in document[key]
                ]
        (folder / name).write_text(json.dumps(document, indent=2), encoding="utf-8")
    return renamed


def test_records_under_other_ids_merge_by_wikidata_iso_code_and_text_hash(
    merged: Path, contributors: list[Path], tmp_path: Path
) -> None:
    seed = next(SEEDS.glob("004_*.json"))
    renamed = _renamed_copy(seed, tmp_path / "team-b", "x-team-b:")
    assert dipos.validate(tmp_path / "team-b", ignore=["ref-unresolved"]).ok
    both = tmp_path / "both.json"
    inputs = [*map(str, contributors), str(tmp_path / "team-b")]
    assert main(["merge", *inputs, "-o", str(both)]) == 0
    assert dipos.validate(both).ok
    russia = next(a for a in _records(both, "actors") if a["id"] == "actor-russia")
    assert russia["extensions"][MERGED_IDS] == [renamed["actor-russia"]]
    assert str(tmp_path / "team-b") in russia["extensions"][PROVENANCE]
    for key in ("actors", "territories", "sources", "positions"):
        assert [r["id"] for r in _records(both, key)] == [r["id"] for r in _records(merged, key)]
    positions = {p["id"]: p for p in _records(both, "positions")}
    assert all("x-team-b:" not in json.dumps(p) for p in positions.values())


def test_records_that_differ_are_reported_and_nothing_is_written(
    contributors: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    changed = tmp_path / "team-c"
    changed.mkdir()
    common = json.loads((SEEDS / "common.json").read_text(encoding="utf-8"))
    common["actors"][0]["kind"] = "international_organization"
    (changed / "common.json").write_text(json.dumps(common), encoding="utf-8")
    output = tmp_path / "out.json"
    output.write_text("kept", encoding="utf-8")
    assert main(["merge", str(contributors[0]), str(changed), "-o", str(output)]) == 1
    out = capsys.readouterr().out
    assert f"conflict: actor {common['actors'][0]['id']!r}" in out
    assert str(changed) in out
    assert str(contributors[0]) in out
    assert output.read_text(encoding="utf-8") == "kept"


def test_a_reference_no_input_resolves_is_reported_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out.json"
    assert main(["merge", str(next(SEEDS.glob("000_*.json"))), "-o", str(output)]) == 1
    out = capsys.readouterr().out
    assert f"{output} (not written)" in out
    assert "ref-unresolved" in out
    assert not output.exists()


def test_an_invalid_input_is_reported_and_nothing_is_merged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"type": "actor", "id": "actor-x", "name": "X", "kind": "stat"}),
        encoding="utf-8",
    )
    output = tmp_path / "out.json"
    assert main(["merge", str(ILLUSTRATIVE), str(bad), "-o", str(output)]) == 1
    out = capsys.readouterr().out
    assert "codelist-unknown" in out
    assert f"{bad}: not valid by itself" in out
    assert not output.exists()


def test_bad_usage_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["merge", str(ILLUSTRATIVE), "-o", str(tmp_path / "out.yaml")]) == 2
    assert main(["merge", str(tmp_path / "missing"), "-o", str(tmp_path / "o.json")]) == 2
    err = capsys.readouterr().err
    assert "dipos merge: error" in err


def test_json_lines_output(contributors: list[Path], merged: Path, tmp_path: Path) -> None:
    output = tmp_path / "merged.jsonl"
    assert main(["merge", *map(str, contributors), "-o", str(output)]) == 0
    lines = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["type"] == "dataset"
    assert len(lines) == 1 + sum(
        len(_records(merged, k))
        for k in ("actors", "territories", "sources", "proposals", "positions")
    )
    assert dipos.validate(output).ok
