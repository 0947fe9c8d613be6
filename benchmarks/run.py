"""Run the dipos performance benchmark: one command, every measurement, one report.

    python benchmarks/run.py [--sizes 10000,100000,1000000] [--jobs 2] [--repeat 1]

For each size it generates (or reuses) a synthetic JSON Lines dataset and
measures, each in a fresh process: orjson parsing alone, jsonschema-rs alone,
python-jsonschema (a sample of records above 100,000 positions), ``dipos
validate`` and ``dipos validate --jobs N``. It writes ``benchmarks/results.json``
and ``benchmarks/results.md``, copies the tables into ``docs/performance.md``,
prints a PASS/FAIL verdict per target, and exits 1 unless every target passes.
"""

import argparse
import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import orjson
from generate import GENERATOR_VERSION, default_output, meta_path
from machine import load_average, machine_facts
from report import LARGE, evaluate, markdown, replace_section
from templates import BENCHMARKS_DIR, REPO_ROOT, load_templates

PYTHON: Final = sys.executable
DOCS_PAGE: Final = REPO_ROOT / "docs" / "performance.md"
VALIDATE: list[str] = [PYTHON, "-m", "dipos", "validate"]
"""The command measured as `dipos validate`; ``--validate-command`` replaces it."""
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def _measure(command: list[str], tree: bool = False) -> dict[str, Any]:
    wrapper = [PYTHON, str(BENCHMARKS_DIR / "measure.py"), *(["--tree"] if tree else []), "--"]
    done = subprocess.run([*wrapper, *command], capture_output=True, check=True)
    result: dict[str, Any] = orjson.loads(done.stdout)
    return result


def _dipos_features(validate: list[str]) -> tuple[bool, bool]:
    """Whether ``dipos validate`` exists, and whether it takes ``--jobs``."""
    done = subprocess.run([*validate, "--help"], capture_output=True, text=True)
    return done.returncode == 0, done.returncode == 0 and "--jobs" in done.stdout


def dataset(positions: int, seed: int, regenerate: bool) -> tuple[Path, dict[str, Any]]:
    """The dataset of this size, generated unless an identical one is already there."""
    output = default_output(positions, seed)
    digest = load_templates().digest
    if output.is_file() and meta_path(output).is_file() and not regenerate:
        meta: dict[str, Any] = orjson.loads(meta_path(output).read_bytes())
        if (meta.get("generator_version"), meta.get("templates", {}).get("digest")) == (
            GENERATOR_VERSION,
            digest,
        ):
            return output, meta
    print(f"generating {positions:,} positions ...", file=sys.stderr, flush=True)
    measured = _measure(
        [
            PYTHON,
            str(BENCHMARKS_DIR / "generate.py"),
            "--positions",
            str(positions),
            "--seed",
            str(seed),
            "--out",
            str(output),
        ]
    )
    if measured["returncode"] != 0:
        raise SystemExit(f"generation failed:\n{measured['stderr_tail']}")
    meta = orjson.loads(meta_path(output).read_bytes())
    meta["generation_wall_seconds"] = measured["wall_seconds"]
    meta["generation_peak_rss_bytes"] = measured["max_rss_kib"] * 1024
    meta_path(output).write_bytes(orjson.dumps(meta, option=orjson.OPT_INDENT_2))
    return output, meta


def _worker_row(key: str, label: str, size: int, path: Path, sample: int | None) -> dict[str, Any]:
    command = [
        PYTHON,
        str(BENCHMARKS_DIR / "workers.py"),
        key,
        str(path),
    ]
    if sample:
        command += ["--sample", str(sample)]
    measured = _measure(command)
    row: dict[str, Any] = {"key": key, "label": label, "size": size}
    if measured["returncode"] != 0:
        return row | {"ok": False, "note": "worker failed", "stderr_tail": measured["stderr_tail"]}
    out = orjson.loads(measured["stdout_tail"])
    seconds = out["seconds"]
    note = []
    if out["stride"] > 1:
        note.append(f"sample: 1 record in {out['stride']}, rate from the sample")
    if out["invalid"]:
        note.append(f"{out['invalid']} records INVALID")
    return row | {
        "ok": out["invalid"] == 0,
        "records": out["records"],
        "positions": out["positions"],
        "seconds": seconds,
        "setup_seconds": out["setup_seconds"],
        "process_wall_seconds": measured["wall_seconds"],
        "records_per_second": out["records"] / seconds if seconds else None,
        "positions_per_second": out["positions"] / seconds if seconds else None,
        "peak_rss_bytes": measured["max_rss_kib"] * 1024,
        "note": "; ".join(note) or "timed loop: read + parse (+ validate); compile excluded",
    }


def _dipos_row(
    key: str, label: str, size: int, path: Path, meta: dict[str, Any], jobs: int | None
) -> dict[str, Any]:
    command = [*VALIDATE, *(["--jobs", str(jobs)] if jobs else []), str(path)]
    measured = _measure(command, tree=jobs is not None)
    seconds = measured["wall_seconds"]
    ok = measured["returncode"] == 0
    row: dict[str, Any] = {
        "key": key,
        "label": label,
        "size": size,
        "ok": ok,
        "records": meta["records"],
        "positions": meta["records_by_type"].get("position", 0),
        "seconds": seconds,
        "process_wall_seconds": seconds,
        "records_per_second": meta["records"] / seconds,
        "positions_per_second": meta["records_by_type"].get("position", 0) / seconds,
        "peak_rss_bytes": measured["max_rss_kib"] * 1024,
        "returncode": measured["returncode"],
        "note": "whole process: start-up, read, parse, schema, rules"
        if ok
        else f"exit code {measured['returncode']}: see results.json",
    }
    if jobs is not None:
        row["tree_rss_bytes_sampled"] = measured["tree_rss_kib_sampled"] * 1024
        row["note"] += (
            f"; peak RSS of the largest process; all processes together "
            f"{measured['tree_rss_kib_sampled'] * 1024 / 1e6:.0f} MB (sampled)"
        )
    if not ok:
        row["stdout_tail"] = measured["stdout_tail"][-2000:]
        row["stderr_tail"] = measured["stderr_tail"][-2000:]
    return row


def _not_available(key: str, label: str, size: int, why: str) -> dict[str, Any]:
    return {"key": key, "label": label, "size": size, "ok": False, "note": why}


def _best(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Of repeated runs: the median run (this machine's timings vary by 10-20% from
    run to run, so neither the fastest nor the slowest is representative), with the
    highest peak memory seen and every run's time."""
    done = sorted((r for r in rows if r.get("seconds")), key=lambda r: r["seconds"])
    if not done:
        return rows[0]
    best = dict(done[(len(done) - 1) // 2])
    best["peak_rss_bytes"] = max(r["peak_rss_bytes"] for r in done)
    # Every run's time, in the order of the rounds (for ratios within a round).
    best["seconds_by_round"] = [r.get("seconds") for r in rows]
    if len(rows) > 1:
        low, high = done[0]["seconds"], done[-1]["seconds"]
        best["note"] += f"; median of {len(rows)} runs ({low:.2f} to {high:.2f} s)"
    return best


def measure_size(
    size: int,
    path: Path,
    meta: dict[str, Any],
    args: argparse.Namespace,
    has_validate: bool,
    has_jobs: bool,
) -> list[dict[str, Any]]:
    """Every measurement of one dataset, in a fixed order."""
    sample = args.jsonschema_sample if size > LARGE else None
    reference = "python-jsonschema Draft202012Validator"
    models = "pydantic models only (`model_validate`)"
    full, parallel = "`dipos validate`", f"`dipos validate --jobs {args.jobs}`"
    plan: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("orjson parse only", lambda: _worker_row("parse", "orjson parse only", size, path, None)),
        (
            "jsonschema-rs only",
            lambda: _worker_row("jsonschema-rs", "jsonschema-rs only", size, path, None),
        ),
        (reference, lambda: _worker_row("jsonschema", reference, size, path, sample)),
        (models, lambda: _worker_row("pydantic", models, size, path, sample)),
    ]
    if has_validate:
        plan.append((full, lambda: _dipos_row("dipos", full, size, path, meta, None)))
    if has_jobs:
        plan.append(
            (parallel, lambda: _dipos_row("dipos-jobs", parallel, size, path, meta, args.jobs))
        )
    # Round-robin: each round runs every measurement once, so that a slower spell of the
    # machine weighs on all of them alike, and ratios can be taken within a round. Every
    # other round runs them in the reverse order, so that none always comes first.
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _ in plan}
    for round_number in range(1, args.repeat + 1):
        in_order = plan if round_number % 2 else plan[::-1]
        for label, run in in_order:
            print(
                f"  {size:,} positions: {label} (round {round_number} of {args.repeat}) ...",
                file=sys.stderr,
                flush=True,
            )
            runs[label].append(run())
    rows = [_best(runs[label]) for label, _ in plan]
    if not has_validate:
        rows.append(_not_available("dipos", full, size, "not available yet"))
    if not has_jobs:
        rows.append(_not_available("dipos-jobs", parallel, size, "not available yet"))
    return rows


def update_docs(results_md: str) -> None:
    """Copy the results into docs/performance.md, between its result markers."""
    replace_section(DOCS_PAGE, BEGIN, END, f"\n{results_md}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dipos performance benchmark.")
    parser.add_argument(
        "--sizes", default="10000,100000,1000000", help="positions per dataset, comma-separated"
    )
    parser.add_argument("--jobs", type=int, default=2, help="processes for `--jobs` (default 2)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (median kept)")
    parser.add_argument(
        "--jsonschema-sample",
        type=int,
        default=20_000,
        help=f"python-jsonschema sample above {LARGE:,} positions",
    )
    parser.add_argument("--regenerate", action="store_true", help="regenerate the datasets")
    parser.add_argument(
        "--out",
        type=Path,
        default=BENCHMARKS_DIR,
        help="where results.json and results.md go (default benchmarks/)",
    )
    parser.add_argument(
        "--validate-command",
        help="measure this command instead of `python -m dipos validate` (e.g. another branch)",
    )
    parser.add_argument("--no-docs", action="store_true", help="leave docs/performance.md alone")
    args = parser.parse_args(argv)
    sizes = sorted(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())

    machine = machine_facts(REPO_ROOT)
    if args.validate_command:
        VALIDATE[:] = shlex.split(args.validate_command)
    has_validate, has_jobs = _dipos_features(VALIDATE)
    results: list[dict[str, Any]] = []
    datasets = []
    if has_validate:
        path, meta = dataset(0, args.seed, args.regenerate)
        row = _dipos_row(
            "dipos-startup", "`dipos validate`, tiny file (start-up cost)", 0, path, meta, None
        )
        row["note"] = f"{meta['records']} records: mostly interpreter and import time"
        results.append(row)
    for size in sizes:
        path, meta = dataset(size, args.seed, args.regenerate)
        datasets.append(meta)
        results.extend(measure_size(size, path, meta, args, has_validate, has_jobs))

    report: dict[str, Any] = {
        "command": "python benchmarks/run.py "
        + shlex.join(argv if argv is not None else sys.argv[1:]),
        "machine": machine,
        "load_average_at_end": load_average(),
        "validate_command": shlex.join(VALIDATE),
        "settings": {
            "sizes": sizes,
            "jobs": args.jobs,
            "seed": args.seed,
            "repeat": args.repeat,
            "jsonschema_sample": args.jsonschema_sample,
        },
        "datasets": datasets,
        "results": results,
    }
    targets = evaluate(results, args.jobs)
    report["targets"] = targets
    results_md = markdown(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_bytes(
        orjson.dumps(report, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
    )
    (args.out / "results.md").write_text("# Benchmark results\n\n" + results_md, encoding="utf-8")
    if not args.no_docs:
        update_docs(results_md)
    print(results_md)
    for target in targets:
        print(f"{target['verdict']:>12}  {target['target']}  {target['value']}")
    return 0 if all(t["verdict"] == "PASS" for t in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
