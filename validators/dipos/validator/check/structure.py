"""The structure layer: each record against the dipos JSON Schema.

The validators are compiled once per process (jsonschema-rs) from the schema
shipped in the package (``dipos.schema.load``), which is the same as the
committed ``schema/*.json`` files and what the models generate. Each record is
checked against the schema of its own type (selected by ``type``) rather than
against the union of all types, which is faster and gives the errors of the
right type. A dataset is checked as its header (``type``, ``dipos_version``,
``title``...) plus each record of its lists.

Errors are turned into findings a person can act on: unions (a date's
``stated``/``inferred`` basis) are resolved by their discriminator and the
chosen branch's own errors are reported, never a bare "not valid under any of
the given schemas".
"""

import copy
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema_rs

from ... import patterns
from ...codelists import SPECS
from ...limits import QUOTE_MAX_LENGTH
from ...schema import dataset_schema, record_schema
from ...version import SCHEMA_VERSION
from ..findings import Finding, finding
from ..index.fields import RECORD_LISTS, RECORD_TYPES
from ..paths import Path, to_json_path
from .suggest import did_you_mean

_DEF_OF_TYPE = {t: t.capitalize() for t in RECORD_TYPES}

_NOUNS = {
    "Actor": "an actor record",
    "Territory": "a territory record",
    "Source": "a source record",
    "Proposal": "a proposal record",
    "Position": "a position record",
    "Dataset": "a dataset",
    "Evidence": "an evidence item",
    "TerritoryScope": "a territory scope",
    "Quantity": "a quantity",
    "RelativeTime": "a relative time (`within`)",
    "Deadline": "a deadline",
    "PositionLink": "a link",
    "Response": "a response (`responds_to` item)",
    "ProposalReference": "a proposal reference (`proposal_points` item)",
    "ProposalPoint": "a proposal point",
    "ReportingStep": "a reporting step (`reported_via` item)",
    "StatedDate": "a stated date",
    "InferredDate": "an inferred date",
    "ActorRole": "a role (`roles` item)",
    "Recognition": "a recognition",
    "ZoneRule": "a zone (`zone`)",
    "EventReference": "an event reference (`counted_from`)",
    "Duration": "a duration",
    "ProposalRelation": "a proposal relation (`relations` item)",
    "SigningParty": "a signing party (`signatories` or `witnesses` item)",
}

_PATTERN_RULES = {
    patterns.QID_PATTERN: ("wikidata-malformed", "a Wikidata item id such as `Q212`"),
    patterns.ISO3166_PATTERN: (
        "iso3166-malformed",
        "an upper-case ISO 3166-1 alpha-2 code (`UA`) or ISO 3166-2 code (`UA-14`)",
    ),
    patterns.ISO3166_1_ALPHA3_PATTERN: (
        "iso3166-malformed",
        "an upper-case ISO 3166-1 alpha-3 code (`UKR`)",
    ),
    patterns.ID_PATTERN: (
        "id-malformed",
        "an id of letters, digits and . _ : / - starting with a letter or digit, at most "
        "200 characters (`actor-russia`)",
    ),
    patterns.EDTF_PATTERN: (
        "date-malformed",
        "a date such as `2025-06-14`, `2025-06`, `2025`, `2025-06~`, `2024?`, "
        "`2025-03-01/2025-03-21`, `../2022-02` or `2025-06-14T14:00:00Z`",
    ),
    patterns.CALENDAR_DATE_PATTERN: ("date-malformed", "a calendar day `YYYY-MM-DD`"),
    patterns.LANGUAGE_PATTERN: (
        "schema-pattern",
        "a BCP 47 language tag with a lower-case primary subtag: `en`, `ru`, `pt-BR`",
    ),
    patterns.SHA256_PATTERN: ("schema-pattern", "64 lower-case hexadecimal characters"),
    patterns.URL_PATTERN: (
        "schema-pattern",
        "an http:// or https:// URL without spaces",
    ),
    patterns.TOPIC_PATTERN: (
        "schema-pattern",
        "a lower-case snake_case code (`ceasefire`), optionally with a namespace "
        "(`myproject:water_rights`)",
    ),
}

_CODELIST_OF_FIELD = {used: spec.name for spec in SPECS for used in spec.used_by}

_JSON_TYPE_NAMES = {
    "string": "text (a string)",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "an object",
    "boolean": "true or false",
}


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _short(value: Any, limit: int = 60) -> str:
    import orjson

    try:
        text = orjson.dumps(value).decode()
    except TypeError:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def _defs() -> dict[str, Any]:
    return dict(record_schema()["$defs"])


_ENGINE: dict[str, Any] = (
    {"pattern_options": jsonschema_rs.RegexOptions()}
    if hasattr(jsonschema_rs, "RegexOptions")
    else {}
)
"""The plain (non-backtracking) regular-expression engine, where jsonschema-rs offers the
choice: the dipos patterns need no look-around, and it checks them about twice as fast
as the default (fancy-regex)."""


@cache
def record_validator(record_type: str) -> Any:
    """The compiled validator of one record type (``dataset``: its header only)."""
    if record_type == "dataset":
        header = copy.deepcopy(dataset_schema())
        for name in RECORD_LISTS:
            header["properties"][name] = {"type": "array"}
        return jsonschema_rs.validator_for(header, **_ENGINE)
    schema = {
        "$schema": record_schema()["$schema"],
        "$defs": _defs(),
        "$ref": f"#/$defs/{_DEF_OF_TYPE[record_type]}",
    }
    return jsonschema_rs.validator_for(schema, **_ENGINE)


def _def_name(schema_path: list[Any], default: str) -> str:
    name = default
    for i, part in enumerate(schema_path[:-1]):
        if part == "$defs":
            name = str(schema_path[i + 1])
    return name


class _Translator:
    def __init__(self, file: str, line: int | None, record_id: str | None, default_def: str):
        self.file = file
        self.line = line
        self.record_id = record_id
        self.default_def = default_def

    def make(self, rule: str, message: str, path: Path) -> Finding:
        return finding(rule, message, self.file, self.line, None, path, self.record_id)

    def translate(self, error: Any, base: Path, instance_root: Any) -> Iterator[Finding]:
        kind = error.kind
        name = kind.name
        info: dict[str, Any] = kind.as_dict()
        rel: Path = tuple(error.instance_path)
        path = base + rel
        schema_path = list(error.schema_path)
        def_name = _def_name(schema_path, self.default_def)
        noun = _NOUNS.get(def_name, "this object")
        instance = error.instance
        if name == "required":
            prop = info["property"]
            if prop == "evidence" and def_name == "Position":
                yield self.make(
                    "evidence-missing",
                    "the position has no `evidence`: every "
                    "position needs at least one source and verbatim quote",
                    path,
                )
            else:
                yield self.make(
                    "schema-required", f'"{prop}" is required in {noun} but is missing', path
                )
        elif name == "additionalProperties":
            known = list(_defs().get(def_name, {}).get("properties", {}))
            if def_name == "Dataset":
                known = list(dataset_schema()["properties"])
            for prop in info["unexpected"]:
                if prop.startswith("x_"):
                    hint = (
                        "; dipos 0.2 keeps a project's own additions in `extensions`, not in "
                        "`x_` properties: run `dipos migrate` to move them"
                    )
                else:
                    hint = (
                        f"{did_you_mean(prop, known)}; a project's own additions go in the "
                        "record's `extensions` object"
                    )
                yield self.make(
                    "schema-additional-property",
                    f'unknown property "{prop}" in {noun}{hint}',
                    (*path, prop),
                )
        elif name == "type":
            if instance is None:
                yield self.make(
                    "schema-null",
                    "the value is null: leave the property out instead (dipos never uses null)",
                    path,
                )
            else:
                expected = " or ".join(_JSON_TYPE_NAMES.get(str(t), str(t)) for t in info["types"])
                yield self.make(
                    "schema-type",
                    f"expected {expected}, found {_json_type(instance)} {_short(instance)}",
                    path,
                )
        elif name == "const":
            if rel and rel[-1] == "type" and len(rel) == 1:
                yield self.make(
                    "schema-record-type",
                    f'expected type "{info["expected_value"]}", found {_short(instance)}',
                    path,
                )
            elif rel == ("dipos_version",) and isinstance(instance, str):
                yield self.make("schema-const", _version_message(instance), path)
            else:
                yield self.make(
                    "schema-const",
                    f"expected {_short(info['expected_value'])}, found {_short(instance)}",
                    path,
                )
        elif name == "enum":
            yield self._enum(instance, list(info["options"]), def_name, rel, path)
        elif name == "pattern":
            rule, wanted = _PATTERN_RULES.get(
                info["pattern"], ("schema-pattern", f"text matching the pattern {info['pattern']}")
            )
            extra = ""
            if info["pattern"] == patterns.EDTF_PATTERN and _has_time(instance):
                extra = TIME_OF_DAY_HINT
            yield self.make(rule, f"{_short(instance)} is not {wanted}{extra}", path)
        elif name == "minItems":
            if rel and rel[-1] == "evidence" and def_name == "Position":
                yield self.make(
                    "evidence-missing",
                    "the position's `evidence` is empty: give "
                    "at least one source and verbatim quote",
                    path,
                )
            else:
                yield self.make(
                    "schema-min-items",
                    f"the list is empty; it needs at least {info['limit']} item(s) "
                    "(or leave the property out if it is optional)",
                    path,
                )
        elif name in ("minLength", "maxLength"):
            limit = info["limit"]
            length = len(instance) if isinstance(instance, str) else 0
            if name == "minLength":
                message = (
                    (
                        f"the text is empty; write at least {limit} character(s) or leave "
                        "the property out"
                    )
                    if length == 0
                    else (f"the text is too short ({length} characters; at least {limit})")
                )
            elif def_name == "Evidence" and rel[-1:] == ("quote",):
                message = (
                    f"the quote is too long ({length:,} characters; at most "
                    f"{QUOTE_MAX_LENGTH:,}): quote only the clause that carries the position"
                )
            else:
                message = f"the text is too long ({length:,} characters; at most {limit:,})"
            yield self.make("schema-constraint", message, path)
        elif name in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            words = {
                "minimum": "at least",
                "exclusiveMinimum": "more than",
                "maximum": "at most",
                "exclusiveMaximum": "less than",
            }[name]
            yield self.make(
                "schema-constraint",
                f"{_short(instance)} is out of range: it must be {words} {info['limit']}",
                path,
            )
        elif name == "not" and def_name == "Deadline":
            # The schema says "not both absent" (see the model's `Deadline`).
            yield self.make(
                "deadline-empty",
                "the deadline has neither `date` nor `within`: give one or both",
                path,
            )
        elif name == "not" and def_name == "RelativeTime":
            yield self.make(
                "schema-required",
                "the relative time has neither `after` nor `counted_from`: say what the span "
                "is counted from, in words (`after`) or as a record (`counted_from`), or both",
                path,
            )
        elif name in ("oneOf", "anyOf"):
            yield from self._union(
                error, name, list(info["context"]), def_name, base, rel, path, instance
            )
        elif name == "not" and def_name == "Recognition":
            yield self.make(
                "schema-constraint",
                "a recognition is either `as_part_of` a state or `independent: true`, not "
                "both: remove one of them",
                path,
            )
        else:  # keywords the dipos schema does not use today
            yield self.make("schema-constraint", str(error.message), path)

    def _enum(
        self, instance: Any, options: list[Any], def_name: str, rel: Path, path: Path
    ) -> Finding:
        field = f"{def_name}.{rel[-1]}" if rel and isinstance(rel[-1], str) else ""
        codelist = _CODELIST_OF_FIELD.get(field)
        codes = [str(o) for o in options]
        listed = ", ".join(codes) if len(codes) <= 12 else ", ".join(codes[:12]) + ", ..."
        where = f"the codelist `{codelist}`" if codelist else "the allowed values"
        hint = did_you_mean(str(instance), codes) if isinstance(instance, str) else ""
        return self.make(
            "codelist-unknown",
            f"{_short(instance)} is not in {where}{hint}; allowed: {listed}",
            path,
        )

    def _union(
        self,
        error: Any,
        name: str,
        branches: list[Any],
        def_name: str,
        base: Path,
        rel: Path,
        path: Path,
        instance: Any,
    ) -> Iterator[Finding]:
        # A branch whose discriminator (`basis` or `type` const) fails is not the one meant.
        chosen = [b for b in branches if not any(_is_discriminator_error(e, rel) for e in b)]
        if isinstance(instance, dict) and len(chosen) >= 1 and len(chosen) < len(branches):
            for sub in chosen[0]:
                yield from self.translate(sub, base, instance)
            return
        if not isinstance(instance, dict):
            yield self.make(
                "schema-type",
                f"expected an object, found {_json_type(instance)} {_short(instance)}",
                path,
            )
            return
        if "basis" not in instance:
            yield self.make(
                "schema-required",
                '"basis" is required in a date ("stated" or "inferred") but is missing',
                path,
            )
            return
        basis = instance.get("basis")
        if "basis" in instance and def_name != "Deadline":
            yield self.make(
                "codelist-unknown",
                f"{_short(basis)} is not in the codelist `date_basis`"
                f"{did_you_mean(str(basis), ['stated', 'inferred'])}; allowed: stated, inferred",
                (*path, "basis"),
            )
            return
        yield self.make("schema-constraint", str(error.message), path)


TIME_OF_DAY_HINT = (
    "; a time of day goes after a full day, as `2025-05-08T14:00:00+03:00`: `T`, then "
    "hours, minutes and seconds (seconds required), then optionally the zone, `Z` for UTC "
    "or an offset `+03:00`; a date with a time takes no `?`, `~` or `%`"
)
"""Added to a malformed date that looks as if it gives a time of day."""


def _has_time(value: Any) -> bool:
    return isinstance(value, str) and ("T" in value or ":" in value or " " in value.strip())


def _version_message(found: str) -> str:
    """What to do about a dataset that declares another schema version than this one."""
    if found == "0.1":
        return (
            f'the dataset follows dipos 0.1 ("dipos_version": "0.1"); this validator checks '
            f"dipos {SCHEMA_VERSION}. Convert the files with `dipos migrate PATH --in-place` "
            "(or `-o OUTDIR` to write copies), then validate again"
        )
    return (
        f'"dipos_version" is {_short(found)}, but this validator checks dipos '
        f'{SCHEMA_VERSION}: write "{SCHEMA_VERSION}" if the data follows it, or use the '
        "version of dipos that the data was written for"
    )


def _is_discriminator_error(error: Any, rel: Path) -> bool:
    sub = tuple(error.instance_path)
    return error.kind.name == "const" and sub[:-1] == rel and sub[-1:] in (("basis",), ("type",))


def check_against_type(
    record_type: str,
    value: dict[str, Any],
    base: Path,
    file: str,
    line: int | None,
    record_id: str | None,
) -> list[Finding]:
    """Schema findings for one record whose ``type`` is ``record_type``."""
    validator = record_validator(record_type)
    if validator.is_valid(value):
        return []
    translator = _Translator(file, line, record_id, _DEF_OF_TYPE[record_type])
    found: list[Finding] = []
    try:
        for error in validator.iter_errors(value):
            found.extend(translator.translate(error, base, value))
    except ValueError as error:  # jsonschema-rs cannot convert very deep values into errors
        found.append(
            translator.make(
                "schema-constraint",
                f"the record is nested too deeply to be checked in detail ({error}); dipos "
                "records need only a few levels",
                base,
            )
        )
    return found


def record_type_problem(
    value: Any, base: Path, file: str, line: int | None, expected: str | None = None
) -> Finding | None:
    """A finding when a value is not an object or its ``type`` is missing, unknown, or not
    the one its dataset list holds."""
    record_id = value.get("id") if isinstance(value, dict) else None
    record_id = record_id if isinstance(record_id, str) else None

    def make(rule: str, message: str, path: Path) -> Finding:
        return finding(rule, message, file, line, None, path, record_id)

    if not isinstance(value, dict):
        what = "a dataset or a record" if expected is None else f"a {expected} record"
        extra = ""
        if isinstance(value, list) and not base:
            extra = (
                "; to put several records in one file, use a dataset or a JSON Lines (.jsonl) file"
            )
        return make(
            "schema-type", f"expected {what} (an object), found {_json_type(value)}{extra}", base
        )
    allowed = ", ".join(RECORD_TYPES)
    record_type = value.get("type")
    if "type" not in value:
        want = f'"{expected}"' if expected else f"one of {allowed}"
        return make("schema-record-type", f'the record has no "type"; it must be {want}', base)
    if not isinstance(record_type, str) or record_type not in RECORD_TYPES:
        suggestion = did_you_mean(str(record_type), RECORD_TYPES)
        want = f'"{expected}"' if expected else f"one of {allowed}"
        return make(
            "schema-record-type",
            f"unknown record type {_short(record_type)}{suggestion}; type must be {want}",
            (*base, "type"),
        )
    if expected is not None and record_type != expected:
        list_name = next((k for k, v in RECORD_LISTS.items() if v == record_type), None)
        move = f"; move it to `{list_name}`" if list_name else ""
        where = to_json_path(base[:-1]) if base else "this list"
        return make(
            "schema-record-type",
            f'{where} holds {expected} records, but this one has type "{record_type}"{move}',
            (*base, "type"),
        )
    return None
