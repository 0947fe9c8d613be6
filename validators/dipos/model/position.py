"""Positions: who takes what stance, about what, evidenced by which quote."""

from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from ._base import DiposModel
from .dates import DateValue
from .proposal import PointNumber
from .source import ReportingStep
from .types import Id, IdRef, Name, Number, Offset, PositiveCount, Text, Topic
from .vocab import (
    Comparison,
    LinkOrder,
    LinkRelation,
    Modality,
    Move,
    QuoteKind,
    ResponseKind,
    TerritorialExtent,
    TimeUnit,
)

Quote = Annotated[str, StringConstraints(min_length=1, max_length=2000)]


class Evidence(DiposModel):
    """Where a position is recorded: a source and a short verbatim quote from it.

    The quote is copied character for character from the source as read
    (its quotation marks, spellings such as "Kiev" and typos included), so that
    anyone can find it again. Keep it short: the sentence or clause that
    carries the position. The optional selectors follow the W3C Web Annotation
    TextQuoteSelector (`prefix`, `suffix`) and TextPositionSelector (`start`,
    `end`): they pin the quote down when it occurs more than once.
    """

    source: IdRef
    """The source record the quote comes from."""

    quote: Quote
    """The words of the source that carry the position, verbatim."""

    quote_kind: QuoteKind
    """`direct` when the quote is the holder's own words as reported (in quotation
    marks, or a transcript); `paraphrase` when it is the source's account of the
    position in its own words."""

    translated: bool | None = None
    """Whether the quoted words are a translation of what was said (an English
    report of a Russian statement). Leave out when unknown."""

    prefix: Annotated[str, StringConstraints(max_length=200)] | None = None
    """A few characters of the source immediately before the quote."""

    suffix: Annotated[str, StringConstraints(max_length=200)] | None = None
    """A few characters of the source immediately after the quote."""

    start: Offset | None = None
    """Where the quote starts in the source's text: the number of Unicode
    characters (code points) before it."""

    end: PositiveCount | None = None
    """Where the quote ends in the source's text: `start` plus the quote's length
    in Unicode characters (code points)."""

    reported_via: list[ReportingStep] | None = None
    """The chain through which this statement reached the source, first step first,
    when it differs from the source's own `reported_via` (an article that reports one
    statement from a documentary and another from a social-media account)."""

    note: Text | None = None
    """Anything a reader should know about this piece of evidence."""


class TerritoryScope(DiposModel):
    """A territory a position covers, and how much of it."""

    territory: IdRef
    """The territory record."""

    extent: TerritorialExtent
    """How much of the territory the position covers: all of it, a part, the part
    currently held by the holder, the part not held, or unspecified when the
    source does not say (codelist `territorial_extent`)."""

    note: Text | None = None
    """How the source describes the extent, when that helps ("the territories they occupy")."""


class Quantity(DiposModel):
    """A number stated in a position: a troop ceiling, a distance, a sum of money."""

    value: Number
    """The number, written out in full (600000, not "600k")."""

    unit: Name
    """The unit: a currency code (ISO 4217: `USD`, `EUR`), a unit of measure
    (`km`, `day`), or what is counted (`personnel`, `prisoner`)."""

    measures: Text | None = None
    """What the number measures ("size of Ukraine's armed forces")."""

    comparison: Comparison | None = None
    """Whether the number is exact, approximate, or a floor or ceiling (codelist `comparison`)."""


class RelativeTime(DiposModel):
    """A span of time counted from an event: "within 100 days of signing"."""

    amount: Annotated[Number, Field(gt=0)]
    """How many units."""

    unit: TimeUnit
    """The unit of time (codelist `time_unit`)."""

    after: Text
    """The event the span is counted from ("signing of the agreement")."""


class Deadline(DiposModel):
    """When something must be done: a date, a span after an event, or both."""

    date: DateValue | None = None
    """A calendar deadline."""

    within: RelativeTime | None = None
    """A deadline counted from an event."""

    description: Text | None = None
    """The deadline in the source's words, when that helps."""

    # "Not both absent" rather than `anyOf` of two `required`: ajv's strict mode rejects
    # a `required` whose names are declared only beside the `anyOf` (strictRequired),
    # and code generators turn such `anyOf` branches into open types (`[k: string]:
    # unknown`) that let typos through. A `false` property schema means "absent".
    json_schema_also: ClassVar[dict[str, Any]] = {
        "not": {"properties": {"date": False, "within": False}}
    }

    @model_validator(mode="after")
    def _date_or_relative(self) -> Self:
        if self.date is None and self.within is None:
            raise ValueError("a deadline needs `date`, `within` or both")
        return self


class PositionLink(DiposModel):
    """How this position depends on another position, or on a proposal."""

    relation: LinkRelation
    """How the two positions are tied (codelist `link_relation`): the other position
    is a `precondition` of this one, what this one is offered `in_exchange_for`,
    this one is the `consequence_if_refused` of the other, this one `elaborates`
    the other, or both record the `same_as` position from different sources."""

    target: IdRef
    """The other position, or a proposal (a plan whose implementation is the condition)."""

    order: LinkOrder | None = None
    """When the other position is to be fulfilled relative to this one: `before`
    (a withdrawal before a ceasefire), `simultaneous`, `after`, or `unspecified`."""

    note: Text | None = None
    """The tie in the source's words, when that helps."""


class Response(DiposModel):
    """This position answers another position or a proposal."""

    target: IdRef
    """The position or proposal answered."""

    points: list[PointNumber] | None = None
    """When the answer concerns only some points of a proposal: their numbers. Leave it
    out when the source does not say which (`accepts_in_part`, `rejects_in_part`)."""

    response: ResponseKind
    """How it is answered (codelist `response_kind`)."""


class ProposalReference(DiposModel):
    """A proposal this position belongs to, and which of its points it states."""

    proposal: IdRef
    """The proposal."""

    points: list[PointNumber] | None = None
    """The points this position states; leave out when it is the proposal as a whole."""


class Position(DiposModel):
    """A stance one or more actors take in a negotiation, with its evidence.

    Who holds it (`holders`), who voiced it (`speaker`), to whom (`addressees`);
    the kind of move (`move`: a demand, an offer, a refusal...); what it is
    about (`topics`, the "demand type"); over which territories; when it was
    stated; and, always, the evidence: a source and a verbatim quote.

    Record one position per stance. A list of conditions is several positions,
    one per condition, each pointing to the list (`proposal_points`). Link
    positions rather than repeat them: a reaffirmation points to the earlier
    position (`reaffirms`); a ceasefire offered only after a withdrawal points
    to the withdrawal demand (`links`).
    """

    type: Literal["position"]
    """Always `position`."""

    id: Id
    holders: Annotated[list[IdRef], Field(min_length=1)]
    """The actors on whose behalf the position is taken (Russia, not Putin)."""

    speaker: IdRef | None = None
    """The actor who voiced it (Putin, a ministry spokesperson), when known."""

    addressees: list[IdRef] | None = None
    """The actors the position is addressed to, or who are asked to act."""

    move: Move
    """The kind of move (closed codelist `move`)."""

    topics: Annotated[list[Topic], Field(min_length=1)]
    """What the position is about, the "demand type" (open codelist `topic`), the most
    important first."""

    summary: Text
    """The position in one plain sentence, in the coder's words: "Russia demands
    that Ukraine withdraw its forces from four regions before any ceasefire"."""

    territories: list[TerritoryScope] | None = None
    """The territories the position covers, and how much of each."""

    quantities: list[Quantity] | None = None
    """Numbers the position states."""

    deadlines: list[Deadline] | None = None
    """Deadlines the position sets."""

    modality: Modality | None = None
    """How committed the position is (codelist `modality`): `firm`, `conditional`
    (on something else happening; say what in `links`), or `hypothetical`."""

    links: list[PositionLink] | None = None
    """Other positions this one depends on: preconditions, exchanges, consequences."""

    responds_to: list[Response] | None = None
    """Positions or proposals this position answers."""

    reaffirms: list[IdRef] | None = None
    """Earlier positions this one restates."""

    proposal_points: list[ProposalReference] | None = None
    """Proposals this position is part of, and the points it states."""

    stated_on: DateValue | None = None
    """When the position was stated (not when it was reported). Leave it out when it
    cannot be known."""

    venue: Name | None = None
    """Where or at which event it was stated ("Istanbul talks", "St. Petersburg
    International Legal Forum")."""

    evidence: Annotated[list[Evidence], Field(min_length=1)]
    """At least one source and verbatim quote."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""
