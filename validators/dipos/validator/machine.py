"""What the machine offers a run: processors (``--jobs 0``) and memory (``--max-memory``)."""

import contextlib
import os
from collections.abc import Iterator


def cpu_count() -> int:
    """The number of processors this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def physical_memory() -> int:
    """The machine's physical memory in bytes (a large number where it cannot be known)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not on a POSIX system
        return 1 << 62


@contextlib.contextmanager
def limited_memory(limit: int | None) -> Iterator[None]:
    """Within the block, allocations beyond ``limit`` bytes of data fail with
    ``MemoryError`` (in this process and the workers it starts), rather than drown the
    machine; the previous limit is restored after. ``None``, or a platform without such
    limits: nothing is changed (the check before the run still applies)."""
    try:
        import resource
    except ImportError:  # not on a POSIX system
        resource = None  # type: ignore[assignment]
    if limit is None or resource is None:
        yield
        return
    try:
        previous = resource.getrlimit(resource.RLIMIT_DATA)
        hard = previous[1]
        resource.setrlimit(
            resource.RLIMIT_DATA,
            (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard),
        )
    except (ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, previous)
