"""The benchmark's data generator makes valid data (benchmarks/generate.py).

The benchmark itself is not part of the test run (``python benchmarks/run.py``);
this only checks, on a small dataset, that what it measures is valid dipos:
every line is valid against the record schema, ids are unique, and every
reference points at an existing record of the right type.
"""

import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema_rs
import orjson
import pytest

# Where each type of record refers to others, and the types allowed there. Written
# out again here, not imported from the generator, so that a mistake in the
# generator's own table is caught.
REFERENCES: dict[str, list[tuple[str, str | None, frozenset[str]]]] = {
    "actor": [("represents", None, frozenset({"actor"})), ("part_of", None, frozenset({"actor"}))],
    "territory": [
        ("part_of", None, frozenset({"territory"})),
        ("corresponds_to", None, frozenset({"territory"})),
    ],
    "source": [
        ("reported_via", "actor", frozenset({"actor"})),
        ("reported_via", "source", frozenset({"source"})),
    ],
    "proposal": [
        ("proposed_by", None, frozenset({"actor"})),
        ("signatories", "actor", frozenset({"actor"})),
        ("signatories", "signed_by", frozenset({"actor"})),
        ("witnesses", "actor", frozenset({"actor"})),
        ("witnesses", "signed_by", frozenset({"actor"})),
        ("relations", "target", frozenset({"proposal"})),
        ("sources", None, frozenset({"source"})),
    ],
    "position": [
        ("holders", None, frozenset({"actor"})),
        ("speaker", None, frozenset({"actor"})),
        ("addressees", None, frozenset({"actor"})),
        ("roles", "actor", frozenset({"actor"})),
        ("territories", "territory", frozenset({"territory"})),
        ("links", "target", frozenset({"position", "proposal"})),
        ("responds_to", "target", frozenset({"position", "proposal"})),
        ("reaffirms", None, frozenset({"position"})),
        ("proposal_points", "proposal", frozenset({"proposal"})),
        ("evidence", "source", frozenset({"source"})),
    ],
}


def _ids_in(value: Any, sub: str | None) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if sub is None:
        return [str(item) for item in items]
    return [str(item[sub]) for item in items if sub in item]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> list[dict[str, Any]]:
    out = tmp_path_factory.mktemp("bench") / "small.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(repo_root / "benchmarks" / "generate.py"),
            "--positions",
            "200",
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return [orjson.loads(line) for line in out.read_bytes().splitlines()]


def test_the_file_has_a_header_then_the_positions_asked_for(
    generated: list[dict[str, Any]],
) -> None:
    assert generated[0]["type"] == "dataset"
    assert sum(r["type"] == "position" for r in generated) == 200


def test_every_line_is_valid_against_the_record_schema(
    generated: list[dict[str, Any]], repo_root: Path
) -> None:
    schema = orjson.loads((repo_root / "schema" / "record.schema.json").read_bytes())
    validator = jsonschema_rs.validator_for(schema)
    invalid = [r.get("id") for r in generated if not validator.is_valid(r)]
    assert invalid == []


def test_ids_are_unique(generated: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in generated if "id" in r]
    assert len(ids) == len(set(ids))


def test_every_reference_resolves_to_a_record_of_the_right_type(
    generated: list[dict[str, Any]],
) -> None:
    type_of = {r["id"]: r["type"] for r in generated if "id" in r}
    seen_before: set[str] = set()
    broken = []
    for record in generated:
        for key, sub, allowed in REFERENCES.get(record["type"], []):
            for ref in _ids_in(record.get(key, []), sub):
                if type_of.get(ref) not in allowed:
                    broken.append((record["id"], key, ref))
                elif type_of[ref] == "position" and ref not in seen_before:
                    broken.append((record["id"], key, f"{ref} (not an earlier position)"))
        for item in record.get("evidence", []) if record["type"] == "position" else []:
            for step in item.get("reported_via", []):  # the evidence's reporting chain
                for sub, wanted in (("actor", "actor"), ("source", "source")):
                    if sub in step and type_of.get(step[sub]) != wanted:
                        broken.append((record["id"], f"evidence reported_via {sub}", step[sub]))
        seen_before.add(record.get("id", ""))
    assert broken == []


def test_dipos_validate_finds_the_generated_data_valid(generated: list[dict[str, Any]]) -> None:
    from dipos.validator import validate

    report = validate(generated)
    assert [(f.rule, f.message) for f in report.findings] == []


def test_the_same_seed_gives_the_same_file(tmp_path: Path, repo_root: Path) -> None:
    outputs = []
    for name in ("a.jsonl", "b.jsonl"):
        subprocess.run(
            [
                sys.executable,
                str(repo_root / "benchmarks" / "generate.py"),
                "--positions",
                "50",
                "--seed",
                "7",
                "--out",
                str(tmp_path / name),
            ],
            check=True,
            capture_output=True,
        )
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
