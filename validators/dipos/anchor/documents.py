"""Read dipos files so that they can be changed and written back as their authors wrote them.

* JSON: read with the standard library (key order kept); written with the file's own
  indentation, separators and escaping, and only the lines whose content changed
  are replaced (:mod:`dipos.anchor.layout`).
* JSON Lines: each line on its own; a line whose record did not change is written
  back byte for byte.
* YAML: read and written with ruamel.yaml's round trip, which keeps comments, key
  order and the quoting of strings; as for JSON, only the lines whose content
  changed are replaced, so a long string folded by hand stays as it was.

A file that cannot be read gives a :class:`Problem`, never an exception.
"""

import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any, Literal

import orjson

from ..validator.paths import Path
from ..validator.read.textscan import LineIndex, scan
from .layout import merge_lines

Kind = Literal["json", "jsonl", "yaml"]
BOM = "\ufeff"


@dataclass(slots=True)
class Problem:
    """Why a file, or a line of a JSON Lines file, could not be read."""

    file: str
    line: int | None
    message: str


@dataclass(slots=True)
class Unit:
    """One value read: a whole JSON or YAML file, or one line of a JSON Lines file."""

    value: Any
    line: int | None = None
    """The 1-based line of a JSON Lines unit."""
    raw: str | None = None
    """A JSON Lines line as written, with its line ending."""
    changed: bool = False


@dataclass(slots=True)
class JsonStyle:
    """How a JSON text is laid out, as far as ``json.dumps`` can repeat it."""

    indent: int | str | None
    separators: tuple[str, str]
    ensure_ascii: bool

    @classmethod
    def of(cls, text: str) -> "JsonStyle":
        body = text.strip()
        indent: int | str | None = None
        if "\n" in body:
            found = re.search(r"\n([ \t]+)\S", body)
            if found is not None:
                white = found.group(1)
                indent = "\t" if white.startswith("\t") else len(white)
            else:
                indent = 0
            item = ","
        else:
            item = ", " if re.search(r",\s", body) or "," not in body else ","
        key = ":" if re.search(r'":\S', body) and not re.search(r'":\s', body) else ": "
        ensure_ascii = body.isascii() and "\\u" in body
        return cls(indent, (item, key), ensure_ascii)

    def dumps(self, value: Any) -> str:
        if self.indent == 2 and self.separators == (",", ": ") and not self.ensure_ascii:
            # orjson writes this layout too, many times faster. Where its numbers are
            # written otherwise than json's, the file's own lines are kept anyway (layout).
            try:
                return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
            except (TypeError, orjson.JSONEncodeError):
                pass  # an integer beyond 64 bits: json can write it
        return json.dumps(
            value, indent=self.indent, separators=self.separators, ensure_ascii=self.ensure_ascii
        )


@dataclass(frozen=True, slots=True)
class YamlStyle:
    """ruamel.yaml's layout settings that best repeat a YAML file."""

    mapping: int = 2
    sequence: int = 2
    offset: int = 0
    width: int = 4096
    explicit_start: bool = False


def _yaml(style: YamlStyle) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = style.width
    yaml.indent(mapping=style.mapping, sequence=style.sequence, offset=style.offset)
    yaml.explicit_start = style.explicit_start
    return yaml


def _yaml_dump(value: Any, style: YamlStyle) -> str:
    out = io.StringIO()
    _yaml(style).dump(value, out)
    return out.getvalue()


_INDENTS = ((2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 6, 4), (4, 2, 0), (3, 3, 0))
_WIDTHS = (80, 100, 120, 4096)


def _likeness(dumped: str, lines: Counter[str]) -> int:
    return sum((Counter(dumped.splitlines()) & lines).values())


def _yaml_style(text: str) -> YamlStyle:
    """The settings whose output shares the most lines with the file."""
    lines = Counter(text.splitlines())
    explicit = bool(re.match(r"(\s*#[^\n]*\n)*\s*---", text))
    best, best_score = YamlStyle(explicit_start=explicit), -1
    for mapping, sequence, offset in _INDENTS:
        style = YamlStyle(mapping, sequence, offset, 4096, explicit)
        score = _likeness(_yaml_dump(_yaml(style).load(text), style), lines)
        if score > best_score:
            best, best_score = style, score
    for width in _WIDTHS[:-1]:
        style = YamlStyle(best.mapping, best.sequence, best.offset, width, explicit)
        score = _likeness(_yaml_dump(_yaml(style).load(text), style), lines)
        if score > best_score:
            best, best_score = style, score
    return best


@dataclass(slots=True)
class Document:
    """A dipos file read for rewriting."""

    name: str
    path: FilePath
    kind: Kind
    text: str
    """The file's text, without a byte-order mark."""
    bom: bool = False
    units: list[Unit] = field(default_factory=list)
    json_style: JsonStyle | None = None
    yaml_style: YamlStyle | None = None
    relaid: bool = False
    """Set by :meth:`render` when the file's own layout could not be kept."""

    @property
    def changed(self) -> bool:
        return any(unit.changed for unit in self.units)

    def string(self, value: str, old: Any) -> Any:
        """A new string value, styled for the file (a YAML string keeps its quoting)."""
        if self.kind != "yaml":
            return value
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString

        if isinstance(old, ScalarString) and "\n" not in value:
            return type(old)(value)
        if value != value.strip() or "\n" in value or not value or value[0] in "'\"":
            return DoubleQuotedScalarString(value)
        return value

    def lines_of(self, wanted: list[tuple[Unit, Path]]) -> dict[tuple[int, Path], int]:
        """The 1-based lines of values, by (unit index, path), where they can be found."""
        found: dict[tuple[int, Path], int] = {}
        index = {id(unit): number for number, unit in enumerate(self.units)}
        if self.kind == "json":
            offsets = scan(self.text, {path for _, path in wanted}).offsets
            lines = LineIndex(self.text)
            for unit, path in wanted:
                if path in offsets:
                    found[(index[id(unit)], path)] = lines.position(offsets[path])[0]
        for unit, path in wanted:
            if self.kind == "jsonl" and unit.line is not None:
                found[(index[id(unit)], path)] = unit.line
            elif self.kind == "yaml":
                line = _yaml_line(unit.value, path)
                if line is not None:
                    found[(index[id(unit)], path)] = line
        return found

    def render(self) -> str:
        """The file's new text (with its byte-order mark if it had one)."""
        if self.kind == "jsonl":
            body = "".join(self._render_line(unit) for unit in self.units)
        elif self.kind == "json":
            assert self.json_style is not None
            new = self.json_style.dumps(self.units[0].value)
            base = self.json_style.dumps(json.loads(self.text))
            ending = "\n" if self.text.endswith("\n") else ""
            body = merge_lines(self.text, base + ending, new + ending)
            if _json_or_none(body) != json.loads(new):
                body, self.relaid = new + ending, True
        else:
            assert self.yaml_style is not None
            new = _yaml_dump(self.units[0].value, self.yaml_style)
            base = _yaml_dump(_yaml(self.yaml_style).load(self.text), self.yaml_style)
            body = merge_lines(self.text, base, new)
            if not _same_yaml(body, new):
                body, self.relaid = new, True
        return (BOM if self.bom else "") + body

    def _render_line(self, unit: Unit) -> str:
        assert unit.raw is not None
        if not unit.changed:
            return unit.raw
        content = unit.raw.rstrip("\r\n")
        ending = unit.raw[len(content) :]
        return JsonStyle.of(content).dumps(unit.value) + ending


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _same_yaml(text: str, expected: str) -> bool:
    import yaml

    try:
        return bool(yaml.safe_load(text) == yaml.safe_load(expected))
    except yaml.YAMLError:
        return False


def _yaml_line(value: Any, path: Path) -> int | None:
    """The line of a value in a ruamel.yaml document (of its key, for a mapping's value)."""
    line: int | None = None
    for part in path:
        lc = getattr(value, "lc", None)
        try:
            if lc is not None:
                line = (lc.key(part) if isinstance(part, str) else lc.item(part))[0] + 1
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return line
    return line


def read(path: FilePath, name: str, kind: Kind) -> tuple[Document | None, list[Problem]]:
    """A file read for rewriting, or why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return None, [Problem(name, None, f"cannot read the file: {error.strerror or error}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(name, None, f"not UTF-8 text ({error.reason} at byte {error.start})")]
    bom = text.startswith(BOM)
    document = Document(name, path, kind, text[1:] if bom else text, bom)
    reader: Callable[[Document], list[Problem]] = {
        "json": _read_json,
        "jsonl": _read_lines,
        "yaml": _read_yaml,
    }[kind]
    problems = reader(document)
    if not document.units:
        return None, problems
    return document, problems


def _read_json(document: Document) -> list[Problem]:
    try:
        value = json.loads(document.text)
    except json.JSONDecodeError as error:
        return [Problem(document.name, error.lineno, f"not valid JSON: {error.msg}")]
    except RecursionError:
        return [Problem(document.name, None, "not readable: nested too deeply")]
    document.json_style = JsonStyle.of(document.text)
    document.units.append(Unit(value))
    return []


def _read_lines(document: Document) -> list[Problem]:
    problems = []
    for number, raw in enumerate(document.text.splitlines(keepends=True), start=1):
        value = None
        if raw.strip():
            try:
                value = json.loads(raw)
            except json.JSONDecodeError as error:
                problems.append(Problem(document.name, number, f"not valid JSON: {error.msg}"))
            except RecursionError:
                problems.append(Problem(document.name, number, "nested too deeply"))
        document.units.append(Unit(value, number, raw))
    return problems


def _read_yaml(document: Document) -> list[Problem]:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        style = _yaml_style(document.text)
        value = _yaml(style).load(document.text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        why = " ".join(part for part in (error.context, error.problem) if part)
        return [Problem(document.name, line, f"not valid YAML: {why}")]
    except (YAMLError, ValueError, RecursionError) as error:
        return [Problem(document.name, None, f"not readable as YAML: {error}")]
    document.yaml_style = style
    document.units.append(Unit(value))
    return []


def records(value: Any, base: Path = ()) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The records in a value: a dataset's records (and the dataset), a record alone,
    or each record of a list."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from records(item, (*base, index))
        return
    if not isinstance(value, dict):
        return
    if value.get("type") == "dataset":
        for key in ("actors", "territories", "sources", "proposals", "positions"):
            items = value.get(key)
            if isinstance(items, list):
                for index, item in enumerate(items):
                    if isinstance(item, dict):
                        yield (*base, key, index), item
        return
    yield base, value


def set_key(mapping: dict[str, Any], key: str, value: Any, after: tuple[str, ...]) -> None:
    """Set a key; a new key goes after the last of ``after`` present (else at the end)."""
    if key in mapping:
        mapping[key] = value
        return
    keys = list(mapping)
    position = len(keys)
    present = [keys.index(k) + 1 for k in after if k in mapping]
    if present:
        position = max(present)
    insert = getattr(mapping, "insert", None)
    if callable(insert):  # ruamel.yaml's CommentedMap keeps its comments this way
        insert(position, key, value)
        if position:
            _move_trailing_comment(mapping, keys[position - 1], key)
        return
    items = list(mapping.items())
    items.insert(position, (key, value))
    mapping.clear()
    mapping.update(items)


def _move_trailing_comment(mapping: Any, before: str, key: str) -> None:
    """Keep the blank lines and comments that followed the key ``before`` after the key
    inserted after it: ruamel.yaml attaches them to ``before``, which would put them
    between the two keys. An end-of-line comment of ``before`` stays with it."""
    from ruamel.yaml.tokens import CommentToken

    entry = mapping.ca.items.get(before)
    if not entry or len(entry) < 3 or entry[2] is None:
        return
    token = entry[2]
    text = str(token.value)
    cut = text.find("\n") + 1
    if cut <= 0 or cut >= len(text):
        return
    token.value = text[:cut]
    rest = CommentToken("\n" + text[cut:], token.start_mark, None)
    mapping.ca.items[key] = [None, None, rest, None]
