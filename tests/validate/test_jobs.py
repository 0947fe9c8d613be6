"""``--jobs N`` gives exactly the findings of one process (dipos.validator.engine.parallel).

Large JSON Lines files are cut into ranges checked by different workers; here the
ranges are made tiny so that even small files are cut, many times, at every kind of
line: references across ranges, forward references, duplicates in different ranges,
bad lines, blank lines and a byte-order mark at the start.
"""

import copy
import subprocess
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

import orjson
import pytest

from dipos.validator.check.rules.quotes import SourceTexts
from dipos.validator.engine import parallel
from dipos.validator.engine.runner import run
from dipos.validator.read.inputs import collect

from .conftest import BROKEN, INVALID, VALID, sources_of


def _report(paths: list[Path], jobs: int, sources: Path | None = None) -> dict[str, Any]:
    texts = SourceTexts.from_directory(sources) if sources else None
    report = run(collect(paths), jobs=jobs, sources=texts)
    return report.to_dict()


@pytest.fixture
def tiny_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut JSON Lines files into ranges of about 700 bytes (a few lines each)."""
    monkeypatch.setattr(parallel, "RANGE_BYTES", 700)


def _cases() -> list[Path]:
    return sorted([*INVALID.iterdir(), *BROKEN.iterdir(), *VALID.iterdir()])


@pytest.mark.usefixtures("tiny_ranges")
@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.name)
def test_each_fixture_gives_the_same_report_with_two_jobs(case: Path) -> None:
    sources = sources_of(case)
    paths = [p for p in ([case] if case.is_file() else sorted(case.iterdir())) if p != sources]
    assert _report(paths, 2, sources) == _report(paths, 1, sources)


@pytest.fixture(scope="module")
def generated_with_errors(tmp_path_factory: pytest.TempPathFactory, repo_root: Path) -> Path:
    """A generated file (200 positions) with problems of every cross-record kind added."""
    directory = tmp_path_factory.mktemp("jobs")
    clean = directory / "clean.jsonl"
    subprocess.run(
        [
            sys.executable,
            str(repo_root / "benchmarks" / "generate.py"),
            *("--positions", "200", "--seed", "3", "--out", str(clean)),
        ],
        check=True,
        capture_output=True,
    )
    records = [orjson.loads(line) for line in clean.read_bytes().splitlines()]
    positions = [r for r in records if r["type"] == "position"]
    sources = [r for r in records if r["type"] == "source"]
    proposal = next(r for r in records if r["type"] == "proposal")

    def variant(base: dict[str, Any], new_id: str, **changes: Any) -> dict[str, Any]:
        record = copy.deepcopy(base)
        record["id"] = new_id
        record.update(changes)
        return record

    first = positions[0]
    later = next(  # a position with a plain date (uncertain dates and intervals are not)
        p
        for p in reversed(positions)
        if p.get("stated_on", {}).get("value", "?")[-1:].isdigit()
        and "/" not in p["stated_on"]["value"]
    )
    added = {
        # unresolved, wrong type, forward reference (to the last record, resolved)
        "unresolved": variant(first, "x-unresolved", holders=["actor-nobody"]),
        "wrong-type": variant(first, "x-wrong-type", holders=[sources[0]["id"]]),
        "forward": variant(first, "x-forward", reaffirms=["x-defined-last"]),
        "self": variant(first, "x-self", reaffirms=["x-self"]),
        "cycle-a": variant(
            first, "x-cycle-a", links=[{"relation": "precondition", "target": "x-cycle-b"}]
        ),
        "cycle-b": variant(
            first, "x-cycle-b", links=[{"relation": "precondition", "target": "x-cycle-a"}]
        ),
        "points": variant(
            first, "x-points", proposal_points=[{"proposal": proposal["id"], "points": ["999"]}]
        ),
        "later": variant(
            first,
            "x-later",
            stated_on={"value": "2001-01-01", "basis": "stated"},
            reaffirms=[later["id"]],
        ),
        "impossible": variant(
            first, "x-impossible", stated_on={"value": "2025-02-30", "basis": "stated"}
        ),
    }
    lines = [orjson.dumps(r) for r in records]
    lines.insert(0, b"\xef\xbb\xbf" + lines.pop(0))  # a byte-order mark on the first line
    middle = len(lines) // 2
    lines[middle:middle] = [
        orjson.dumps(added["unresolved"]),
        b"",
        b'{"type": "position", "id": "x-broken",',
        orjson.dumps(added["cycle-a"]),
        b'{"type":"actor","id":"x-dup-key","name":"A","name":"B","kind":"state"}',
        orjson.dumps(added["wrong-type"]),
        orjson.dumps(added["forward"]),
        orjson.dumps(added["self"]),
        orjson.dumps(later),  # the same id twice, far apart
    ]
    lines += [
        orjson.dumps(added["cycle-b"]),
        orjson.dumps(added["points"]),
        orjson.dumps(added["later"]),
        orjson.dumps(added["impossible"]),
        orjson.dumps(variant(first, "x-defined-last")),
    ]
    path = directory / "with-errors.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


EXPECTED_RULES = {
    "syntax-bom",
    "syntax-jsonl",
    "syntax-duplicate-key",
    "ref-unresolved",
    "ref-wrong-type",
    "id-duplicate",
    "link-self",
    "precondition-cycle",
    "proposal-point-unknown",
    "link-to-later-position",
    "date-impossible",
}


@pytest.mark.usefixtures("tiny_ranges")
def test_a_generated_file_with_errors_gives_the_same_report(generated_with_errors: Path) -> None:
    one = _report([generated_with_errors], 1)
    assert {f["rule"] for f in one["findings"]} >= EXPECTED_RULES
    assert all(f["line"] for f in one["findings"])
    assert _report([generated_with_errors], 2) == one
    assert _report([generated_with_errors], 3) == one


def test_the_file_is_cut_into_many_ranges(generated_with_errors: Path, tiny_ranges: None) -> None:
    tasks = parallel.tasks_for(
        collect([generated_with_errors]), 2, keep_quotes=False, portable_hash=False
    )
    assert len(tasks) > 50
    assert tasks[0].start == 0
    assert all(a.end == b.start for a, b in pairwise(tasks))


@pytest.mark.usefixtures("tiny_ranges")
def test_spawned_workers_give_the_same_report(
    generated_with_errors: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = _report([generated_with_errors], 1)
    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")
    monkeypatch.setattr(parallel, "RANGE_BYTES", 200_000)  # spawning is slow: few ranges
    assert _report([generated_with_errors], 2) == one


def test_jobs_on_the_command_line(generated_with_errors: Path) -> None:
    command = [sys.executable, "-m", "dipos", "validate", "--format", "json"]
    one = subprocess.run([*command, str(generated_with_errors)], capture_output=True)
    two = subprocess.run([*command, "--jobs", "0", str(generated_with_errors)], capture_output=True)
    assert one.returncode == two.returncode == 1
    assert two.stdout == one.stdout


@pytest.mark.usefixtures("tiny_ranges")
def test_jobs_in_the_python_api(generated_with_errors: Path) -> None:
    from dipos import validate

    one = validate(generated_with_errors)
    assert validate(generated_with_errors, jobs=2).to_dict() == one.to_dict()
