"""How much memory a run may take (``dipos validate --max-memory``)."""

import os


def physical_memory() -> int:
    """The machine's physical memory in bytes (a large number where it cannot be known)."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not on a POSIX system
        return 1 << 62


def limit_memory(limit: int) -> None:
    """Make allocations beyond ``limit`` bytes of data fail with ``MemoryError`` (in this
    process and the workers it starts), rather than drown the machine. Where the platform
    has no such limit, nothing is done: the check before the run still applies."""
    try:
        import resource
    except ImportError:  # not on a POSIX system
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    except (ValueError, OSError):
        return
