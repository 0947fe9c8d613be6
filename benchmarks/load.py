"""What `dipos.load` costs: time and peak memory on a generated dataset.

    python benchmarks/load.py [--positions 100000] [--seed 1]

Generates the dataset when missing or stale (as ``benchmarks/run.py`` does), then
measures, each in a fresh process: `dipos.validate` alone (for comparison),
`dipos.load` (which validates, then reads the records), and a pass over every
position resolving its holders, territories and evidence sources. Prints one JSON
object. Not a test: speed goals live here, never in timed tests.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from run import dataset

_CHILD = """
import json, resource, sys, time
import dipos
path = sys.argv[1]
what = sys.argv[2]
started = time.perf_counter()
result = {}
if what == "validate":
    report = dipos.validate(path)
    result["records"] = report.records
else:
    dataset = dipos.load(path)
    result["load_seconds"] = round(time.perf_counter() - started, 3)
    result["records"] = len(dataset)
    result["position_text_bytes"] = dataset.positions.nbytes()
    if what == "resolve":
        resolved = time.perf_counter()
        names = 0
        for position in dataset.positions:
            names += len(dataset.holders_of(position))
            names += len(dataset.territories_of(position))
            names += len(dataset.evidence_of(position))
        result["resolve_seconds"] = round(time.perf_counter() - resolved, 3)
        result["references_resolved"] = names
result["seconds"] = round(time.perf_counter() - started, 3)
result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(result))
"""


def _measure(path: Path, what: str) -> dict[str, Any]:
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what], capture_output=True, text=True, check=True
    )
    measured: dict[str, Any] = json.loads(completed.stdout.splitlines()[-1])
    return measured


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--positions", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    path, _ = dataset(args.positions, args.seed, regenerate=False)  # made again when stale
    results = {
        "positions": args.positions,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "validate": _measure(path, "validate"),
        "load": _measure(path, "load"),
        "load_and_resolve": _measure(path, "resolve"),
    }
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
