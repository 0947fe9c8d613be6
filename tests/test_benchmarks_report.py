"""The benchmark's verdicts (benchmarks/report.py) are computed as its page says."""

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


@pytest.fixture(scope="module")
def report(repo_root: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(repo_root / "benchmarks"))
    try:
        import report as module

        yield module
    finally:
        sys.path.remove(str(repo_root / "benchmarks"))


def _row(key: str, seconds: float, by_round: list[float] | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "key": key,
        "size": 1_000_000,
        "ok": True,
        "seconds": seconds,
        "records_per_second": 1_000_000 / seconds,
        "positions_per_second": 1_000_000 / seconds,
        "peak_rss_bytes": 100_000_000,
    }
    if by_round is not None:
        row["seconds_by_round"] = by_round
    return row


def _speedup_verdict(report: ModuleType, rows: list[dict[str, Any]]) -> dict[str, str]:
    targets: list[dict[str, str]] = report.evaluate(rows, 2)
    return next(t for t in targets if "speedup" in t["target"])


def test_speedup_is_the_median_of_ratios_within_rounds(report: ModuleType) -> None:
    # Round 2 ran in a slow spell for both; its ratio is as good as the others'.
    one = _row("dipos", 20.0, [20.0, 26.0, 19.0])
    many = _row("dipos-jobs", 12.0, [11.0, 14.0, 12.0])
    verdict = _speedup_verdict(report, [one, many])
    # Ratios 1.82, 1.86, 1.58: the median is 1.82 (a ratio of medians would say 1.67).
    assert verdict["value"] == "1.82x"
    assert verdict["verdict"] == "PASS"
    assert "median of the 3 rounds' ratios" in verdict["detail"]


def test_speedup_of_single_runs_is_their_ratio(report: ModuleType) -> None:
    verdict = _speedup_verdict(report, [_row("dipos", 20.0), _row("dipos-jobs", 12.5)])
    assert verdict["value"] == "1.60x"
    assert verdict["verdict"] == "FAIL"
    assert "one run each" in verdict["detail"]
