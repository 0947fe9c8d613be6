"""Proposals: plans, lists of conditions, drafts and agreements with numbered points."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ._base import DiposModel
from .dates import DateValue, RecordDate
from .types import (
    PATTERN_NOTE,
    ActorRef,
    Extensions,
    Id,
    Name,
    PositiveCount,
    ProposalRef,
    SourceRef,
    Text,
    Topic,
)
from .vocab import ProposalKind, ProposalRelationKind

PointNumber = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10})*$"),
    Field(
        description="The point's number or label as the document gives it: `7`, `3a`, `2.1`.",
        examples=["1", "3a", "2.1"],
        json_schema_extra=PATTERN_NOTE,
    ),
]


class ProposalPoint(DiposModel):
    """One numbered point of a proposal."""

    number: PointNumber
    summary: Text | None = None
    """What the point says, in a sentence."""

    topics: list[Topic] | None = None
    """What the point is about (codelist `topic`)."""


class ProposalRelation(DiposModel):
    """How this proposal is tied to another document: "the annex of the agreement",
    "the second draft, revising the first", "the counter-proposal to the plan"."""

    relation: ProposalRelationKind
    """How the two documents are tied (codelist `proposal_relation`), read as "this
    proposal is `annex_of` / `revises` / `supersedes` / `counter_proposal_to` /
    `implements` the target", or is `part_of_package` with it."""

    target: ProposalRef
    """The other proposal."""

    note: Text | None = None
    """The tie in the source's words, when that helps."""


class SigningParty(DiposModel):
    """An actor that signs (or witnesses) a document, the capacity in which it does so,
    and the person who signs for it."""

    actor: ActorRef
    """The actor that signs: a state, an organisation, an armed group."""

    capacity: Name | None = None
    """The capacity in which it signs, as the document puts it ("as guarantor", "for the
    OSCE Chairmanship", "as mediator"). Leave out when the document does not say."""

    signed_by: ActorRef | None = None
    """The person who signs on the actor's behalf (an actor record of kind `person`)."""


class Proposal(DiposModel):
    """A document with points that positions refer to: a peace plan, a list of
    conditions, a position paper, a draft treaty, a communiqué, a memorandum, a
    protocol, an annex, a signed agreement.

    Positions can refer to a proposal as a whole or to some of its points
    (`proposal_points`, `responds_to`). The points themselves need only be
    listed when they are known; `point_count` records a "28-point plan" whose
    points have not been published. A signed agreement records who signed it
    (`signatories`, `witnesses`), when and where (`signed_on`, `signed_at`) and when
    it entered into force; its provisions are positions of their own, each with its
    holders, move and roles.
    """

    type: Literal["proposal"]
    """Always `proposal`."""

    id: Id
    title: Text
    """The name the proposal goes by ("28-point peace plan", "Istanbul conditions")."""

    alternative_names: list[Name] | None = None
    """Other names met in sources."""

    kind: ProposalKind
    """What sort of document this is (codelist `proposal_kind`)."""

    proposed_by: list[ActorRef] | None = None
    """The actors who put the proposal forward."""

    signatories: list[SigningParty] | None = None
    """For a signed document: the actors who signed it, each with the capacity in which it
    signed and the person who signed for it when known."""

    witnesses: list[SigningParty] | None = None
    """For a signed document: the actors who signed it as witnesses, not as parties."""

    presented_on: RecordDate | None = None
    """When the proposal was presented or published. For a signed document use
    `signed_on` for the signing."""

    signed_on: DateValue | None = None
    """When the document was signed."""

    signed_at: Name | None = None
    """Where the document was signed ("Minsk", "Istanbul, Dolmabahçe Palace")."""

    entered_into_force_on: DateValue | None = None
    """When the document entered into force, as the sources state."""

    relations: list[ProposalRelation] | None = None
    """Other documents this one is tied to: the agreement it is an annex of, the draft
    it revises, the plan it counters."""

    point_count: PositiveCount | None = None
    """How many points the proposal has, as the sources state."""

    points: list[ProposalPoint] | None = None
    """The points that are known."""

    summary: Text | None = None
    """What the proposal sets out, in a sentence or two."""

    sources: list[SourceRef] | None = None
    """Sources that describe the proposal."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""

    extensions: Extensions | None = None
    """A project's own additions to this record (keys of your choice, best with a
    namespace: `acme:reviewed`). Not for facts the format has a property for."""
