"""Proposals: plans, lists of conditions and agreements with numbered points."""

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from ._base import DiposModel
from .dates import DateValue
from .types import Id, IdRef, Name, PositiveCount, Text, Topic
from .vocab import ProposalKind

PointNumber = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10})*$"),
    Field(
        description="The point's number or label as the document gives it: `7`, `3a`, `2.1`.",
        examples=["1", "3a", "2.1"],
    ),
]


class ProposalPoint(DiposModel):
    """One numbered point of a proposal."""

    number: PointNumber
    summary: Text | None = None
    """What the point says, in a sentence."""

    topics: list[Topic] | None = None
    """What the point is about (codelist `topic`)."""


class Proposal(DiposModel):
    """A document with points that positions refer to: a peace plan, a list of
    conditions, a framework, a draft or signed agreement.

    Positions can refer to a proposal as a whole or to some of its points
    (`proposal_points`, `responds_to`). The points themselves need only be
    listed when they are known; `point_count` records a "28-point plan" whose
    points have not been published.
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

    proposed_by: list[IdRef] | None = None
    """The actors who put the proposal forward."""

    signatories: list[IdRef] | None = None
    """For an agreement: the actors who signed it."""

    presented_on: DateValue | None = None
    """When the proposal was presented, published or signed."""

    point_count: PositiveCount | None = None
    """How many points the proposal has, as the sources state."""

    points: list[ProposalPoint] | None = None
    """The points that are known."""

    summary: Text | None = None
    """What the proposal sets out, in a sentence or two."""

    sources: list[IdRef] | None = None
    """Sources that describe the proposal."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""
