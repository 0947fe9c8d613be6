"""Which files to check: expand the paths given into dipos files.

A directory is searched recursively for ``.json``, ``.jsonl``, ``.yaml`` and
``.yml`` files (hidden directories such as ``.git`` are skipped); ``-`` is
standard input. A file given by name is checked whatever its name, read by its
extension (``.json`` when it has another).
"""

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

Kind = Literal["json", "jsonl", "yaml"]

SUFFIXES: dict[str, Kind] = {".json": "json", ".jsonl": "jsonl", ".yaml": "yaml", ".yml": "yaml"}


READ_BUFFER = 1 << 20
"""Bytes read at a time from a file read as a stream."""

SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", "site-packages"})
"""Directories never searched (besides hidden ones such as ``.git``): they hold no dipos data."""


class InputError(Exception):
    """A path cannot be checked at all (missing, unreadable): the command cannot run."""


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to check: ``name`` is how findings name it; ``data`` is set for stdin and
    in-memory inputs, else the file is read from ``path``."""

    name: str
    kind: Kind
    path: Path | None = None
    data: bytes | None = None

    def read_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def open(self) -> BinaryIO:
        """The file's bytes as a stream (read line by line for JSON Lines)."""
        if self.data is not None:
            return io.BytesIO(self.data)
        assert self.path is not None
        # A large buffer: with the default one (8 KB), the reads cost about as much as the
        # loop that splits the lines.
        return self.path.open("rb", buffering=READ_BUFFER)


def kind_of(path: Path) -> Kind:
    return SUFFIXES.get(path.suffix.lower(), "json")


def _walk(directory: Path, visited: set[Path] | None = None) -> Iterable[Path]:
    visited = set() if visited is None else visited
    real = directory.resolve()
    if real in visited:  # a symbolic link back up the tree
        return
    visited.add(real)
    try:
        entries = sorted(directory.iterdir())
    except OSError as error:
        raise InputError(f"cannot read directory {directory}: {error.strerror}") from error
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIPPED_DIRECTORIES:
            continue
        if entry.is_dir():
            yield from _walk(entry, visited)
        elif entry.suffix.lower() in SUFFIXES and entry.is_file():
            yield entry


def sniff_kind(data: bytes) -> Kind:
    """Guess how standard input is written: JSON, JSON Lines or YAML."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"{", b"[")):
        return "yaml"
    lines = [line for line in head.splitlines() if line.strip()]
    if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:3]):
        first = lines[0].rstrip()
        if first.endswith(b"}"):
            return "jsonl"
    return "json"


def collect(
    paths: Sequence[str | Path], *, stdin: bytes | None = None, stdin_kind: Kind | None = None
) -> list[InputFile]:
    """Expand paths into the files to check, in a stable order, each once."""
    files: list[InputFile] = []
    seen: set[Path] = set()
    for given in paths:
        if str(given) == "-":
            data = stdin if stdin is not None else b""
            files.append(InputFile("-", stdin_kind or sniff_kind(data), data=data))
            continue
        path = Path(given)
        if path.is_dir():
            found = list(_walk(path))
        elif path.exists():
            found = [path]
        else:
            raise InputError(f"no such file or directory: {given}")
        for file in found:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            files.append(InputFile(str(file), kind_of(file), path=file))
    return files
