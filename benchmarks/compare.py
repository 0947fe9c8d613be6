"""Compare ``dipos validate`` of two source trees on one file, interleaved.

    python benchmarks/compare.py --base /path/to/old/validators --new validators \\
        --file benchmarks/data/positions-100000-seed1.jsonl [--rounds 6] [--jobs 2]

A change is judged against the code before it on a host whose speed swings from one
minute to the next: the two trees run one after the other in each round (the order
alternating between rounds), and the verdict is the median of the ratios taken
within the rounds, never a comparison of absolute times from different moments. Each
run is a fresh process; its wall time, processor time (user + system, workers included)
and peak memory are recorded. On a shared host the processor time is the steadier
measure: the wall time also counts the time the process waited for a processor. Prints
a JSON summary; ``--out`` also writes it.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import orjson

BENCHMARKS_DIR = Path(__file__).resolve().parent


def _run(tree: Path, file: Path, jobs: int) -> dict[str, Any]:
    """One run in a fresh process: wall time, processor time (user + system, the process
    and the workers it waited for) and peak resident memory of the largest process."""
    command = [sys.executable, "-m", "dipos", "validate", "--quiet", str(file)]
    if jobs > 1:
        command += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    return {
        "wall_seconds": wall,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "max_rss_kib": usage.ru_maxrss,
        "returncode": os.waitstatus_to_exitcode(status),
    }


def compare(base: Path, new: Path, file: Path, rounds: int, jobs: int) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"base": [], "new": []}
    ratios = []
    cpu_ratios = []
    for number in range(rounds):
        order = [("base", base), ("new", new)]
        if number % 2:
            order.reverse()
        got = {name: _run(tree, file, jobs) for name, tree in order}
        for name, result in got.items():
            runs[name].append(result)
        ratios.append(got["new"]["wall_seconds"] / got["base"]["wall_seconds"])
        cpu_ratios.append(got["new"]["cpu_seconds"] / got["base"]["cpu_seconds"])
        print(
            f"round {number + 1}: wall base {got['base']['wall_seconds']:.2f} s, "
            f"new {got['new']['wall_seconds']:.2f} s ({ratios[-1]:.3f}); processor base "
            f"{got['base']['cpu_seconds']:.2f} s, new {got['new']['cpu_seconds']:.2f} s "
            f"({cpu_ratios[-1]:.3f})",
            file=sys.stderr,
            flush=True,
        )
    return {
        "file": file.name,
        "jobs": jobs,
        "rounds": rounds,
        "wall_ratio_new_over_base_median": round(statistics.median(ratios), 3),
        "wall_ratios": [round(r, 3) for r in ratios],
        "cpu_ratio_new_over_base_median": round(statistics.median(cpu_ratios), 3),
        "cpu_ratios": [round(r, 3) for r in cpu_ratios],
        "seconds": {k: [round(r["wall_seconds"], 3) for r in v] for k, v in runs.items()},
        "peak_mib": {
            k: [
                round(max(r.get("tree_rss_kib_sampled", 0), r.get("max_rss_kib", 0)) / 1024, 1)
                for r in v
            ]
            for k, v in runs.items()
        },
        "exit_codes": {k: sorted({r["returncode"] for r in v}) for k, v in runs.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--base", type=Path, required=True, help="source root of the base")
    parser.add_argument("--new", type=Path, required=True, help="source root of the change")
    parser.add_argument("--file", type=Path, required=True, help="the data file to validate")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the summary here")
    args = parser.parse_args(argv)
    summary = compare(args.base.resolve(), args.new.resolve(), args.file, args.rounds, args.jobs)
    text = orjson.dumps(summary, option=orjson.OPT_INDENT_2).decode() + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print(text, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
