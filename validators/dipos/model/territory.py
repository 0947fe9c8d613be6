"""Territories: the land, places, lines and facilities positions are about."""

from typing import Literal

from ._base import DiposModel
from .types import Extensions, Id, Iso3166Code, Name, TerritoryRef, Text, WikidataQid
from .vocab import TerritoryKind


class Territory(DiposModel):
    """A place a position is about: a country, a region, a city, a peninsula, a
    facility such as a power plant, a line of contact or a zone.

    Many such places have no ISO code (a self-proclaimed "people's republic",
    a line of contact, a buffer zone): leave `iso3166` out for them. When
    parties name the same land differently (an oblast of one state, a
    "republic" claimed by another), record each as its own territory and link
    them with `corresponds_to`: which one a position names is part of the
    position, and the standard does not choose between them.
    """

    type: Literal["territory"]
    """Always `territory`."""

    id: Id
    name: Name
    """The name most used in English ("Donetsk Oblast", "Crimea")."""

    alternative_names: list[Name] | None = None
    """Other names and spellings met in sources ("Lugansk", "DPR", "Zaporozhye"),
    each source's spelling as written."""

    kind: TerritoryKind
    """What sort of place this is (codelist `territory_kind`)."""

    iso3166: Iso3166Code | None = None
    """Its ISO 3166-2 code (`UA-14`), or ISO 3166-1 alpha-2 for a country (`UA`),
    where one exists. Leave it out where none does."""

    wikidata: WikidataQid | None = None
    """The place's Wikidata item, when it has been checked."""

    part_of: TerritoryRef | None = None
    """The territory this one lies in (a city in a region, a plant in an oblast)."""

    corresponds_to: list[TerritoryRef] | None = None
    """Other territory records for the same or largely the same land under another
    name or claim (Donetsk Oblast and the claimed "Donetsk People's Republic")."""

    description: Text | None = None
    """A short description for readers."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""

    extensions: Extensions | None = None
    """A project's own additions to this record (keys of your choice, best with a
    namespace: `acme:reviewed`). Not for facts the format has a property for."""
