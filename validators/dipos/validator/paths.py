"""Paths to a value inside a document: JSON Pointers and ``$``-paths.

A path is a tuple of object keys (``str``) and list indexes (``int``), from the
top of the file (or, in a JSON Lines file, of the line). It is written two ways
in findings: as an RFC 6901 JSON Pointer (``/positions/3/evidence``) for
programs, and as a ``$``-path (``$.positions[3].evidence``) for people.
"""

import re

from .safetext import one_line

Path = tuple[str | int, ...]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def to_pointer(path: Path) -> str:
    """The RFC 6901 JSON Pointer of a path (``""`` for the whole document)."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def to_json_path(path: Path) -> str:
    """The path written for people: ``$.positions[3].evidence``."""
    out = ["$"]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENTIFIER.match(part):
            out.append(f".{part}")
        else:
            escaped = one_line(part.replace("\\", "\\\\").replace("'", "\\'"))
            out.append(f"['{escaped}']")
    return "".join(out)
