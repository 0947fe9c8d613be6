"""Run one command in a child process; report its wall time and peak memory as JSON.

    python benchmarks/measure.py [--tree] -- COMMAND [ARG...]

A fresh wrapper per measurement, because the kernel's figure for children
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``) is the largest peak of any child
waited for so far: here there is only the one. That figure is the peak of the
largest single process; with ``--tree`` the wrapper also samples, every 50 ms,
the summed resident memory of the child and all its descendants (for commands
that start worker processes).

The child's output goes to temporary files, not to memory; the last 4,000
characters of each are reported.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Final

import orjson

TAIL: Final = 4000
PAGE_KIB: Final = os.sysconf("SC_PAGE_SIZE") // 1024


def _rss_and_children(pid: int) -> tuple[int, list[int]]:
    """Resident memory of a process and its children's pids (from each thread's
    ``/proc/PID/task/TID/children``: a process started from another thread is there)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    children: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children.extend(int(child) for child in (task / "children").read_text().split())
    # The command name may hold spaces and parentheses: split after its last ")".
    fields = stat[stat.rindex(")") + 2 :].split()
    return int(fields[21]) * PAGE_KIB, children


def _process_tree_rss_kib(root: int) -> int:
    """Summed resident memory of ``root`` and its descendants, from /proc.

    Only the tree is read (a few files), not every process of the machine: the
    sampling must not take a noticeable share of the processors it measures.
    """
    total, stack = 0, [root]
    while stack:
        try:
            rss, children = _rss_and_children(stack.pop())
        except (OSError, ValueError):  # the process has just ended
            continue
        total += rss
        stack.extend(children)
    return total


def _sample_tree(root: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.wait(0.05):
        peak[0] = max(peak[0], _process_tree_rss_kib(root))


def _tail(path: Path) -> str:
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - TAIL))
        return handle.read().decode("utf-8", "replace")


def measure(command: list[str], tree: bool) -> dict[str, Any]:
    """Run the command; its wall time, peak memory, exit code and output tails."""
    with tempfile.TemporaryDirectory(prefix="dipos-bench-") as tmp:
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            started = time.perf_counter()
            child = subprocess.Popen(command, stdout=out, stderr=err)
            stop, peak = threading.Event(), [0]
            sampler = threading.Thread(target=_sample_tree, args=(child.pid, stop, peak))
            if tree:
                sampler.start()
            returncode = child.wait()
            wall = time.perf_counter() - started
            stop.set()
            if tree:
                sampler.join()
        result: dict[str, Any] = {
            "wall_seconds": wall,
            "max_rss_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
            "returncode": returncode,
            "stdout_tail": _tail(out_path),
            "stderr_tail": _tail(err_path),
        }
        if tree:
            result["tree_rss_kib_sampled"] = peak[0]
        return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure one command.")
    parser.add_argument("--tree", action="store_true", help="also sample the process tree")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    print(orjson.dumps(measure(command, args.tree)).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
