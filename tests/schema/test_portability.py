"""Portability of the committed schema to other Draft 2020-12 validators.

Ajv, the usual JavaScript validator, whose strict mode is the strictest common
reader of a schema, now runs in CI (``tests/schema/test_ajv.py``, through
``tools/js/ajv-check.mjs``): it compiles both schema files with ``strict: true``.
That replaced the lint that stood in for it here (only 2020-12 keywords, a ``type``
beside every type-specific keyword, no union types, every ``required`` name
declared, local ``$ref`` only, known formats only). What remains here is what ajv
does not check: the project's own rules (no ``null``, no ``nullable``, one way to
write a constant), every definition used, offline validation in Python, and the
``pattern`` syntax that means the same in ECMA-262 (ajv, and jsonschema-rs which
follows it), Rust (pydantic) and Python (python-jsonschema).

Decision on ``\\s`` (also inside ``[^\\s]``): not portable, and the lint rejects
it. Each engine has its own whitespace set (Python includes U+001C-U+001F, Rust
and Python include U+0085, ECMA includes U+FEFF): with ``[^\\s]`` in the URL
pattern, python-jsonschema, jsonschema-rs and pydantic gave three different
verdicts on the same URL. Spell the characters out instead (``[^\\x00-\\x20]``).
``test_pattern_means_the_same_in_python_rust_and_ecma`` checks every pattern
on generated strings salted with such characters.

Formats: the schema uses none. Ajv's strict mode rejects any ``format`` unless a
format plugin is added (``tools/js`` has none, on purpose), and validators that
assert formats read them differently; ``test_fixture_corpus`` checks the valid
files with formats asserted.
"""

import re
from functools import cache
from typing import Annotated, Any

import jsonschema
import jsonschema_rs
import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st
from referencing import Registry

from dipos.schema import SCHEMA_FILES, dataset_schema, record_schema

from ._hypothesis import PROPERTY_SETTINGS
from ._support import committed_schema
from ._walk import Node, walk

#: Regex syntax whose meaning differs between ECMA-262, Rust and Python, or that
#: one of them lacks: shorthand classes (Unicode-dependent), word boundaries,
#: Python/Perl-only anchors, look-around, named groups, inline flags,
#: back-references, and Python's ``{,n}`` (ECMA reads it literally).
NON_PORTABLE_REGEX = re.compile(r"\\[dDwWsSbBAZzhHpP]|\(\?[=!<P]|\(\?[a-zA-Z]|\\[1-9]|\{,")


def _nodes() -> list[tuple[str, Node]]:
    return [(name, node) for name in SCHEMA_FILES for node in walk(committed_schema(name))]


def _patterns() -> list[tuple[str, str]]:
    """Every regex in the schema: ``pattern`` values and ``patternProperties`` names."""
    found: dict[str, str] = {}
    for name, node in _nodes():
        if "pattern" in node.schema:
            found.setdefault(node.schema["pattern"], f"{name}#{node.pointer}/pattern")
        for key in node.schema.get("patternProperties", {}):
            found.setdefault(key, f"{name}#{node.pointer}/patternProperties")
    return sorted(found.items())


PATTERNS = [pattern for pattern, _ in _patterns()]


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_no_null_and_one_way_to_write_a_constant(name: str) -> None:
    """What ajv's strict mode lets through: OpenAPI's ``nullable`` (ajv reads it), a
    ``null`` type or default (dipos never uses null), ``const`` beside ``enum``."""
    for node in walk(committed_schema(name)):
        where = f"{name}#{node.pointer}"
        assert "nullable" not in node.schema, where
        assert not ("const" in node.schema and "enum" in node.schema), where
        assert node.schema.get("type") != "null", where
        if "default" in node.schema:
            assert node.schema["default"] is not None, where


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_every_definition_is_used(name: str) -> None:
    document = committed_schema(name)
    refs = {node.schema["$ref"] for node in walk(document) if "$ref" in node.schema}
    assert {f"#/$defs/{key}" for key in document.get("$defs", {})} <= refs


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_validates_offline_with_no_remote_retrieval(name: str) -> None:
    """Validation never fetches anything: every reference is inside the document."""

    # An empty registry has no retrieval: an external `$ref` would raise Unresolvable.
    registry: Registry[Any] = Registry()
    validator = jsonschema.Draft202012Validator(committed_schema(name), registry=registry)
    assert not validator.is_valid({"type": "dataset", "dipos_version": "0"})


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_schema_from_the_installed_package_validates_offline(name: str) -> None:
    """Code that validates uses the schema built by the installed package, not the
    repository's files; it resolves its references with no retrieval either."""
    schema = {"dataset.schema.json": dataset_schema, "record.schema.json": record_schema}[name]()
    assert schema == committed_schema(name)
    validator = jsonschema.Draft202012Validator(schema, registry=Registry())
    assert validator.is_valid({"type": "dataset", "dipos_version": "0.2"})


@pytest.mark.parametrize(("pattern", "where"), _patterns(), ids=PATTERNS)
def test_pattern_compiles_everywhere_and_is_anchored(pattern: str, where: str) -> None:
    re.compile(pattern)
    jsonschema_rs.validator_for({"type": "string", "pattern": pattern})
    _rust_regex_adapter(pattern)
    assert pattern.startswith("^"), where
    if where.endswith("/pattern"):
        assert pattern.endswith("$"), where
        assert not pattern.endswith("\\$"), where


@pytest.mark.parametrize("pattern", PATTERNS)
def test_pattern_uses_only_portable_syntax(pattern: str) -> None:
    assert not NON_PORTABLE_REGEX.search(pattern), NON_PORTABLE_REGEX.findall(pattern)


@cache
def _rust_regex_adapter(pattern: str) -> pydantic.TypeAdapter[str]:
    constrained = Annotated[str, pydantic.StringConstraints(pattern=pattern)]
    config = pydantic.ConfigDict(regex_engine="rust-regex")
    adapter: pydantic.TypeAdapter[str] = pydantic.TypeAdapter(constrained, config=config)
    return adapter


def _matches(pattern: str, text: str) -> dict[str, bool]:
    schema = {"type": "string", "pattern": pattern}
    try:
        _rust_regex_adapter(pattern).validate_python(text)
        rust = True
    except pydantic.ValidationError:
        rust = False
    return {
        "python-jsonschema": jsonschema.Draft202012Validator(schema).is_valid(text),
        "jsonschema-rs": jsonschema_rs.validator_for(schema).is_valid(text),
        "pydantic (rust-regex)": rust,
    }


#: Characters that some engine counts as whitespace, a line end or a word character
#: and another does not.
PROBE_CHARACTERS = "\t\n\v\f\r \x1c\x1f\x85\xa0\u1680\u2007\u2028\u202f\u3000\ufeffé٣_"


@pytest.mark.parametrize("pattern", PATTERNS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_pattern_means_the_same_in_python_rust_and_ecma(pattern: str, data: st.DataObject) -> None:
    matching = st.from_regex(pattern, fullmatch=True)
    probed = st.tuples(matching, st.sampled_from(PROBE_CHARACTERS), st.integers(0, 300)).map(
        lambda t: t[0][: t[2]] + t[1] + t[0][t[2] :]
    )
    text = data.draw(st.one_of(matching, probed, st.text(max_size=30)))
    # Known, documented difference of Python's `$` (see test_known_divergences):
    # it is checked there, not here.
    if text.endswith("\n"):
        return
    verdicts = _matches(pattern, text)
    assert len(set(verdicts.values())) == 1, (text, verdicts)
