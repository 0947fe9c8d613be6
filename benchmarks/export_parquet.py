"""Benchmark ``dipos export --to parquet`` against ``dipos validate`` on the same file.

    python benchmarks/export_parquet.py [--sizes 100000,1000000] [--repeat 3]

For each size it generates (or reuses) the synthetic JSON Lines dataset of
``run.py``, then measures, in fresh processes and alternating within each round,
``dipos validate FILE`` and ``dipos export FILE --to parquet -o DIR`` (which validates
the data too, in a second process, while it converts). Targets, at the largest size:

* peak memory of the export (its whole process tree) at most 2 GB (10**9 bytes);
* the export at least a third of the speed of ``dipos validate``: positions per second
  of the export divided by those of the validation, median over the rounds, >= 1/3.

Writes ``benchmarks/export-results.json`` and ``benchmarks/export-results.md``, copies
the tables into ``docs/performance.md`` (unless ``--no-docs``) and exits 1 unless every
target passes. Not part of ``pytest``: speed goals live here.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Final

import orjson
from machine import load_average, machine_facts
from measure import _sample_tree
from report import replace_section
from run import dataset
from templates import BENCHMARKS_DIR, REPO_ROOT

PYTHON: Final = sys.executable
DIPOS: Final = [PYTHON, "-m", "dipos"]
MEMORY_LIMIT_BYTES: Final = 2 * 10**9
SPEED_RATIO: Final = 1 / 3
RESULTS_JSON: Final = BENCHMARKS_DIR / "export-results.json"
RESULTS_MD: Final = BENCHMARKS_DIR / "export-results.md"
DOCS_PAGE: Final = REPO_ROOT / "docs" / "performance.md"
BEGIN, END = "<!-- export-results:begin -->", "<!-- export-results:end -->"


def _measure(command: list[str]) -> dict[str, Any]:
    """Wall time, processor time (user + system, of the command and of every process it
    waited for) and peak memory of the process tree, sampled as ``measure.py`` does."""
    load = load_average()
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=err)
        stop, peak = threading.Event(), [0]
        sampler = threading.Thread(target=_sample_tree, args=(child.pid, stop, peak))
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode()[-4000:]}")
    return {
        "wall_seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_bytes": max(usage.ru_maxrss, peak[0]) * 1024,
        "load_before": load,
    }


def measure_size(positions: int, seed: int, repeat: int) -> dict[str, Any]:
    path, meta = dataset(positions, seed, regenerate=False)
    rounds = []
    for number in range(repeat):
        with tempfile.TemporaryDirectory(prefix="dipos-export-bench-") as tmp:
            output = Path(tmp) / "parquet"
            print(f"{positions:,} positions, round {number + 1}: validate", file=sys.stderr)
            validate = _measure([*DIPOS, "validate", str(path)])
            print(f"{positions:,} positions, round {number + 1}: export", file=sys.stderr)
            export = _measure([*DIPOS, "export", str(path), "--to", "parquet", "-o", str(output)])
            written = sum(f.stat().st_size for f in output.glob("*.parquet"))
            shutil.rmtree(output)
        rounds.append(
            {
                "validate": _summary(validate, positions),
                "export": {**_summary(export, positions), "parquet_bytes": written},
                "ratio": validate["wall_seconds"] / export["wall_seconds"],
                "cpu_ratio": validate["cpu_seconds"] / export["cpu_seconds"],
            }
        )
    return {
        "positions": positions,
        "records": meta["records"],
        "file_bytes": meta["bytes"],
        "rounds": rounds,
        "ratio_median": statistics.median(r["ratio"] for r in rounds),
        "cpu_ratio_median": statistics.median(r["cpu_ratio"] for r in rounds),
        "export_peak_bytes": max(r["export"]["peak_bytes"] for r in rounds),
        "export_wall_median": statistics.median(r["export"]["wall_seconds"] for r in rounds),
        "validate_wall_median": statistics.median(r["validate"]["wall_seconds"] for r in rounds),
    }


def _summary(result: dict[str, Any], positions: int) -> dict[str, Any]:
    return {
        "wall_seconds": round(result["wall_seconds"], 3),
        "cpu_seconds": round(result["cpu_seconds"], 3),
        "positions_per_second": round(positions / result["wall_seconds"]),
        "peak_bytes": result["peak_bytes"],
        "load_before": result["load_before"],
    }


def verdicts(largest: dict[str, Any]) -> list[tuple[str, bool, str]]:
    peak = largest["export_peak_bytes"]
    ratio = largest["ratio_median"]
    return [
        (
            "export peak memory <= 2 GB",
            peak <= MEMORY_LIMIT_BYTES,
            f"{peak / 1e6:,.0f} MB at {largest['positions']:,} positions",
        ),
        (
            "export speed >= 1/3 of dipos validate",
            ratio >= SPEED_RATIO,
            f"{ratio:.2f} of validate's positions per second (median of "
            f"{len(largest['rounds'])} rounds) at {largest['positions']:,} positions",
        ),
    ]


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "| Positions | validate (s) | export to Parquet (s) | export / validate speed | "
        "processor time: validate / export | export peak memory (MB) | Parquet size (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in report["sizes"]:
        parquet = statistics.median(r["export"]["parquet_bytes"] for r in size["rounds"])
        lines.append(
            f"| {size['positions']:,} | {size['validate_wall_median']:.1f} | "
            f"{size['export_wall_median']:.1f} | {size['ratio_median']:.2f} | "
            f"{size['cpu_ratio_median']:.2f} | "
            f"{size['export_peak_bytes'] / 1e6:,.0f} | {parquet / 1e6:,.0f} |"
        )
    lines += ["", "| Target | Verdict | Measured |", "|---|---|---|"]
    for name, passed, detail in report["verdicts"]:
        lines.append(f"| {name} | {'PASS' if passed else 'FAIL'} | {detail} |")
    machine = report["machine"]
    lines += [
        "",
        f"Machine: {machine.get('cores')} processors ({machine.get('cpu_model')}), "
        f"load average before the run {report['load_before']}, after {report['load_after']}; "
        f"medians of {report['repeat']} rounds, wall time of the whole command (start-up "
        "included), processor time (user + system) of the command and the processes it "
        "waited for, peak memory of the whole process tree.",
    ]
    return "\n".join(lines) + "\n"


def update_docs(results_md: str) -> None:
    """Copy the results into docs/performance.md, between the export markers."""
    replace_section(DOCS_PAGE, BEGIN, END, f"\n\n{results_md}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="100000", help="positions, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="rounds per size (default 3)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-docs", action="store_true", help="leave docs/performance.md")
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    started = time.time()
    load_before = load_average()
    measured = [measure_size(size, args.seed, args.repeat) for size in sizes]
    report: dict[str, Any] = {
        "command": "python benchmarks/export_parquet.py " + " ".join(argv or sys.argv[1:]),
        "machine": machine_facts(REPO_ROOT),
        "repeat": args.repeat,
        "load_before": load_before,
        "load_after": load_average(),
        "seconds": round(time.time() - started),
        "sizes": measured,
    }
    report["verdicts"] = verdicts(measured[-1])
    RESULTS_JSON.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2) + b"\n")
    RESULTS_MD.write_text(markdown(report), encoding="utf-8")
    if not args.no_docs:
        update_docs(markdown(report))
    for name, passed, detail in report["verdicts"]:
        print(f"{'PASS' if passed else 'FAIL'}: {name}: {detail}")
    return 0 if all(passed for _, passed, _ in report["verdicts"]) else 1


if __name__ == "__main__":
    sys.exit(main())
