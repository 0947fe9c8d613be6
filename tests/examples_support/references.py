"""The references a record makes to other records, with the record type each must point to."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Reference:
    """One id reference: where it is, what it names, and which record types may be named."""

    path: str
    target: str
    allowed_types: frozenset[str]


ACTOR = frozenset({"actor"})
TERRITORY = frozenset({"territory"})
SOURCE = frozenset({"source"})
PROPOSAL = frozenset({"proposal"})
POSITION = frozenset({"position"})
POSITION_OR_PROPOSAL = POSITION | PROPOSAL


def _one(path: str, value: Any, allowed: frozenset[str]) -> Iterator[Reference]:
    if isinstance(value, str):
        yield Reference(path, value, allowed)


def _many(path: str, values: Any, allowed: frozenset[str]) -> Iterator[Reference]:
    for index, value in enumerate(values or []):
        yield from _one(f"{path}/{index}", value, allowed)


def references(record: dict[str, Any]) -> Iterator[Reference]:
    """Every reference `record` makes."""
    kind = record.get("type")
    if kind == "actor":
        yield from _one("/represents", record.get("represents"), ACTOR)
        yield from _one("/part_of", record.get("part_of"), ACTOR)
    elif kind == "territory":
        yield from _one("/part_of", record.get("part_of"), TERRITORY)
        yield from _many("/corresponds_to", record.get("corresponds_to"), TERRITORY)
    elif kind == "source":
        yield from _chain_references("", record.get("reported_via"))
    elif kind == "proposal":
        yield from _many("/proposed_by", record.get("proposed_by"), ACTOR)
        for field in ("signatories", "witnesses"):
            for index, party in enumerate(record.get(field, [])):
                yield from _one(f"/{field}/{index}/actor", party.get("actor"), ACTOR)
                yield from _one(f"/{field}/{index}/signed_by", party.get("signed_by"), ACTOR)
        for index, relation in enumerate(record.get("relations", [])):
            yield from _one(f"/relations/{index}/target", relation.get("target"), PROPOSAL)
        yield from _many("/sources", record.get("sources"), SOURCE)
    elif kind == "position":
        yield from _position_references(record)


def _position_references(record: dict[str, Any]) -> Iterator[Reference]:
    yield from _many("/holders", record.get("holders"), ACTOR)
    yield from _one("/speaker", record.get("speaker"), ACTOR)
    yield from _many("/addressees", record.get("addressees"), ACTOR)
    yield from _many("/reaffirms", record.get("reaffirms"), POSITION)
    for index, role in enumerate(record.get("roles", [])):
        yield from _one(f"/roles/{index}/actor", role.get("actor"), ACTOR)
    recognition = record.get("recognition", {})
    yield from _one("/recognition/as_part_of", recognition.get("as_part_of"), ACTOR)
    yield from _many("/recognition/by", recognition.get("by"), ACTOR)
    for index, scope in enumerate(record.get("territories", [])):
        yield from _one(f"/territories/{index}/territory", scope.get("territory"), TERRITORY)
        zone = scope.get("zone", {})
        yield from _one(f"/territories/{index}/zone/from", zone.get("from"), TERRITORY)
    event = record.get("duration", {}).get("counted_from", {})
    yield from _one("/duration/counted_from/target", event.get("target"), POSITION_OR_PROPOSAL)
    for index, deadline in enumerate(record.get("deadlines", [])):
        event = deadline.get("within", {}).get("counted_from", {})
        yield from _one(
            f"/deadlines/{index}/within/counted_from/target",
            event.get("target"),
            POSITION_OR_PROPOSAL,
        )
    for index, link in enumerate(record.get("links", [])):
        yield from _one(f"/links/{index}/target", link.get("target"), POSITION_OR_PROPOSAL)
    for index, response in enumerate(record.get("responds_to", [])):
        yield from _one(
            f"/responds_to/{index}/target", response.get("target"), POSITION_OR_PROPOSAL
        )
    for index, part in enumerate(record.get("proposal_points", [])):
        yield from _one(f"/proposal_points/{index}/proposal", part.get("proposal"), PROPOSAL)
    for index, evidence in enumerate(record.get("evidence", [])):
        yield from _one(f"/evidence/{index}/source", evidence.get("source"), SOURCE)
        yield from _chain_references(f"/evidence/{index}", evidence.get("reported_via"))


def _chain_references(path: str, chain: Any) -> Iterator[Reference]:
    """The actors and sources named by a reporting chain (a source's or one evidence's)."""
    for index, step in enumerate(chain or []):
        yield from _one(f"{path}/reported_via/{index}/actor", step.get("actor"), ACTOR)
        yield from _one(f"{path}/reported_via/{index}/source", step.get("source"), SOURCE)
