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
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .findings import Finding
from .paths import Path
from .syntax import Unit, decode, finding

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
    """PyYAML's safe loader with the JSON-like resolver above."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)


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


def _non_json(value: Any) -> str | None:
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif not isinstance(item, _JSON_SCALARS):
            return type(item).__name__
        elif isinstance(item, float) and (item != item or item in (float("inf"), float("-inf"))):
            return "non-finite number (.nan or .inf)"
    return None


def compose(text: str) -> Node | None:
    """The YAML node tree of a single-document text (``None`` for an empty document)."""
    loader = DiposYamlLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def read_yaml(data: bytes, file: str) -> tuple[list[Unit], list[Finding]]:
    """Parse a YAML file: one document holding one value."""
    if not data.strip(b" \t\r\n\xef\xbb\xbf"):
        return [], [finding("syntax-empty", "the file is empty", file)]
    text, findings = decode(data, file)
    if text is None:
        return [], findings
    loader = DiposYamlLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return [], [*findings, finding("syntax-empty", "the YAML document is empty", file)]
        problems = check_nodes(node, file)
        findings.extend(problems)
        if any(p.rule == "syntax-yaml" for p in problems):
            return [], findings
        value = loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        parts = [part for part in (error.context, error.problem) if part]
        problem = ": ".join(parts) or "invalid YAML"
        return [], [*findings, finding("syntax-yaml", str(problem), file, line, column)]
    except yaml.YAMLError as error:
        return [], [*findings, finding("syntax-yaml", str(error).splitlines()[0], file)]
    except RecursionError:
        return [], [*findings, finding("syntax-yaml", "the YAML is nested too deeply", file)]
    finally:
        loader.dispose()
    bad_type = _non_json(value)
    if bad_type is not None:
        findings.append(
            finding("syntax-yaml", f"the YAML holds a value JSON cannot: {bad_type}", file)
        )
        return [], findings
    return [Unit(value)], findings


def locate(root: Node, path: Path) -> tuple[int, int] | None:
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
