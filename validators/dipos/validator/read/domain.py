"""The one domain of values every reader yields: what a JSON value may be in dipos data.

Whatever the input (a JSON text parsed whole or streamed, a JSON Lines line, a YAML
document, Python objects given to ``dipos.validate``), the values checked are the same:

* objects with string keys, lists, strings, booleans, ``null`` and numbers;
* strings of Unicode scalar values: a lone surrogate (``"\\ud800"``) is not text, and is
  a ``syntax-encoding`` finding wherever it appears;
* numbers that are integers between ``-2**63`` and ``2**64 - 1``, or finite doubles. An
  integer outside that range is read as the nearest double, as JSON parsers do; a
  number too large for a double (``1e400``, a 400-digit integer), ``NaN`` and
  ``Infinity`` are syntax errors;
* at most :data:`MAX_DEPTH` levels of nesting.

orjson, which parses JSON and JSON Lines, already enforces this; the other readers call
:func:`normalise` on what they parse, so that the same data gives the same findings
whichever way it is read.
"""

from dataclasses import dataclass
from typing import Any, Final

from ..paths import Path

MAX_DEPTH: Final = 1024
"""The deepest nesting of objects and lists accepted (orjson's limit)."""

INT_MIN: Final = -(2**63)
INT_MAX: Final = 2**64 - 1

NESTED_TOO_DEEPLY: Final = "the JSON is nested too deeply (more than 1,000 levels)"
LONE_SURROGATE: Final = (
    "the text holds a lone surrogate (a UTF-16 half, \\ud800-\\udfff), which is not a "
    "Unicode character"
)
NUMBER_TOO_LARGE: Final = "the number is too large to be a number in JSON (beyond ±1.8e308)"
NOT_FINITE: Final = "NaN and Infinity are not JSON numbers"


@dataclass(frozen=True, slots=True)
class Violation:
    """Where a value leaves the domain, and why."""

    path: Path
    message: str
    encoding: bool = False
    """A lone surrogate: a ``syntax-encoding`` finding rather than a syntax error."""


def has_lone_surrogate(text: str) -> bool:
    """Whether a Python string holds a surrogate code point (which UTF-8 cannot encode)."""
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _type_name(value: Any) -> str:
    return type(value).__name__


def normalise(value: Any) -> tuple[Any, Violation | None]:
    """``value`` within the domain (integers beyond 64 bits become doubles; a copy is made
    only then), or the first violation found, in document order."""
    replacements: list[tuple[Any, Any, float]] = []
    # Depth-first, in document order (a key before its value), without recursion (values
    # may be deep): the first violation is the one a parser reading the text meets first.
    stack: list[tuple[Any, Path, int]] = [(value, (), 0)]
    while stack:
        item, path, depth = stack.pop()
        if path and type(path[-1]) is str and has_lone_surrogate(path[-1]):
            return value, Violation(path[:-1], LONE_SURROGATE, encoding=True)
        kind = type(item)
        if kind is str:
            if has_lone_surrogate(item):
                return value, Violation(path, LONE_SURROGATE, encoding=True)
        elif kind is dict:
            if depth >= MAX_DEPTH:
                return value, Violation(path, NESTED_TOO_DEEPLY)
            for key in item:
                if type(key) is not str:
                    return value, Violation(
                        path,
                        f"a key is not a string ({_type_name(key)} {key!r:.40}); "
                        "write keys as text",
                    )
            stack.extend((item[key], (*path, key), depth + 1) for key in reversed(item))
        elif kind is list:
            if depth >= MAX_DEPTH:
                return value, Violation(path, NESTED_TOO_DEEPLY)
            stack.extend(
                (child, (*path, i), depth + 1) for i, child in reversed(list(enumerate(item)))
            )
        elif kind is bool or item is None:
            continue
        elif kind is int:
            if not INT_MIN <= item <= INT_MAX:
                try:
                    replacements.append((path, item, float(item)))
                except OverflowError:
                    return value, Violation(path, NUMBER_TOO_LARGE)
        elif kind is float:
            if item != item or item in (float("inf"), float("-inf")):
                return value, Violation(path, NOT_FINITE)
        else:
            return value, Violation(path, f"the value is not JSON data: a {_type_name(item)}")
    if replacements:
        value = _replaced(value, replacements)
    return value, None


def _replaced(value: Any, replacements: list[tuple[Any, Any, float]]) -> Any:
    """``value`` with the integers at the given paths replaced by doubles: the containers on
    those paths are copied (shallow), the caller's objects are left as they are."""
    if any(not path for path, _, _ in replacements):
        return replacements[0][2]
    root = _shallow(value)
    copied = {id(root)}
    for path, _, number in replacements:
        container = root
        for part in path[:-1]:
            child = container[part]
            if id(child) not in copied:
                child = _shallow(child)
                copied.add(id(child))
                container[part] = child
            container = child
        container[path[-1]] = number
    return root


def _shallow(container: Any) -> Any:
    return dict(container) if type(container) is dict else list(container)
