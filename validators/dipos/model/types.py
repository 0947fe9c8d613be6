"""Constrained string types used across the models.

The patterns themselves are in ``dipos.patterns`` (re-exported here), where the
validator reads them without loading pydantic.
"""

from dataclasses import dataclass
from typing import Annotated, Any, Final

from pydantic import BeforeValidator, Field, StringConstraints

from ..limits import TOPIC_MAX_LENGTH
from ..patterns import (
    CALENDAR_DATE_PATTERN,
    EDTF_PATTERN,
    ID_PATTERN,
    ISO3166_1_ALPHA3_PATTERN,
    ISO3166_PATTERN,
    LANGUAGE_PATTERN,
    QID_PATTERN,
    SHA256_PATTERN,
    TOPIC_PATTERN,
    URL_PATTERN,
)

__all__ = [
    "CALENDAR_DATE_PATTERN",
    "EDTF_PATTERN",
    "ID_PATTERN",
    "ISO3166_1_ALPHA3_PATTERN",
    "ISO3166_PATTERN",
    "LANGUAGE_PATTERN",
    "QID_PATTERN",
    "SHA256_PATTERN",
    "TOPIC_PATTERN",
    "URL_PATTERN",
    "ActorRef",
    "CalendarDate",
    "EdtfDate",
    "Extensions",
    "Id",
    "IdRef",
    "Iso3166Alpha3",
    "Iso3166Code",
    "LanguageTag",
    "Name",
    "Number",
    "Offset",
    "PositionOrProposalRef",
    "PositionRef",
    "PositiveCount",
    "ProposalRef",
    "RefersTo",
    "Sha256",
    "SourceRef",
    "TerritoryRef",
    "Text",
    "Topic",
    "Url",
    "WikidataQid",
]

PATTERN_NOTE: Final[dict[str, Any]] = {
    "$comment": (
        'The pattern allows no line break at the end: a value such as "abc\\n" is '
        "invalid. python-jsonschema alone accepts one, because Python's `$` also matches "
        "before a final newline; ECMA-262, Rust and the other engines reject it."
    )
}
"""A note on every pattern of the schema: the one place where engines disagree on it."""

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN),
    Field(
        description=(
            "A stable identifier, unique across the whole dataset (all files, all record "
            "types). Letters, digits and . _ : / - ; at most 200 characters; it must not "
            "start with punctuation. Choose ids that stay meaningful, e.g. "
            "`ru-mod-2025-06-ceasefire-conditions-1`."
        ),
        examples=["actor-russia", "pos-2024-06-14-withdrawal"],
        json_schema_extra=PATTERN_NOTE,
    ),
]
"""Identifier of a record."""

IdRef = Annotated[str, StringConstraints(pattern=ID_PATTERN), Field(json_schema_extra=PATTERN_NOTE)]
"""Reference to a record by its id: the `id` of another record in the same dataset (any of
its files). It has no description of its own, so that each field's docstring says what
the reference is (a description here would win over the docstring of a required field)."""


@dataclass(frozen=True, slots=True)
class RefersTo:
    """Marks a reference field with the record types its id may name.

    It sits in the ``Annotated[...]`` metadata of the reference types below and is
    never written into the JSON Schema (pydantic ignores metadata it does not know),
    so the schema stays portable; tools read it from the models to know what each
    reference may point to.
    """

    record_types: tuple[str, ...]

    def __init__(self, *record_types: str) -> None:
        object.__setattr__(self, "record_types", record_types)


ActorRef = Annotated[IdRef, RefersTo("actor")]
"""The id of an actor record."""

TerritoryRef = Annotated[IdRef, RefersTo("territory")]
"""The id of a territory record."""

SourceRef = Annotated[IdRef, RefersTo("source")]
"""The id of a source record."""

PositionRef = Annotated[IdRef, RefersTo("position")]
"""The id of a position record."""

ProposalRef = Annotated[IdRef, RefersTo("proposal")]
"""The id of a proposal record."""

PositionOrProposalRef = Annotated[IdRef, RefersTo("position", "proposal")]
"""The id of a position or a proposal record."""

ExtensionKey = Annotated[str, StringConstraints(min_length=1, max_length=200)]

Extensions = Annotated[
    dict[ExtensionKey, Any],
    Field(
        description=(
            "A project's own additions to the record, which the standard does not define: "
            "an object whose keys are names of your choice, best with a namespace "
            "(`acme:reviewed`, `acme:internal_id`), and whose values are any JSON. This is "
            "the only place where properties the standard does not define are allowed; a "
            "misspelt property anywhere else is an error. Facts the format can hold belong "
            "in their own properties, not here."
        ),
        examples=[{"acme:reviewed": True, "acme:internal_id": "A-17"}],
    ),
]
"""Free-form additions of a project to a record."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=10000)]
"""Free text: at least one character."""

Name = Annotated[str, StringConstraints(min_length=1, max_length=500)]
"""A name or short label."""

WikidataQid = Annotated[
    str,
    StringConstraints(pattern=QID_PATTERN),
    Field(
        description=(
            "Wikidata item identifier: `Q` followed by digits, e.g. `Q212` for Ukraine. "
            "Leave it out rather than guess: a wrong identifier is worse than none."
        ),
        examples=["Q212"],
        json_schema_extra=PATTERN_NOTE,
    ),
]

LanguageTag = Annotated[
    str,
    StringConstraints(pattern=LANGUAGE_PATTERN),
    Field(
        description=(
            "Language as a BCP 47 tag, lower-case primary subtag: `en`, `ru`, `uk`, `pt-BR`."
        ),
        examples=["en", "ru"],
        json_schema_extra=PATTERN_NOTE,
    ),
]

Url = Annotated[
    str,
    StringConstraints(pattern=URL_PATTERN, max_length=2000),
    Field(
        description=(
            "An http(s) URL exactly as found. Never reconstruct or guess a URL: leave it out."
        ),
        json_schema_extra=PATTERN_NOTE,
    ),
]

Sha256 = Annotated[
    str,
    StringConstraints(pattern=SHA256_PATTERN),
    Field(
        description="SHA-256 digest, 64 lower-case hexadecimal characters.",
        json_schema_extra=PATTERN_NOTE,
    ),
]

CalendarDate = Annotated[
    str,
    StringConstraints(pattern=CALENDAR_DATE_PATTERN),
    Field(
        description="A calendar day, `YYYY-MM-DD`.",
        examples=["2025-06-14"],
        json_schema_extra=PATTERN_NOTE,
    ),
]

EdtfDate = Annotated[
    str,
    StringConstraints(pattern=EDTF_PATTERN),
    Field(
        description=(
            "A date in a subset of the Extended Date/Time Format (EDTF, ISO 8601-2 level 1): "
            "`2025`, `2025-06` or `2025-06-14` for year, month or day precision; a trailing "
            "`?` marks it uncertain, `~` approximate, `%` both (`2025-06~`); a `/` joins the "
            "two ends of an interval, and `..` leaves one end open (`2025-03-01/2025-03-21`, "
            "`../2022-02`). A day can carry a time of day: `T`, hours, minutes and seconds "
            "(seconds required), then optionally the time zone, `Z` for UTC or an offset "
            "(`2025-05-08T14:00:00`, `2025-05-08T00:00:00+03:00`); such a date is not marked "
            "`?`, `~` or `%`."
        ),
        examples=[
            "2025-05-17",
            "2025-05",
            "2024?",
            "2025-02-10/2025-03-07",
            "2025-05-08T00:00:00+03:00",
        ],
        json_schema_extra=PATTERN_NOTE,
    ),
]

Topic = Annotated[
    str,
    StringConstraints(pattern=TOPIC_PATTERN, max_length=TOPIC_MAX_LENGTH),
    Field(
        description=(
            "A code from the `topic` codelist, e.g. `ceasefire`. The list is open: a code "
            "not in it is accepted with a warning. A project's own codes take a namespace "
            "prefix, `myproject:water_rights`, and are not warned about. At most "
            f"{TOPIC_MAX_LENGTH} characters."
        ),
        examples=["ceasefire", "territorial_recognition", "acme:water_rights"],
        json_schema_extra=PATTERN_NOTE,
    ),
]

Iso3166Alpha3 = Annotated[
    str,
    StringConstraints(pattern=ISO3166_1_ALPHA3_PATTERN),
    Field(
        description="ISO 3166-1 alpha-3 country code, upper case: `UKR`.",
        examples=["UKR"],
        json_schema_extra=PATTERN_NOTE,
    ),
]

Iso3166Code = Annotated[
    str,
    StringConstraints(pattern=ISO3166_PATTERN),
    Field(
        description=(
            "An ISO 3166-2 subdivision code (`UA-14`) or, for a whole country, its "
            "ISO 3166-1 alpha-2 code (`UA`)."
        ),
        examples=["UA-14", "UA"],
        json_schema_extra=PATTERN_NOTE,
    ),
]


def _whole_float_to_int(value: object) -> object:
    # JSON Schema counts 1.0 as an integer; pydantic's strict int does not.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Offset = Annotated[int, Field(ge=0), BeforeValidator(_whole_float_to_int)]
"""A whole number, zero or more. `5.0` is read as `5`, as JSON Schema does."""

PositiveCount = Annotated[int, Field(ge=1), BeforeValidator(_whole_float_to_int)]
"""A whole number, one or more. `5.0` is read as `5`, as JSON Schema does."""

_FLOAT_MAX = 1.7976931348623157e308

Number = Annotated[float, Field(ge=-_FLOAT_MAX, le=_FLOAT_MAX)]
"""A finite number within the range of a double; the bounds appear in the schema so that
every validator rejects `1e400` (read as infinity) and integers too large for a double."""
