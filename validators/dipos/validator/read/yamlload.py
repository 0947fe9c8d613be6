"""Safe YAML reading for dipos files.

YAML is read as JSON-like data and nothing else:

* only the safe loader's types, and of those only what JSON has: a YAML tag that
  makes another type (``!!binary``, ``!!set``, ``!!timestamp``...) is an error;
* plain scalars are resolved as in YAML 1.2's JSON-like core schema: ``true`` and
  ``false`` are booleans, but ``yes``, ``no``, ``on``, ``off`` and ``NO`` (Norway)
  stay strings, and dates such as ``2025-06-14`` stay strings, as the schema expects;
* keys must be strings and must not repeat;
* aliases are allowed, but a document whose aliases would expand to more than
  :data:`MAX_NODES` values (an "alias bomb") or that refers to itself is rejected
  before anything is expanded.
"""

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..findings import Finding, finding
from ..paths import Path
from .domain import LONE_SURROGATE, NESTED_TOO_DEEPLY, normalise
from .positions import Place, TextPositions
from .syntax import Unit, decode

MAX_NODES = 1_000_000
"""The most values a YAML document may expand to, aliases counted each time they are used."""


class _Resolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers: dict[Any, Any] = {}  # noqa: RUF012 - PyYAML's class registry


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


class DiposYamlLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    """PyYAML's safe loader with the JSON-like resolver above (pure Python: used only where
    libyaml is missing)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


Loader: Any = DiposYamlLoader
"""The loader used: libyaml's C parser with the same constructor and resolver when PyYAML
was built with it (about eight times faster, same values and marks), else the pure-Python one."""

if getattr(yaml, "__with_libyaml__", False):  # pragma: no branch - depends on the build

    class DiposCYamlLoader(
        yaml._yaml.CParser,
        yaml.constructor.SafeConstructor,
        _Resolver,
    ):
        """libyaml's parser with the safe constructor and the JSON-like resolver above."""

        def __init__(self, stream: str) -> None:
            yaml._yaml.CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)

    Loader = DiposCYamlLoader

_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""A character YAML does not allow in a file (YAML 1.1, 5.1): control characters other
than tab and line ends, DEL, C1 controls but NEL, surrogates, U+FFFE and U+FFFF."""


_JSON_SCALARS = (str, int, float, bool, type(None))


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def check_nodes(root: Node, file: str) -> list[Finding]:
    """Duplicate keys, non-string keys, self-reference and alias bombs, from the node tree."""
    findings: list[Finding] = []
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    # Post-order walk with memoised sizes: an alias is the same node object seen again.
    stack: list[tuple[Node, Path, bool]] = [(root, (), False)]
    while stack:
        node, path, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            children = _children(node)
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for _, child in children)
            if sizes[key] > MAX_NODES:
                line, column = _mark(node)
                return [
                    finding(
                        "syntax-yaml",
                        f"the YAML aliases expand to more than {MAX_NODES:,} values (an alias "
                        "bomb?); write the data out instead of repeating it through aliases",
                        file,
                        line,
                        column,
                    )
                ]
            continue
        if key in sizes:
            continue
        if key in in_progress:
            line, column = _mark(node)
            return [
                finding(
                    "syntax-yaml",
                    "a YAML alias refers to the value that contains it "
                    "(a recursive structure cannot be JSON)",
                    file,
                    line,
                    column,
                    path,
                )
            ]
        in_progress.add(key)
        stack.append((node, path, True))
        if isinstance(node, MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                line, column = _mark(key_node)
                if not isinstance(key_node, ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                    findings.append(
                        finding(
                            "syntax-yaml",
                            "a key is not a string; write keys as text",
                            file,
                            line,
                            column,
                            path,
                        )
                    )
                    continue
                name = str(key_node.value)
                if name in seen:
                    findings.append(
                        finding(
                            "syntax-duplicate-key",
                            f"the key {name!r} appears twice in this mapping; only the last "
                            "value would be kept",
                            file,
                            line,
                            column,
                            (*path, name),
                        )
                    )
                seen.add(name)
                stack.append((value_node, (*path, name), False))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*path, index), False))
    return findings


def _children(node: Node) -> list[tuple[object, Node]]:
    if isinstance(node, MappingNode):
        return [(k, v) for k, v in node.value] + [(None, k) for k, _ in node.value]
    if isinstance(node, SequenceNode):
        return [(None, item) for item in node.value]
    return []


def forget() -> None:
    """Drop the YAML files remembered by :func:`read_yaml` (at the end of a run)."""
    read_yaml.cache_clear()


def compose(text: str) -> Node | None:
    """The YAML node tree of a single-document text (``None`` for an empty document)."""
    loader = Loader(text)
    try:
        return cast(Node | None, loader.get_single_node())
    finally:
        loader.dispose()


def _bad_character(text: str, file: str) -> Finding:
    """The finding for a character YAML does not allow (the reader's error, placed)."""
    match = _NOT_PRINTABLE.search(text)
    if match is None:  # the reader refused something else: say what it said
        return finding("syntax-yaml", "the YAML holds a character it does not allow", file)
    line, column = TextPositions(text).at_offset(match.start())
    code = ord(match.group())
    return finding(
        "syntax-yaml",
        f"the character U+{code:04X} is not allowed in a YAML file (control characters, "
        "surrogates, U+FFFE and U+FFFF); remove it, or write it as an escape in a "
        f'double-quoted string ("\\u{code:04x}")',
        file,
        line,
        column,
    )


def _surrogate_escape_at(text: str, mark: Any) -> bool:
    """Whether the escape libyaml refused, which ends at ``mark``, is a surrogate's."""
    lines = text.splitlines()
    if mark.line >= len(lines):
        return False
    line = lines[mark.line]
    # libyaml marks columns in characters; the escape's six characters end at the mark.
    before = line[max(0, mark.column - 8) : mark.column + 6]
    return re.search(r"\\u[dD][89a-fA-F]", before) is not None


class NodePositions:
    """Positions in a YAML document, read from its node tree (kept from the parse that
    gave the value, so that findings are placed without parsing again)."""

    __slots__ = ("root",)

    def __init__(self, root: Node) -> None:
        self.root = root

    def places(self, paths: Collection[Path]) -> dict[Path, Place]:
        return {path: locate(self.root, path) for path in paths}


@lru_cache(maxsize=2)
def read_yaml(data: bytes, file: str) -> tuple[list[Unit], list[Finding]]:
    """Parse a YAML file: one document holding one value (with its node tree as its
    positions, to place findings without parsing again).

    Remembered for the last two files: the rules across records read a YAML file's
    records back, and their findings are placed in its tree, without parsing it again.
    The engine forgets them at the end of a run (:func:`forget`). Callers must not
    change what it returns."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return [], [finding("syntax-empty", "the file is empty", file)]
    text, findings = decode(data, file)
    if text is None:
        return [], findings
    loader = None
    try:
        loader = Loader(text)
        node = loader.get_single_node()
        if node is None:
            return [], [*findings, finding("syntax-empty", "the YAML document is empty", file)]
        problems = check_nodes(node, file)
        findings.extend(problems)
        if any(p.rule == "syntax-yaml" for p in problems):
            return [], findings
        value = loader.construct_document(node)
    except yaml.reader.ReaderError:
        return [], [*findings, _bad_character(text, file)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        parts = [part for part in (error.context, error.problem) if part]
        problem = ": ".join(parts) or "invalid YAML"
        if "escape" in problem and mark is not None and _surrogate_escape_at(text, mark):
            # libyaml refuses the escape itself; the pure-Python loader reads it and the
            # domain check refuses it: either way, the same finding.
            return [], [*findings, finding("syntax-encoding", LONE_SURROGATE, file, line, column)]
        return [], [*findings, finding("syntax-yaml", str(problem), file, line, column)]
    except yaml.YAMLError as error:
        return [], [*findings, finding("syntax-yaml", str(error).splitlines()[0], file)]
    except RecursionError:
        return [], [*findings, finding("syntax-yaml", NESTED_TOO_DEEPLY, file)]
    finally:
        if loader is not None:
            loader.dispose()
    value, violation = normalise(value)
    if violation is not None:
        line, column = locate(node, violation.path)
        rule = "syntax-encoding" if violation.encoding else "syntax-yaml"
        findings.append(finding(rule, violation.message, file, line, column, violation.path))
        return [], findings
    return [Unit(value, positions=NodePositions(node))], findings


def locate(root: Node, path: Path) -> Place:
    """Line and column of the value at ``path`` in a node tree (of the nearest ancestor)."""
    node = root
    for part in path:
        if isinstance(node, MappingNode) and isinstance(part, str):
            match = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
            if match is None:
                break
            node = match
        elif isinstance(node, SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return _mark(node)
