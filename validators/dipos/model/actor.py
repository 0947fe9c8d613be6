"""Actors: the states, organisations, bodies and people who take positions."""

from typing import Literal

from ._base import DiposModel
from .types import ActorRef, Extensions, Id, Iso3166Alpha3, Name, Text, WikidataQid
from .vocab import ActorKind


class Actor(DiposModel):
    """A party that holds, voices or receives positions.

    States, international organisations, government bodies (a ministry, a
    presidential office), people, de facto authorities and armed groups. A
    person who speaks for an actor (a president for a state, a spokesperson for
    a ministry) is an actor of their own, linked with `represents`.
    """

    type: Literal["actor"]
    """Always `actor`."""

    id: Id
    name: Name
    """The name most used for the actor, in English where one is usual: "Russia",
    "Vladimir Putin", "Ministry of Defence of the Russian Federation"."""

    alternative_names: list[Name] | None = None
    """Other names and spellings met in sources ("Russian Federation", "Kremlin",
    "Russian Defense Ministry"). Keep each source's own spelling here."""

    kind: ActorKind
    """What sort of actor this is (codelist `actor_kind`)."""

    iso3166_1_alpha3: Iso3166Alpha3 | None = None
    """For a state: its ISO 3166-1 alpha-3 code (`UKR`, `RUS`, `USA`)."""

    wikidata: WikidataQid | None = None
    """The actor's Wikidata item, when it has been checked (`Q159` for Russia)."""

    office: Name | None = None
    """For a person: the office held when the positions recorded were taken
    ("President of Russia", "Foreign Ministry spokesperson")."""

    represents: ActorRef | None = None
    """The actor this one speaks or acts for: Putin represents Russia; a
    ministry spokesperson represents the ministry."""

    part_of: ActorRef | None = None
    """The larger actor this one belongs to: a ministry is part of a state's
    government, a delegation part of a state."""

    description: Text | None = None
    """A short description for readers."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""

    extensions: Extensions | None = None
    """A project's own additions to this record (keys of your choice, best with a
    namespace: `acme:reviewed`). Not for facts the format has a property for."""
