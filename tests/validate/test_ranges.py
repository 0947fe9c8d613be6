"""A JSON Lines file cut into ranges of lines (``dipos validate --jobs``, ``dipos export
--jobs``): the ranges cover the file in order, and no line is split."""

from itertools import pairwise
from pathlib import Path

import pytest

from dipos.validator.read.inputs import collect
from dipos.validator.read.ranges import line_ranges


@pytest.mark.parametrize(("range_bytes", "pieces"), [(1000, 1), (70, 1), (10_000, 4), (1, 1)])
def test_ranges_cover_the_file_at_line_ends(tmp_path: Path, range_bytes: int, pieces: int) -> None:
    path = tmp_path / "data.jsonl"
    data = b"".join(b'{"id": "r%d", "pad": "%s"}\n' % (n, b"x" * (n % 13)) for n in range(40))
    path.write_bytes(data)
    (file,) = collect([path])
    ranges = line_ranges(file, range_bytes, pieces)
    assert ranges[0][0] == 0
    assert ranges[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in pairwise(ranges))
    assert all(data[end - 1 : end] == b"\n" for _, end in ranges)
    assert len(ranges) >= min(pieces, 40)


def test_an_empty_file_is_one_empty_range(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    (file,) = collect([path])
    assert line_ranges(file, 100, 3) == [(0, 0)]
