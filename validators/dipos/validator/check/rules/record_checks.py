"""Rules that need only one record: codes that exist, dates that exist, self-links."""

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path as FilePath
from typing import Any

import orjson
import pycountry

from ....codelists import SPECS, load
from ....limits import TOPIC_MAX_LENGTH
from ...findings import Finding, finding
from ...index import dates
from ...index.fields import CALENDAR_FIELDS, CODED_FIELDS, EDTF_FIELDS, values_at
from ...paths import Path
from ..suggest import did_you_mean

_CODELIST_OF_FIELD = {used: spec.name for spec in SPECS for used in spec.used_by}
_CODED_FIELDS_BY_TYPE: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _used_by, _places in CODED_FIELDS.items():
    for _owner, _pattern in _places:
        _CODED_FIELDS_BY_TYPE.setdefault(_owner, []).append((_used_by, _pattern))


@cache
def deprecated_codes(codelist: str) -> dict[str, str]:
    """The deprecated codes of a codelist, with what the ``deprecated`` column says."""
    return {code.code: code.deprecated for code in load(codelist).codes if code.deprecated}


@cache
def topic_codes() -> frozenset[str]:
    return load("topic").code_values()


@cache
def _iso3166() -> tuple[frozenset[str], dict[str, list[str]]]:
    """The ISO 3166-1 alpha-2 and alpha-3 codes and the ISO 3166-2 codes (all upper case),
    and the subdivision codes of each country.

    Read from pycountry's own data files (the ISO lists of Debian's iso-codes), not
    through its objects: building the objects of 5,000 subdivisions took about 45 ms of
    every run that meets a code, reading the codes alone takes a few. A test
    (tests/validate/test_structure.py) checks that both give the same codes.
    """
    databases = FilePath(str(pycountry.DATABASE_DIR))
    countries = orjson.loads((databases / "iso3166-1.json").read_bytes())["3166-1"]
    subdivisions = orjson.loads((databases / "iso3166-2.json").read_bytes())["3166-2"]
    by_country: dict[str, list[str]] = {}
    for subdivision in subdivisions:
        code = str(subdivision["code"]).upper()
        by_country.setdefault(code.split("-", 1)[0], []).append(code)
    codes = {str(c[key]).upper() for c in countries for key in ("alpha_2", "alpha_3") if key in c}
    codes.update(code for listed in by_country.values() for code in listed)
    return frozenset(codes), by_country


def iso3166_exists(code: str) -> bool:
    """Whether an ISO 3166-1 alpha-2/alpha-3 or ISO 3166-2 code exists (upper case, as
    the schema writes them; pycountry's lists)."""
    return code in _iso3166()[0]


def iso3166_subdivisions(country: str) -> list[str]:
    """The ISO 3166-2 codes of a country's subdivisions (none for an unknown country)."""
    return _iso3166()[1].get(country, [])


Problem = tuple[str, str, Path]
"""A finding before it is placed: rule, message, path inside the record."""


def _date_problem(text: Any, rel: Path, found: list[Problem]) -> None:
    if not isinstance(text, str):
        return
    try:
        dates.parse(text)
    except dates.IntervalReversed as error:
        found.append(("date-interval-reversed", str(error), rel))
    except dates.ImpossibleDate as error:
        found.append(("date-impossible", str(error), rel))


def _fast_codes() -> frozenset[str]:
    """The record types whose codelists have no deprecated code (topics aside): for them
    the schema checks every code but topics, and a hand-written check runs."""
    return frozenset(
        record_type
        for record_type, fields in _CODED_FIELDS_BY_TYPE.items()
        if not any(deprecated_codes(_CODELIST_OF_FIELD[used_by]) for used_by, _ in fields)
    )


def _source_problems(value: dict[str, Any]) -> list[Problem]:
    """The one-record rules of a source, hand-written (sources are many): its dates."""
    found: list[Problem] = []
    published = value.get("published_on")
    if isinstance(published, dict) and "value" in published:
        _date_problem(published["value"], ("published_on", "value"), found)
    if "accessed_on" in value:
        _date_problem(value["accessed_on"], ("accessed_on",), found)
    return found


_FAST_CODES: dict[object, frozenset[str]] = {}

_SELF_LINK_FIELDS = (("links", "target"), ("reaffirms", None), ("responds_to", "target"))


def _position_problems(value: dict[str, Any]) -> list[Problem]:
    """The one-record rules of a position, hand-written (this runs for every position)."""
    found: list[Problem] = []
    stated = value.get("stated_on")
    if isinstance(stated, dict) and "value" in stated:
        _date_problem(stated["value"], ("stated_on", "value"), found)
    deadlines = value.get("deadlines")
    if isinstance(deadlines, list):
        for i, deadline in enumerate(deadlines):
            date = deadline.get("date") if isinstance(deadline, dict) else None
            if isinstance(date, dict) and "value" in date:
                _date_problem(date["value"], ("deadlines", i, "date", "value"), found)
    scopes = value.get("territories")
    if isinstance(scopes, list):
        for i, scope in enumerate(scopes):
            as_of = scope.get("as_of") if isinstance(scope, dict) else None
            if isinstance(as_of, dict) and "value" in as_of:
                _date_problem(as_of["value"], ("territories", i, "as_of", "value"), found)
    topics = value.get("topics")
    if isinstance(topics, list):
        known = topic_codes()
        for i, code in enumerate(topics):
            # A code longer than the limit: the schema's error says it all.
            if (
                isinstance(code, str)
                and code not in known
                and ":" not in code
                and len(code) <= TOPIC_MAX_LENGTH
            ):
                found.append(unknown_topic(code, ("topics", i)))
    own = value.get("id")
    if isinstance(own, str):
        for field, key in _SELF_LINK_FIELDS:
            items = value.get(field)
            if not isinstance(items, list):
                continue
            for i, item in enumerate(items):
                rel: Path
                if key is None:
                    target, rel = item, (field, i)
                else:
                    target = item.get(key) if isinstance(item, dict) else None
                    rel = (field, i, key)
                if target == own:
                    found.append(
                        (
                            "link-self",
                            f'the position "{own}" is linked to itself in `{field}`',
                            rel,
                        )
                    )
    return found


_SNAKE_CODE = re.compile(r"[a-z][a-z0-9_]*")


def unknown_topic(code: str, rel: Path) -> Problem:
    # Suggest `myproject:<code>` only where that would be a well-formed code; a badly
    # formed one ("cease fire") also gets a schema-pattern error saying what is allowed.
    example = code if _SNAKE_CODE.fullmatch(code) else "water_rights"
    return (
        "topic-unknown",
        f'"{code}" is not in the topic codelist'
        f"{did_you_mean(code, topic_codes())}; a project's own topic takes a "
        "namespace prefix (`myproject:" + example + "`)",
        rel,
    )


def fast_types() -> frozenset[str]:
    """The record types whose codes need no check one by one but topics (see
    :func:`_fast_codes`)."""
    # Keyed by the function that says which codes are deprecated (tests replace it).
    fast = _FAST_CODES.get(deprecated_codes)
    if fast is None:
        fast = _FAST_CODES[deprecated_codes] = _fast_codes()
    return fast


def problems(record_type: str, value: dict[str, Any]) -> list[Problem]:
    """The one-record findings of a record, before they are placed in a file."""
    if record_type in fast_types():
        if record_type == "position":
            return _position_problems(value)
        if record_type == "source":
            return _source_problems(value)
    checker = RecordChecker("", None, (), None)
    return [(f.rule, f.message, f.path) for f in checker.check(record_type, value)]


class RecordChecker:
    """Runs the one-record rules on a record, yielding findings."""

    def __init__(self, file: str, line: int | None, base: Path, record_id: str | None) -> None:
        self.file = file
        self.line = line
        self.base = base
        self.record_id = record_id

    def make(self, rule: str, message: str, rel: Path) -> Finding:
        return finding(rule, message, self.file, self.line, None, self.base + rel, self.record_id)

    def check(self, record_type: str, value: dict[str, Any]) -> Iterator[Finding]:
        yield from self._iso(record_type, value)
        yield from self._dates(record_type, value)
        yield from self._codes(record_type, value)
        if record_type == "position":
            yield from self._self_links(value)

    def _iso(self, record_type: str, value: dict[str, Any]) -> Iterator[Finding]:
        field = {"actor": "iso3166_1_alpha3", "territory": "iso3166"}.get(record_type)
        code = value.get(field) if field else None
        if not isinstance(code, str) or not code.isascii() or code.upper() != code:
            return
        shape_ok = (
            (len(code) == 3 and code.isalpha())
            if field == "iso3166_1_alpha3"
            else (len(code) == 2 or (len(code) > 3 and code[2] == "-"))
        )
        if shape_ok and not iso3166_exists(code):
            kind = "ISO 3166-2 subdivision" if "-" in code else "ISO 3166-1 country"
            country = ""
            if "-" in code and iso3166_exists(code[:2]):
                country = did_you_mean(code, iso3166_subdivisions(code[:2]), cutoff=0.8)
            yield self.make(
                "iso3166-unknown",
                f'"{code}" is not an existing {kind} code{country}',
                (field or "",),
            )

    def _dates(self, record_type: str, value: dict[str, Any]) -> Iterator[Finding]:
        patterns = EDTF_FIELDS.get(record_type, ()) + CALENDAR_FIELDS.get(record_type, ())
        for pattern in patterns:
            for rel, text in values_at(value, pattern):
                if not isinstance(text, str):
                    continue
                try:
                    dates.parse(text)
                except dates.IntervalReversed as error:
                    yield self.make("date-interval-reversed", str(error), rel)
                except dates.ImpossibleDate as error:
                    yield self.make("date-impossible", str(error), rel)

    def _codes(self, record_type: str, value: dict[str, Any]) -> Iterator[Finding]:
        for used_by, pattern in _CODED_FIELDS_BY_TYPE.get(record_type, ()):
            if pattern[0] not in value:
                continue
            codelist = _CODELIST_OF_FIELD[used_by]
            deprecated = deprecated_codes(codelist)
            is_topic = codelist == "topic"
            if not deprecated and not is_topic:
                continue
            for rel, code in values_at(value, pattern):
                if not isinstance(code, str):
                    continue
                if code in deprecated:
                    yield self.make(
                        "codelist-deprecated",
                        f'"{code}" is deprecated in the codelist `{codelist}`: {deprecated[code]}',
                        rel,
                    )
                elif (
                    is_topic
                    and ":" not in code
                    and code not in topic_codes()
                    and len(code) <= TOPIC_MAX_LENGTH  # longer: the schema's error says it all
                ):
                    yield self.make(*unknown_topic(code, rel))

    def _self_links(self, value: dict[str, Any]) -> Iterator[Finding]:
        own = value.get("id")
        if not isinstance(own, str):
            return
        for pattern in (
            ("links", "*", "target"),
            ("reaffirms", "*"),
            ("responds_to", "*", "target"),
        ):
            for rel, target in values_at(value, pattern):
                if target == own:
                    yield self.make(
                        "link-self",
                        f'the position "{own}" is linked to itself in `{pattern[0]}`',
                        rel,
                    )
