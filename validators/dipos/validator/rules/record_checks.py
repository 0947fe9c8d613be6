"""Rules that need only one record: codes that exist, dates that exist, self-links."""

from collections.abc import Iterator
from functools import cache
from typing import Any

import pycountry

from ...codelists import SPECS, load
from .. import dates
from ..fields import CALENDAR_FIELDS, CODED_FIELDS, EDTF_FIELDS, values_at
from ..findings import Finding
from ..paths import Path
from ..suggest import did_you_mean
from ..syntax import finding

_CODELIST_OF_FIELD = {used: spec.name for spec in SPECS for used in spec.used_by}
_CODED_FIELDS_BY_TYPE: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _used_by, (_owner, _pattern) in CODED_FIELDS.items():
    _CODED_FIELDS_BY_TYPE.setdefault(_owner, []).append((_used_by, _pattern))


@cache
def deprecated_codes(codelist: str) -> dict[str, str]:
    """The deprecated codes of a codelist, with what the ``deprecated`` column says."""
    return {code.code: code.deprecated for code in load(codelist).codes if code.deprecated}


@cache
def topic_codes() -> frozenset[str]:
    return load("topic").code_values()


def _lookup(database: Any, **query: str) -> Any:
    # pycountry has no type hints: one typed entry point keeps mypy strict elsewhere.
    return database.get(**query)


@cache
def iso3166_exists(code: str) -> bool:
    """Whether an ISO 3166-1 alpha-2/alpha-3 or ISO 3166-2 code exists (pycountry)."""
    if "-" in code:
        return _lookup(pycountry.subdivisions, code=code) is not None
    if len(code) == 2:
        return _lookup(pycountry.countries, alpha_2=code) is not None
    return _lookup(pycountry.countries, alpha_3=code) is not None


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
            if "-" in code and _lookup(pycountry.countries, alpha_2=code[:2]) is not None:
                subdivisions = _lookup(pycountry.subdivisions, country_code=code[:2]) or []
                known = [str(s.code) for s in subdivisions]
                country = did_you_mean(code, known, cutoff=0.8)
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
                elif is_topic and ":" not in code and code not in topic_codes():
                    yield self.make(
                        "topic-unknown",
                        f'"{code}" is not in the topic codelist'
                        f"{did_you_mean(code, topic_codes())}; a project's own topic takes a "
                        "namespace prefix (`myproject:" + code + "`)",
                        rel,
                    )

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
