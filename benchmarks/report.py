"""Turn benchmark results into target verdicts and a Markdown report."""

from pathlib import Path
from statistics import median
from typing import Any, Final

MB: Final = 1_000_000
"""Memory is reported in MB (10^6 bytes), the stricter reading of "200 MB"."""

TARGET_RATE: Final = 50_000
TARGET_RATIO: Final = 20.0
TARGET_RSS_MB: Final = 200
TARGET_RSS_SIZE: Final = 1_000_000
TARGET_LINEARITY: Final = 0.25
TARGET_SPEEDUP: Final = 1.7
LARGE: Final = 100_000

PASS, FAIL, NOT_MEASURED = "PASS", "FAIL", "NOT MEASURED"


def replace_section(page: Path, begin: str, end: str, body: str) -> bool:
    """Put ``body`` between the first ``begin`` marker of a page and the ``end`` marker
    after it (each benchmark keeps its results in its own section of
    docs/performance.md). False, and nothing written, when the page or a marker is
    missing."""
    if not page.is_file():
        return False
    text = page.read_text(encoding="utf-8")
    if begin not in text or end not in text.split(begin, 1)[1]:
        return False
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    page.write_text(f"{head}{begin}{body}{end}{tail}", encoding="utf-8")
    return True


def _find(results: list[dict[str, Any]], key: str, size: int) -> dict[str, Any] | None:
    for row in results:
        if row["key"] == key and row["size"] == size and row.get("ok"):
            return row
    return None


def _target(name: str, verdict: str, value: str, detail: str) -> dict[str, str]:
    return {"target": name, "verdict": verdict, "value": value, "detail": detail}


def evaluate(results: list[dict[str, Any]], jobs: int) -> list[dict[str, str]]:
    """A verdict per target of the "Performance" issue, from the measured rows."""
    sizes = sorted({row["size"] for row in results if row["size"] > 0})
    large = [s for s in sizes if s >= LARGE] or sizes[-1:]
    biggest = large[-1] if large else 0
    targets = []

    full = _find(results, "dipos", biggest)
    targets.append(
        _target(
            f"full validation >= {TARGET_RATE:,} positions/s (one process)",
            NOT_MEASURED
            if full is None
            else PASS
            if full["positions_per_second"] >= TARGET_RATE
            else FAIL,
            "-" if full is None else f"{full['positions_per_second']:,.0f} positions/s",
            f"`dipos validate` at {biggest:,} positions, whole process wall time",
        )
    )

    reference = _find(results, "jsonschema", biggest)
    if full is None or reference is None:
        targets.append(_target(f">= {TARGET_RATIO:g}x python-jsonschema", NOT_MEASURED, "-", ""))
    else:
        ratio = full["records_per_second"] / reference["records_per_second"]
        targets.append(
            _target(
                f">= {TARGET_RATIO:g}x python-jsonschema",
                PASS if ratio >= TARGET_RATIO else FAIL,
                f"{ratio:.1f}x",
                f"records/s at {biggest:,} positions, same run",
            )
        )

    at_million = _find(results, "dipos", TARGET_RSS_SIZE)
    targets.append(
        _target(
            f"peak RSS < {TARGET_RSS_MB} MB at {TARGET_RSS_SIZE:,} positions",
            NOT_MEASURED
            if at_million is None
            else PASS
            if at_million["peak_rss_bytes"] < TARGET_RSS_MB * MB
            else FAIL,
            "-" if at_million is None else f"{at_million['peak_rss_bytes'] / MB:.0f} MB",
            "`dipos validate`, one process",
        )
    )

    # Linear growth means a constant cost per position once the fixed start-up cost
    # (interpreter, imports, schema compilation: the tiny-file run) is set aside.
    startup = _find(results, "dipos-startup", 0)
    fixed = startup["seconds"] if startup and startup.get("seconds") else 0.0
    rates = [
        (s, s / max(row["seconds"] - fixed, 1e-9))
        for s in large
        if (row := _find(results, "dipos", s)) and row.get("seconds")
    ]
    if len(rates) < 2:
        targets.append(_target("linear time", NOT_MEASURED, "-", f"needs two sizes >= {LARGE:,}"))
    else:
        (small, small_rate), (big, big_rate) = rates[-2], rates[-1]
        ratio = big_rate / small_rate
        targets.append(
            _target(
                f"linear time (rate within {TARGET_LINEARITY:.0%} across sizes)",
                PASS if abs(1 - ratio) <= TARGET_LINEARITY else FAIL,
                f"{ratio:.2f}",
                f"positions/s after start-up ({fixed:.2f} s) at {big:,} / at {small:,} positions",
            )
        )

    parallel = _find(results, "dipos-jobs", biggest)
    if full is None or parallel is None:
        targets.append(
            _target(f"--jobs {jobs} speedup >= {TARGET_SPEEDUP}x", NOT_MEASURED, "-", "")
        )
    else:
        speedup, how = _speedup(full, parallel)
        targets.append(
            _target(
                f"--jobs {jobs} speedup >= {TARGET_SPEEDUP}x",
                PASS if speedup >= TARGET_SPEEDUP else FAIL,
                f"{speedup:.2f}x",
                f"wall time at {biggest:,} positions, {how}",
            )
        )
    return targets


def _speedup(one: dict[str, Any], many: dict[str, Any]) -> tuple[float, str]:
    """How many times faster ``many`` processes are than one, and how that was taken.

    With repeated runs, the ratio is taken within each round (the two runs were made
    minutes apart, under the same conditions) and the median of the rounds' ratios is
    kept; a ratio of medians would mix runs made at different times.
    """
    rounds_one, rounds_many = one.get("seconds_by_round", []), many.get("seconds_by_round", [])
    pairs = (
        [(a, b) for a, b in zip(rounds_one, rounds_many, strict=True) if a and b]
        if len(rounds_one) == len(rounds_many)
        else []
    )
    if len(pairs) < 2:
        return one["seconds"] / many["seconds"], "one run each"
    ratios = sorted(a / b for a, b in pairs)
    shown = ", ".join(f"{r:.2f}" for r in ratios)
    return median(ratios), f"median of the {len(ratios)} rounds' ratios ({shown})"


def _fmt(value: float | None, spec: str = ",.0f") -> str:
    return "-" if value is None else format(value, spec)


def markdown(report: dict[str, Any]) -> str:
    """The results as Markdown: machine, datasets, measurements, targets."""
    m = report["machine"]
    packages = ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v)
    lines = [
        f"Run on {m['date']}, commit `{(m['git_commit'] or 'unknown')[:12]}`"
        + (" (with uncommitted changes)" if m["git_dirty"] else "")
        + f", command `{report['command']}`.",
        "",
        f"- Machine: {m['cpu_model']}, {m['cores_usable']} usable cores of {m['cores']}, "
        f"{m['memory_mib']:,} MiB RAM, {m['os']}",
        f"- Software: {m['python']}; {packages}",
        f"- `dipos validate` measured as: `{report['validate_command']}`",
        f"- Load average (1, 5, 15 min) at start: {m['load_average_at_start']}, "
        f"at end: {report['load_average_at_end']}",
        "",
        "| Positions | Records | Records by type | File MB | Generated in s | Generator peak MB |",
        "|---:|---:|---|---:|---:|---:|",
    ]
    for d in report["datasets"]:
        by_type = ", ".join(f"{k} {v:,}" for k, v in d["records_by_type"].items())
        lines.append(
            f"| {d['positions']:,} | {d['records']:,} | {by_type} | {d['bytes'] / MB:,.0f} "
            f"| {_fmt(d.get('generation_wall_seconds'), '.1f')} "
            f"| {_fmt(d.get('generation_peak_rss_bytes', 0) / MB, '.0f')} |"
        )
    lines += [
        "",
        "| Positions | Measurement | Records measured | Seconds | Records/s | Positions/s "
        "| Peak RSS MB | Notes |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in report["results"]:
        lines.append(
            f"| {r['size']:,} | {r['label']} | {_fmt(r.get('records'))} "
            f"| {_fmt(r.get('seconds'), '.2f')} | {_fmt(r.get('records_per_second'))} "
            f"| {_fmt(r.get('positions_per_second'))} "
            f"| {_fmt(r['peak_rss_bytes'] / MB if r.get('peak_rss_bytes') else None)} "
            f"| {r.get('note', '')} |"
        )
    lines += ["", "| Target | Verdict | Measured | How |", "|---|---|---|---|"]
    for t in report["targets"]:
        lines.append(f"| {t['target']} | **{t['verdict']}** | {t['value']} | {t['detail']} |")
    return "\n".join(lines) + "\n"
