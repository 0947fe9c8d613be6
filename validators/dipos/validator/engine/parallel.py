"""Checking files in several worker processes (``dipos validate --jobs N``).

The work is cut into tasks: each file is a task, and a large JSON Lines file is cut
into ranges of bytes that end at line ends, each range a task. Workers check their
task exactly as one process would (syntax, schema, one-record rules, index rows)
and send back a :class:`~dipos.validator.engine.FilePart`, which pickles cheaply (its
index is a few typed arrays). The parent takes the parts in order, numbers their
lines (a worker counts the lines of its own range only; the parent adds the lines of
the ranges before it) and merges their indexes, then runs the cross-record rules once.
The findings are therefore the same as with one process.

Workers are forked where the platform allows it: they share the parent's hash of
ids. Elsewhere they are spawned, and every process uses a portable hash instead.
"""

import io
import multiprocessing
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..check.lines import check_lines
from ..check.pipeline import FilePart
from ..index.compact import CompactIndex, id_hasher
from ..read.inputs import InputFile
from ..read.ranges import line_ranges
from ..read.syntax import empty_file
from .files import Parts, check_file

RANGE_BYTES = 16 * 1024 * 1024
"""JSON Lines files are cut into ranges of about this size (smaller ranges balance the
workers better; larger ones cost less to merge). A worker reads its range whole."""


@dataclass(frozen=True, slots=True)
class Task:
    """A file to check, or the range ``start``..``end`` of bytes of a JSON Lines file."""

    file: InputFile
    start: int = 0
    end: int | None = None
    keep_quotes: bool = False
    portable_hash: bool = False


@dataclass(slots=True)
class TaskResult:
    """A worker's part, and for a range: how many lines it had, whether any had content."""

    part: FilePart
    lines: int = 0
    seen_content: bool = False


def start_method() -> str:
    """``fork`` where available (workers then share the parent's hash of ids), else ``spawn``."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def tasks_for(
    files: Sequence[InputFile],
    jobs: int,
    *,
    keep_quotes: bool,
    portable_hash: bool,
    range_bytes: int | None = None,
) -> list[Task]:
    """The tasks of a list of files, in order (ranges of ``range_bytes``, by default
    :data:`RANGE_BYTES`)."""
    range_bytes = range_bytes or RANGE_BYTES
    found = []
    for file in files:
        if file.kind == "jsonl" and file.path is not None and file.size() > range_bytes:
            for start, end in line_ranges(file, range_bytes, pieces=jobs):
                found.append(Task(file, start, end, keep_quotes, portable_hash))
        else:
            found.append(Task(file, keep_quotes=keep_quotes, portable_hash=portable_hash))
    return found


def run_task(task: Task) -> TaskResult:
    """Check one task (in a worker process)."""
    index = CompactIndex(hasher=id_hasher(task.portable_hash))
    index.flush_at = 2**62  # resolved in the parent, against the entries of every part
    if task.end is None:
        return TaskResult(check_file(task.file, keep_quotes=task.keep_quotes, index=index))
    part = FilePart(index=index)
    part.index.start_file(task.file.name)
    assert task.file.path is not None
    with task.file.path.open("rb") as stream:
        stream.seek(task.start)
        # A range is read whole (it is small, see RANGE_BYTES): splitting lines in memory
        # costs less than counting bytes line by line to find where the range ends.
        data = stream.read(task.end - task.start)
    with io.BytesIO(data) as lines_of_range:
        lines, seen = check_lines(
            lines_of_range,
            task.file.name,
            part,
            task.keep_quotes,
            bom_line=1 if task.start == 0 else 0,
        )
    return TaskResult(part, lines, seen)


class Merger:
    """Takes the task results in order and merges them into one index and findings."""

    def __init__(self, index: CompactIndex) -> None:
        self.index = index
        self.lines_before = 0
        self.seen_content = False

    def add(self, task: Task, result: TaskResult, last_of_file: bool) -> FilePart:
        """Merge one result; return its part with lines numbered in the whole file."""
        part = result.part
        if task.end is not None:
            offset = self.lines_before
            if offset:
                part.findings = [
                    replace(f, line=f.line + offset) if f.line is not None else f
                    for f in part.findings
                ]
                part.index.shift_lines(offset)
            self.lines_before += result.lines
            self.seen_content = self.seen_content or result.seen_content
            if last_of_file:
                if not self.seen_content:
                    part.findings.append(empty_file(task.file.name))
                self.lines_before, self.seen_content = 0, False
        self.index.merge(part.index)
        return part


def run_tasks(tasks: Sequence[Task], jobs: int) -> Iterator[tuple[Task, TaskResult]]:
    """Run the tasks on ``jobs`` worker processes; yield their results in task order."""
    context = multiprocessing.get_context(start_method())
    with context.Pool(min(jobs, len(tasks))) as pool:
        yield from zip(tasks, pool.imap(run_task, tasks), strict=True)


def check_in_workers(
    files: Sequence[InputFile],
    context: Sequence[InputFile],
    jobs: int,
    *,
    keep_quotes: bool,
) -> tuple[CompactIndex, Parts]:
    """The merged index (filled as the parts come) and the parts of the files, in order."""
    portable = start_method() != "fork"
    index = CompactIndex(hasher=id_hasher(portable))
    tasks = tasks_for(
        [*context, *files],
        jobs,
        keep_quotes=keep_quotes,
        portable_hash=portable,
    )
    in_context = {id(file) for file in context}

    def parts() -> Parts:
        if not tasks:
            return
        merger = Merger(index)
        for i, (task, result) in enumerate(run_tasks(tasks, jobs)):
            last = i + 1 == len(tasks) or tasks[i + 1].file is not task.file
            part = merger.add(task, result, last)
            yield task.file, part, id(task.file) in in_context, last

    return index, parts()
