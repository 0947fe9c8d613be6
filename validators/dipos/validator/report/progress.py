"""A progress line on standard error, for large inputs on a terminal only.

Nothing is written when standard error is not a terminal (piped, in CI, in
pre-commit) or when the input is small, so output stays clean for machines.
"""

import sys
import time
from typing import TextIO

LARGE_INPUT_BYTES = 5_000_000
LARGE_INPUT_FILES = 200


class ProgressLine:
    """A ``\\r``-rewritten status line: files done, records checked."""

    def __init__(
        self, total_files: int, stream: TextIO | None = None, min_interval: float = 0.2
    ) -> None:
        self.stream = stream or sys.stderr
        self.total_files = total_files
        self.files_done = 0
        self.records_before = 0
        self.records = 0
        self.min_interval = min_interval
        self._last = 0.0
        self._shown = False

    @staticmethod
    def wanted(total_bytes: int, total_files: int, stream: TextIO | None = None) -> bool:
        """Whether a progress line should be shown for an input of this size."""
        stream = stream or sys.stderr
        large = total_bytes >= LARGE_INPUT_BYTES or total_files >= LARGE_INPUT_FILES
        return large and stream.isatty()

    def records_in_file(self, count: int) -> None:
        self.records = self.records_before + count
        self._draw()

    def file_done(self, records_total: int) -> None:
        self.files_done += 1
        self.records_before = self.records = records_total
        self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if now - self._last < self.min_interval:
            return
        self._last = now
        self._shown = True
        self.stream.write(
            f"\rdipos validate: {self.files_done}/{self.total_files} files, "
            f"{self.records:,} records checked"
        )
        self.stream.flush()

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
