"""Which files to check: expand the paths given into dipos files.

A directory is searched recursively for ``.json``, ``.jsonl``, ``.yaml`` and
``.yml`` files (hidden directories such as ``.git`` are skipped); ``-`` is
standard input. A file given by name is checked whatever its name, read by its
extension (``.json`` when it has another).
"""

import errno
import io
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from ..safetext import one_line

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


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _walk(
    directory: Path, root: Path | None = None, visited: set[Path] | None = None
) -> Iterable[Path]:
    """The dipos files under ``directory``. A scan never leaves its root: a symbolic link
    that leads outside the directory given (or back up into it) is not followed; only
    regular files are read (a FIFO or a device found in a scan is skipped)."""
    visited = set() if visited is None else visited
    real = directory.resolve()
    root = real if root is None else root
    if real in visited or not _inside(real, root):
        return
    visited.add(real)
    try:
        entries = sorted(directory.iterdir())
    except OSError as error:
        raise InputError(
            f"cannot read directory {display_name(str(directory))}: {error.strerror}"
        ) from error
    for entry in entries:
        if entry.name.startswith(".") or entry.name in SKIPPED_DIRECTORIES:
            continue
        try:
            mode = entry.stat().st_mode
            target = entry.resolve() if entry.is_symlink() else None
        except (OSError, RuntimeError):  # a broken link, a loop of links
            continue
        if target is not None and not _inside(target, root):
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(entry, root, visited)
        elif entry.suffix.lower() in SUFFIXES and stat.S_ISREG(mode):
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
        mode = given_mode(path, given)
        if stat.S_ISDIR(mode):
            found = list(_walk(path))
        elif stat.S_ISREG(mode):
            found = [path]
        else:
            kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
            raise InputError(
                f"{display_name(str(given))} is {kind}, not a regular file: dipos reads "
                "files and directories (for a pipe, use - and redirect it to standard input)"
            )
        for file in found:
            key = file.resolve()
            if key in seen:
                continue
            seen.add(key)
            files.append(InputFile(display_name(str(file)), kind_of(file), path=file))
    return files


_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def given_mode(path: Path, given: str | Path) -> int:
    """The file mode of a path given by name (links followed), or ``InputError`` saying
    why there is none (no such file, a loop of links, unreadable)."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"no such file or directory: {display_name(str(given))}") from None
    except RuntimeError:  # Python < 3.13 on a loop of symbolic links
        raise InputError(f"{display_name(str(given))} is a loop of symbolic links") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(f"{display_name(str(given))} is a loop of symbolic links") from None
        raise InputError(f"cannot read {display_name(str(given))}: {error.strerror}") from None


def display_name(name: str) -> str:
    """A file name as findings show it: a name that is not valid UTF-8 (read by Python with
    surrogate escapes) has its stray bytes written as ``\\xNN``, and line breaks and control
    characters are escaped (see :mod:`.safetext`), so that every output format can print it
    on one line."""
    if not name.isascii():
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return one_line(name)
