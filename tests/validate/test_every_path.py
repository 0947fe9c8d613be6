"""Every path, same findings: the promise of docs/validating.md, tested by construction.

The same data is read every way the validator can read it, and every way must give the
same findings (rule, severity, JSON pointer, record id, message; lines and columns
differ between formats and are left out, as are the places that messages name). Where
two paths read the same file (``json`` and ``streamed``; ``jsonl`` or ``split`` and
``workers``), the places must be the same too, to the line and column: every reader
places findings by the positions it gives (``dipos.validator.read.positions``):

* ``api``: Python objects given to ``dipos.validate``;
* ``json``: a ``.json`` file parsed whole;
* ``streamed``: the same file read as a stream of records through a 7-character window;
* ``jsonl``: one JSON Lines line (the fast path for valid records);
* ``split``: a dataset written as JSON Lines, one record per line (the fast path for the
  dataset's records; paths are mapped back to the dataset's);
* ``workers``: that JSON Lines file cut into ranges of 64 bytes, checked as ``--jobs 2``
  checks them (in this process: each task's result goes through pickle, as from a worker);
* ``yaml``: a YAML file.

Syntax findings differ in wording between formats (each parser says what is wrong in its
own terms), and in a text with two syntax problems each parser reports the one it meets
first (libyaml refuses a bad escape before it reads any value), so for them only the rule
family is compared: a syntax finding, and nothing else checked in that document. That a
lone surrogate is ``syntax-encoding`` for every reader is tested in test_hardening.

The data: every JSON fixture, values built to break readers (lone surrogates, NaN, numbers
beyond a double, deep nesting, control characters and line separators in keys and
values), and 2,000 seeded hypothesis mutations of generated documents.
"""

import contextlib
import copy
import json
import math
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dipos.validator import validate
from dipos.validator.engine import parallel
from dipos.validator.findings import Finding, ValidationReport
from dipos.validator.index.fields import RECORD_LISTS
from dipos.validator.read import jsonstream
from dipos.validator.read.domain import normalise
from dipos.validator.read.yamlload import _Resolver
from schema import strategies

from .test_never_crashes import date_like

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

MUTATIONS = 2_000
"""Generated documents per run (seeded: the same ones every run)."""


class _YamlDumper(yaml.SafeDumper):
    """Writes YAML that the validator's resolver reads back as the same values: a value
    its JSON-like resolver would not read as written (``.nan``) gets an explicit tag."""

    yaml_implicit_resolvers = _Resolver.yaml_implicit_resolvers


def _yaml_text(value: Any) -> str | None:
    try:
        # allow_unicode=False: every character outside ASCII is written as an escape, so
        # that none (NEL, U+2028) is read back as a line break.
        return yaml.dump(value, Dumper=_YamlDumper, allow_unicode=False, sort_keys=False)
    except (RecursionError, yaml.representer.RepresenterError):
        return None  # too deep, or not data: YAML cannot write it


def _json_text(value: Any, *, lines: bool = False) -> str:
    # The standard library writes NaN, Infinity and lone surrogates (as escapes), which
    # orjson refuses to write: the readers must refuse them.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))  # the deep torture values
    # ``lines``: a line break after every comma, so that places are found over several
    # lines (without indentation, whose size would grow with the square of the depth).
    separators = (",\n", ": ") if lines else None
    try:
        return json.dumps(value, allow_nan=True, separators=separators)
    finally:
        sys.setrecursionlimit(limit)


def _split(value: Any) -> tuple[list[Any], list[tuple[str | int, ...]]] | None:
    """A dataset as JSON Lines records (header first) and the path of each line in the
    dataset; ``None`` when the dataset cannot be written that way with the same meaning
    (a list that is not a list of records of its own type)."""
    if not isinstance(value, dict) or value.get("type") != "dataset":
        return None
    header = {k: v for k, v in value.items() if k not in RECORD_LISTS}
    lines: list[Any] = [header]
    bases: list[tuple[str | int, ...]] = [()]
    for name in [key for key in value if key in RECORD_LISTS]:  # in the file's order
        record_type = RECORD_LISTS[name]
        members = value[name]
        if not isinstance(members, list):
            return None
        for index, member in enumerate(members):
            if not isinstance(member, dict) or member.get("type") != record_type:
                return None
            lines.append(member)
            bases.append((name, index))
    return lines, bases


_PLACE = re.compile(r"(?:<object>|[^\s(]*data\.(?:jsonl|json|yaml))(?::\d+)?(?: \$[^\s,)]*)?")


def _key(f: Finding, base: tuple[str | int, ...] = ()) -> tuple[Any, ...]:
    if f.rule.startswith("syntax-"):
        return ("syntax",)
    path = "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in base) + f.pointer
    return (f.rule, f.severity, path, _PLACE.sub("<place>", f.message), f.record_id)


def _keys(report: ValidationReport, bases: list[tuple[str | int, ...]] | None = None) -> list[Any]:
    if bases is None:
        return sorted(map(_key, report.findings), key=repr)
    return sorted((_key(f, bases[(f.line or 1) - 1]) for f in report.findings), key=repr)


@contextlib.contextmanager
def _patched(module: Any, **values: Any) -> Iterator[None]:
    old = {name: getattr(module, name) for name in values}
    for name, value in values.items():
        setattr(module, name, value)
    try:
        yield
    finally:
        for name, value in old.items():
            setattr(module, name, value)


def _in_process_tasks(tasks: Any, jobs: int) -> Iterator[tuple[Any, Any]]:
    """What a pool of workers does, in this process: each result pickled and read back."""
    for task in tasks:
        sent = pickle.loads(pickle.dumps(task))
        yield task, pickle.loads(pickle.dumps(parallel.run_task(sent)))


def _placed(report: ValidationReport) -> list[Any]:
    """Every finding as it is reported, place included."""
    return sorted(
        ((f.rule, f.pointer, f.message, f.record_id, f.line, f.column) for f in report.findings),
        key=repr,
    )


def every_path(value: Any) -> dict[str, list[Any]]:
    """The findings of ``value`` by each path (keyed as above); and, keyed ``places of
    ...``, the findings with their places of two paths that read the same file."""
    results: dict[str, list[Any]] = {}
    if not isinstance(value, list):  # a list given to the API is records, as JSON Lines
        results["api"] = _keys(validate(value))
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        whole = directory / "data.json"
        whole.write_text(_json_text(value, lines=True), encoding="utf-8")
        as_whole = validate(whole)
        results["json"] = _keys(as_whole)
        with _patched(jsonstream, STREAM_BYTES=0, READ_CHARS=7):
            as_stream = validate(whole)
        results["streamed"] = _keys(as_stream)
        results["places of json, streamed"] = [_placed(as_whole), _placed(as_stream)]
        lines = directory / "data.jsonl"
        # A syntax error stops the whole of a JSON file, but only its own line of a JSON
        # Lines file: a value that is not JSON data is written on one line, not split.
        split = _split(value) if normalise(value)[1] is None else None
        if split is None:
            lines.write_text(_json_text(value) + "\n", encoding="utf-8")
            in_turn = validate(lines)
            results["jsonl"] = _keys(in_turn)
            bases = None
        else:
            records, bases = split
            lines.write_text("".join(_json_text(r) + "\n" for r in records), encoding="utf-8")
            in_turn = validate(lines)
            results["split"] = _keys(in_turn, bases)
        with _patched(parallel, RANGE_BYTES=64, run_tasks=_in_process_tasks):
            in_workers = validate(lines, jobs=2)
        results["workers"] = _keys(in_workers, bases)
        results["places of lines, workers"] = [_placed(in_turn), _placed(in_workers)]
        text = _yaml_text(value)
        if text is not None:
            document = directory / "data.yaml"
            document.write_text(text, encoding="utf-8")
            results["yaml"] = _keys(validate(document))
    return results


def assert_same_everywhere(value: Any) -> None:
    results = every_path(value)
    reference = results["json"]
    for path, found in results.items():
        if path.startswith("places of "):
            one, other = found
            assert one == other, f"{path}: the places differ:\n{one}\n!=\n{other}"
        else:
            assert found == reference, f"{path} differs from json:\n{found}\n!=\n{reference}"


# --- the fixture corpus ----------------------------------------------------------------------

JSON_FIXTURES = sorted(
    p
    for p in FIXTURES.rglob("*.json")
    if p.parent.name not in ("broken",) and "hook" not in p.parts
)


def _parsed(path: Path) -> Any:
    try:
        return orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError:
        return None


@pytest.mark.parametrize("case", JSON_FIXTURES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_gives_the_same_findings_every_way(case: Path) -> None:
    value = _parsed(case)
    if value is None:
        pytest.skip("not JSON: a syntax case, read by the torture tests")
    assert_same_everywhere(value)


# --- torture values ---------------------------------------------------------------------------

ACTOR = {"type": "actor", "id": "actor-a", "name": "A", "kind": "state"}


def _nested(depth: int) -> Any:
    value: Any = []
    for _ in range(depth):
        value = [value]
    return value


TORTURE: dict[str, Any] = {
    "lone-surrogate-in-id": {**ACTOR, "id": "actor-\ud800"},
    "lone-surrogate-in-code": {**ACTOR, "kind": "st\udfffate"},
    "lone-surrogate-in-reference": {**ACTOR, "part_of": "\ud800"},
    "lone-surrogate-in-key": {**ACTOR, "x_\ud800": 1},
    "nan": {**ACTOR, "x_n": math.nan},
    "infinity": {**ACTOR, "x_n": -math.inf},
    "integer-beyond-a-double": {**ACTOR, "x_n": 10**400},
    "integer-beyond-64-bits": {**ACTOR, "name": 2**64},
    "negative-integer-beyond-64-bits": {**ACTOR, "name": -(2**63) - 1},
    "nested-500": {**ACTOR, "x_deep": _nested(500)},
    "nested-1100": {**ACTOR, "x_deep": _nested(1_100)},
    "control-characters": {**ACTOR, "name": "A\x7fB\x01\x1b[31m", "kind": "st\x85ate"},
    "line-separators": {**ACTOR, "name": "A\u2028B", "kind": "x\ny", "x\u2029": "\r"},
    "noncharacters": {**ACTOR, "name": "\ufffe\uffff"},
    "astral": {**ACTOR, "name": "😀", "kind": "😀"},
    "not-an-object": ["a", 1, None],
    "null": None,
    "empty-dataset": {"type": "dataset", "dipos_version": "0.1"},
    "dataset-with-a-surrogate": {
        "type": "dataset",
        "dipos_version": "0.1",
        "actors": [ACTOR, {**ACTOR, "id": "actor-b", "name": "\ud800"}],
    },
    "dataset-with-nan": {
        "type": "dataset",
        "dipos_version": "0.1",
        "actors": [{**ACTOR, "x_n": math.inf}],
    },
    "misspelt-references": {
        "type": "dataset",
        "dipos_version": "0.1",
        "actors": [ACTOR, {**ACTOR, "id": "actor-b", "part_of": "actor-aa"}, ACTOR],
    },
}


@pytest.mark.parametrize("name", sorted(TORTURE))
def test_torture_value_gives_the_same_findings_every_way(name: str) -> None:
    assert_same_everywhere(TORTURE[name])


# --- generated mutations ----------------------------------------------------------------------

_NASTY_TEXT = st.text(
    alphabet=st.characters(codec=None, categories=None, exclude_characters=""), max_size=8
) | st.sampled_from(["\ud800", "a\udfff", "\x7f", "\u2028", "x\ny", "::error::x", "\ufffe", ""])
_NUMBERS = st.sampled_from(
    [2**64, -(2**63) - 1, 10**400, math.nan, math.inf, -math.inf, 1e308, -0.0, 0.5, 10**20]
)


def _slots(node: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every place (container, key or index) in a document."""
    items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
    for key, child in items:
        found.append((node, key))
        if isinstance(child, dict | list):
            _slots(child, found)
    return found


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A generated document with one to three changes: a value replaced (by date-shaped
    text, any text, a nasty string, a number outside the domain, another type), a key
    removed or added, a record repeated (a duplicate id)."""
    document = copy.deepcopy(draw(strategies.records))
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(document, [])
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        change = draw(st.sampled_from(["replace", "remove", "add", "repeat"]))
        if change == "remove" and isinstance(container, dict):
            del container[key]
        elif change == "add" and isinstance(container, dict):
            # A copy: a later change must not alter the shared constant (the strategy
            # would then draw differently on a replay, which hypothesis calls flaky).
            container[draw(_NASTY_TEXT)] = copy.deepcopy(
                draw(st.sampled_from(strategies.OTHER_TYPE_VALUES))
            )
        elif change == "repeat" and isinstance(container, list):
            container.append(copy.deepcopy(container[key]))
        else:
            container[key] = copy.deepcopy(
                draw(
                    st.one_of(
                        date_like,
                        _NASTY_TEXT,
                        _NUMBERS,
                        st.sampled_from(strategies.OTHER_TYPE_VALUES),
                    )
                )
            )
    return document


@settings(
    max_examples=MUTATIONS,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(document=mutated())
def test_mutation_gives_the_same_findings_every_way(document: Any) -> None:
    assert_same_everywhere(document)


def test_every_path_is_taken() -> None:
    """The harness does take each path (a guard against a patch that silently stops)."""
    dataset = TORTURE["misspelt-references"]
    results = every_path(dataset)
    assert set(results) == {
        "api",
        "json",
        "streamed",
        "split",
        "workers",
        "yaml",
        "places of json, streamed",
        "places of lines, workers",
    }
    assert any(key[0] == "ref-unresolved" for key in results["json"])
    # The places compared are real ones, over several lines, found by the rules across
    # records (placed after the fact) and by the rules of one record.
    placed = results["places of json, streamed"][1]
    assert all(line is not None and column is not None for *_, line, column in placed)
    assert len({line for *_, line, _column in placed}) > 1
    seen: list[Callable[..., Any]] = []
    original = parallel.run_task

    def counting(task: Any) -> Any:
        seen.append(task)
        return original(task)

    with _patched(parallel, run_task=counting):
        every_path(dataset)
    assert len(seen) > 1  # the JSON Lines file was cut into several ranges
