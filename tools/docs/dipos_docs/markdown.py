"""Small helpers to write Markdown safely from data.

Text taken from data (quotes, names, descriptions) may hold any character.
These helpers make sure it is shown as written: never read as Markdown syntax,
HTML, or a table-cell delimiter.
"""

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

# Characters that Markdown (or its extensions: tables, footnotes, attr_list) would
# read as syntax. Written as numeric character references they are shown as-is.
_MARKDOWN_SPECIAL: Final = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "*": "&#42;",
    "_": "&#95;",
    "`": "&#96;",
    "[": "&#91;",
    "]": "&#93;",
    "\\": "&#92;",
    "#": "&#35;",
    "{": "&#123;",
    "}": "&#125;",
    "~": "&#126;",
    "^": "&#94;",
    "$": "&#36;",
    "=": "&#61;",
}
_MARKDOWN_SPECIAL_RE: Final = re.compile("|".join(re.escape(c) for c in _MARKDOWN_SPECIAL))


def text(value: str) -> str:
    """Inline text shown exactly as written, on one line (line breaks become ``<br>``)."""
    escaped = _MARKDOWN_SPECIAL_RE.sub(lambda m: _MARKDOWN_SPECIAL[m.group(0)], value)
    return "<br>".join(line.strip() for line in escaped.splitlines()) if escaped else ""


_CODE_SPAN: Final = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)", re.S)


def cell(value: str) -> str:
    """A table cell holding Markdown written by this package: only line breaks and
    pipes outside code spans are made safe, so that links and code spans keep working
    (the tables extension already reads a pipe inside a code span as text)."""
    lines = [line.strip() for line in value.strip().splitlines()]
    joined = "<br>".join(line for line in lines if line)
    pieces = []
    last = 0
    for match in _CODE_SPAN.finditer(joined):
        pieces.append(joined[last : match.start()].replace("|", "\\|"))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(joined[last:].replace("|", "\\|"))
    return "".join(pieces)


def code(value: str) -> str:
    """An inline code span that holds any text, backticks included."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value.strip() else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table; cells are used as given (escape them with ``text`` or ``cell``)."""
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---" for _ in headers) + " |",
    ]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def anchor(value: str) -> str:
    """An HTML id for a heading or row: the value itself when it is already safe (record
    ids and rule ids usually are), otherwise with unsafe characters replaced by ``-``."""
    safe = re.sub(r"[^A-Za-z0-9._:-]+", "-", value).strip("-")
    return safe or "x"


def heading_anchor(name: str) -> str:
    """The anchor of a heading made from a definition or codelist name (``Position`` ->
    ``position``)."""
    return anchor(name.lower())


def json_pretty(value: Any, *, width: int = 72, level: int = 0) -> str:
    """JSON indented by two spaces, with short lists and objects kept on one line, so that
    examples read like hand-written JSON (``"topics": ["ceasefire"]``)."""
    flat = json.dumps(value, ensure_ascii=False)
    if not isinstance(value, dict | list) or len(flat) + 2 * level <= width:
        return flat
    pad = "  " * (level + 1)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(k, ensure_ascii=False)}: "
            + json_pretty(v, width=width, level=level + 1)
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    items = [f"{pad}{json_pretty(v, width=width, level=level + 1)}" for v in value]
    return "[\n" + ",\n".join(items) + "\n" + "  " * level + "]"


def json_block(value: Any) -> str:
    """A fenced JSON code block."""
    return fence(json_pretty(value), "json")


def fence(body: str, language: str = "") -> str:
    """A fenced code block long enough not to be closed by the body's own backticks."""
    longest = max((len(run) for run in re.findall(r"`{3,}", body)), default=2)
    marks = "`" * (longest + 1)
    return f"{marks}{language}\n{body.rstrip()}\n{marks}\n"


def html_attribute(value: str) -> str:
    """Text for a double-quoted HTML or SVG attribute value."""
    return (
        value.replace("&", "&amp;")
        .replace('"', "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\n", " ")
    )


def html_text(value: str) -> str:
    """Text for the content of an HTML or SVG element."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shorten(value: str, limit: int) -> str:
    """The value cut to ``limit`` characters at a word boundary, with an ellipsis."""
    flat = " ".join(value.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"


def property_anchor(definition: str, prop: str) -> str:
    """The anchor of a property's row in the schema reference (``position-holders``)."""
    return anchor(f"{definition.lower()}-{prop}")
