"""How fast ``dipos report`` is at 5,000 positions: generation, and the page in a browser.

    python benchmarks/report_speed.py [--positions 5000] [--repeat 3] [--no-write]

Generates a dataset (``generate.py``, the validation benchmark's generator), then:

* **generation**: the wall time of the whole ``dipos report DATA -o DIR`` process
  (start-up, validation, page and write included); target under 10 s;
* **page interactive**: opened from disk in headless Chromium (Debian's
  ``/usr/bin/chromium``, driven by Playwright, network blocked), the time from the start of
  navigation until every view is drawn (the page sets ``data-dipos-report="ready"`` on
  ``<html>``; its own ``performance.now()`` at that moment); target under 3 s.

Each is measured ``--repeat`` times; the median is kept, with every run recorded. The
results go to ``benchmarks/report-results.json`` (unless ``--no-write``) and a PASS/FAIL
line per target is printed; the exit code is 1 unless both pass. Not a test: timings
belong here, never in pytest.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final

import orjson
from machine import load_average, machine_facts
from templates import BENCHMARKS_DIR, REPO_ROOT

# The browser tests' Chromium and flags (tests/browser/chromium.py): the page is timed in
# the browser it is checked in.
sys.path.insert(0, str(REPO_ROOT / "tests"))
from browser.chromium import launch

RESULTS: Final = BENCHMARKS_DIR / "report-results.json"
GENERATION_TARGET_S: Final = 10.0
INTERACTIVE_TARGET_S: Final = 3.0


def _generate(positions: int, folder: Path) -> Path:
    data = folder / f"positions-{positions}.jsonl"
    generator = str(BENCHMARKS_DIR / "generate.py")
    subprocess.run(
        [sys.executable, generator, "--positions", str(positions), "--out", str(data)],
        check=True,
        capture_output=True,
    )
    return data


def _report_seconds(data: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "dipos", "report", str(data), "-o", str(out)],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def _interactive_seconds(index: Path, repeat: int) -> tuple[list[float], dict[str, Any]]:
    from playwright.sync_api import sync_playwright

    runs: list[float] = []
    views: dict[str, Any] = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                context.route(
                    "**/*",
                    lambda route: (
                        route.continue_()
                        if route.request.url.startswith("file:")
                        else route.abort()
                    ),
                )
                page = context.new_page()
                page.goto(index.resolve().as_uri(), wait_until="commit")
                page.wait_for_selector(
                    "html[data-dipos-report=ready]", state="attached", timeout=60_000
                )
                # The page's performance.now() when the last view was drawn: milliseconds
                # since the start of navigation (the document's time origin).
                ready_ms = page.evaluate("() => window.diposReport.readyAtMs")
                views = page.evaluate("() => window.diposReport.timings")
                runs.append(float(ready_ms) / 1000)
                context.close()
        finally:
            browser.close()
    return runs, views


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--positions", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dipos-report-bench-") as tmp:
        folder = Path(tmp)
        data = _generate(args.positions, folder)
        load_before = load_average()
        generation = [_report_seconds(data, folder / "report") for _ in range(args.repeat)]
        index = folder / "report" / "index.html"
        size = index.stat().st_size
        interactive, views = _interactive_seconds(index, args.repeat)
        load_after = load_average()
    result = {
        "positions": args.positions,
        "page_bytes": size,
        "generation_s": round(statistics.median(generation), 3),
        "generation_runs_s": [round(s, 3) for s in generation],
        "interactive_s": round(statistics.median(interactive), 3),
        "interactive_runs_s": [round(s, 3) for s in interactive],
        "view_draw_ms_last_run": views,
        "load_average_before_after": [load_before, load_after],
        "machine": machine_facts(REPO_ROOT),
    }
    checks = [
        ("generation", result["generation_s"], GENERATION_TARGET_S),
        ("page interactive", result["interactive_s"], INTERACTIVE_TARGET_S),
    ]
    for name, value, target in checks:
        verdict = "PASS" if value < target else "FAIL"
        print(f"{verdict} {name}: {value:.2f} s (target < {target:.0f} s)")
    print(f"page: {size / 1e6:.1f} MB; load average before/after: {load_before} / {load_after}")
    if not args.no_write:
        RESULTS.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2) + b"\n")
        print(f"written {RESULTS.relative_to(REPO_ROOT)}")
    return 0 if all(value < target for _, value, target in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
