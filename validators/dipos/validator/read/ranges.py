"""Cutting a JSON Lines file into ranges of bytes that end at line ends, for workers.

``dipos validate --jobs`` checks the ranges in worker processes and ``dipos export
--jobs`` converts them; both cut a file the same way here. Every range but the last
ends right after a line end, so no line is split between two workers; together the
ranges cover the file exactly, in order.
"""

from itertools import pairwise

from .inputs import InputFile


def line_ranges(file: InputFile, range_bytes: int, pieces: int = 1) -> list[tuple[int, int]]:
    """The ranges ``(start, end)`` of a file on disk: at least ``pieces`` of them (when
    the file has that many lines) and none much larger than ``range_bytes``, each
    ending at a line end. An empty file is one empty range."""
    size = file.size()
    count = max(pieces, -(-size // range_bytes))
    assert file.path is not None
    bounds = [0]
    with file.path.open("rb") as stream:
        for k in range(1, count):
            stream.seek(max(size * k // count, bounds[-1]))
            if stream.tell() > 0:
                stream.seek(stream.tell() - 1)  # a range may start right after a line end
            stream.readline()
            bounds.append(min(stream.tell(), size))
    bounds.append(size)
    return [(a, b) for a, b in pairwise(bounds) if b > a] or [(0, size)]
