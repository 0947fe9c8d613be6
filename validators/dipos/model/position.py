"""Positions: who takes what stance, about what, evidenced by which quote."""

from typing import Annotated, Any, ClassVar, Literal, Self

from pydantic import Field, StringConstraints, model_validator

from ..limits import QUOTE_MAX_LENGTH
from ._base import DiposModel
from .dates import DateValue, RecordDate
from .proposal import PointNumber
from .source import ReportingStep
from .types import (
    ActorRef,
    Extensions,
    Id,
    Name,
    Number,
    Offset,
    PositionOrProposalRef,
    PositionRef,
    PositiveCount,
    ProposalRef,
    SourceRef,
    TerritoryRef,
    Text,
    Topic,
)
from .vocab import (
    ActorRoleKind,
    Comparison,
    DeadlineTiming,
    LinkOrder,
    LinkRelation,
    Milestone,
    Modality,
    Move,
    QuantityMeasure,
    QuoteKind,
    RecognitionStatus,
    ResponseKind,
    TerritorialExtent,
    TimeUnit,
    ZoneSides,
)

Quote = Annotated[str, StringConstraints(min_length=1, max_length=QUOTE_MAX_LENGTH)]
"""An evidence quote: at most ``dipos.limits.QUOTE_MAX_LENGTH`` characters."""


class Evidence(DiposModel):
    """Where a position is recorded: a source and a short verbatim quote from it.

    The quote is copied character for character from the source as read
    (its quotation marks, spellings such as "Kiev" and typos included), so that
    anyone can find it again. Keep it short: the sentence or clause that
    carries the position. The optional selectors follow the W3C Web Annotation
    TextQuoteSelector (`prefix`, `suffix`) and TextPositionSelector (`start`,
    `end`): they pin the quote down when it occurs more than once.
    """

    source: SourceRef
    """The source record the quote comes from."""

    quote: Quote = Field(
        description=(
            "The words of the source that carry the position, verbatim: the clause, not "
            f"the paragraph (at most {QUOTE_MAX_LENGTH:,} characters)."
        )
    )

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


class ZoneRule(DiposModel):
    """An area defined by a rule rather than by a name: "15 km either side of the line of
    contact", "30 km from the border"."""

    distance: "Quantity"
    """How far the zone reaches from the line (`value` 15, `unit` `km`, `measure`
    `distance`)."""

    from_: TerritoryRef = Field(
        alias="from",
        description=(
            "The line or border the distance is measured from (a territory record of kind "
            "`line`, or a country whose border is meant)."
        ),
    )

    sides: ZoneSides | None = None
    """`both` when the zone extends on both sides of the line ("either side"), `one` when
    on one side only (say which in `note`)."""

    note: Text | None = None
    """The rule in the source's words, when that helps."""


class TerritoryScope(DiposModel):
    """A territory a position covers, and how much of it; or one it explicitly does not
    cover (`excluded`)."""

    territory: TerritoryRef
    """The territory record. For a zone defined by a rule (`zone`), a territory record for
    the zone itself (kind `zone`)."""

    extent: TerritorialExtent
    """How much of the territory the position covers: all of it, a part, the part
    currently held by the holder, the part not held, or unspecified when the
    source does not say (codelist `territorial_extent`)."""

    excluded: bool | None = None
    """`true` when the position explicitly does *not* apply to this territory: guarantees
    that "do not extend to" named regions, a ceasefire that excludes an area. Leave out
    otherwise."""

    as_of: DateValue | None = None
    """The date the scope refers to, when the position names one: borders "as of 1991",
    the line of contact "as at" a date, the forces' positions on the day of signing."""

    zone: ZoneRule | None = None
    """For an area defined by a rule ("15 km either side of the line of contact"): the
    distance and the line it is measured from."""

    note: Text | None = None
    """How the source describes the extent, when that helps ("the territories they occupy")."""


class Quantity(DiposModel):
    """A number stated in a position: a troop ceiling, a distance, a sum of money, a
    number of prisoners; with what it measures (`measure`, `item`) and, when it holds
    only for some things, the quantities that qualify it (`applies_to`)."""

    value: Number
    """The number, written out in full (600000, not "600k")."""

    unit: Name
    """The unit: a currency code (ISO 4217: `USD`, `EUR`), a unit of measure
    (`km`, `day`), or what is counted (`personnel`, `prisoner`)."""

    measure: QuantityMeasure | None = None
    """What kind of quantity this is (closed codelist `quantity_measure`): `personnel`,
    `distance`, `money`, `share`, `prisoners`, `calibre`..."""

    item: Name | None = None
    """What is counted or measured, in a few words ("artillery", "tanks", "Ukrainian armed
    forces", "prisoners of war")."""

    measures: Text | None = None
    """What the number measures, in words ("size of Ukraine's armed forces")."""

    comparison: Comparison | None = None
    """Whether the number is exact, approximate, or a floor or ceiling (codelist `comparison`)."""

    applies_to: "list[Quantity] | None" = None
    """Quantities that say what this one applies to: a withdrawal distance of 15 km that
    applies to artillery of 100 mm calibre and above is a `distance` quantity whose
    `applies_to` holds `{measure: calibre, value: 100, unit: mm, comparison: at_least,
    item: artillery}`."""


class EventReference(DiposModel):
    """An event recorded in the dataset that a span of time is counted from: a position or
    a proposal (and some of its points), and which of its milestones is meant ("10 years
    after the agreement enters into force")."""

    target: PositionOrProposalRef
    """The position or proposal whose event is meant."""

    points: list[PointNumber] | None = None
    """For a proposal: the points whose event is meant (the completion of the withdrawal
    in point 3)."""

    milestone: Milestone | None = None
    """Which event of the target (closed codelist `milestone`): its `signing`, its
    `entry_into_force`, the `start` or `completion` of what it sets out, its
    `announcement`."""


class RelativeTime(DiposModel):
    """A span of time counted from an event: "within 100 days of signing". Say what the
    span is counted from in words (`after`), by reference to a record (`counted_from`),
    or both."""

    amount: Annotated[Number, Field(gt=0)]
    """How many units."""

    unit: TimeUnit
    """The unit of time (codelist `time_unit`)."""

    after: Text | None = None
    """The event the span is counted from, in words ("signing of the agreement")."""

    counted_from: EventReference | None = None
    """The event the span is counted from, as a position or proposal of the dataset and
    its milestone."""

    # "Not both absent", for ajv's strict mode and code generators: see `Deadline`.
    json_schema_also: ClassVar[dict[str, Any]] = {
        "not": {"properties": {"after": False, "counted_from": False}}
    }

    @model_validator(mode="after")
    def _after_or_counted_from(self) -> Self:
        if self.after is None and self.counted_from is None:
            raise ValueError("a relative time needs `after`, `counted_from` or both")
        return self


class Duration(DiposModel):
    """How long something is to last: "a 30-day truce", "for 15 years", "for 10 years
    after signing"."""

    amount: Annotated[Number, Field(gt=0)]
    """How many units."""

    unit: TimeUnit
    """The unit of time (codelist `time_unit`)."""

    counted_from: EventReference | None = None
    """When the period starts, as a position or proposal of the dataset and its milestone
    ("10 years after the agreement is signed")."""

    after: Text | None = None
    """When the period starts, in words, when no record says it."""


class Deadline(DiposModel):
    """When something must be done: a date, a span after an event, or both."""

    date: DateValue | None = None
    """A calendar deadline."""

    within: RelativeTime | None = None
    """A deadline counted from an event."""

    timing: DeadlineTiming | None = None
    """How the date is meant (closed codelist `deadline_timing`): `on` that day or time,
    `no_later_than` (by then; with a month or a year, by the end of it: "by the end of
    2025" is `date` `2025` with `no_later_than`), or `not_before`."""

    bounds: Milestone | None = None
    """Which milestone of what the position sets out the deadline is for (closed codelist
    `milestone`): its `start`, its `completion`, its `entry_into_force`..."""

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

    target: PositionOrProposalRef
    """The other position, or a proposal (a plan whose implementation is the condition)."""

    order: LinkOrder | None = None
    """When the other position is to be fulfilled relative to this one: `before`
    (a withdrawal before a ceasefire), `simultaneous`, `after`, or `unspecified`."""

    note: Text | None = None
    """The tie in the source's words, when that helps."""


class Response(DiposModel):
    """This position answers another position or a proposal."""

    target: PositionOrProposalRef
    """The position or proposal answered."""

    points: list[PointNumber] | None = None
    """When the answer concerns only some points of a proposal: their numbers. Leave it
    out when the source does not say which (`accepts_in_part`, `rejects_in_part`)."""

    response: ResponseKind
    """How it is answered (codelist `response_kind`)."""


class ProposalReference(DiposModel):
    """A proposal this position belongs to, and which of its points it states."""

    proposal: ProposalRef
    """The proposal."""

    points: list[PointNumber] | None = None
    """The points this position states; leave out when it is the proposal as a whole."""


class ActorRole(DiposModel):
    """An actor's part in a position other than holding, voicing or receiving it: the actor
    the position is about, the party that must act, a guarantor, a mediator, a signatory."""

    actor: ActorRef
    """The actor."""

    role: ActorRoleKind
    """Its part (closed codelist `actor_role`): `subject` (whose army is capped, whose
    membership is barred, who is to be released), `obligated_party` (must act, where it
    differs from the holders), `beneficiary`, `guarantor`, `monitor`, `mediator`,
    `facilitator`, `witness`, `signatory`."""

    capacity: Name | None = None
    """The capacity in which the actor takes this part, as the source puts it ("as
    guarantor", "on behalf of the Contact Group")."""

    note: Text | None = None
    """Anything a reader should know about this role."""


class Recognition(DiposModel):
    """What a position about recognition asks or grants: how the territories (the
    position's `territories`) are to be recognised, as part of which actor or as
    independent, and by whom."""

    status: RecognitionStatus
    """De jure or de facto (closed codelist `recognition_status`); `unspecified` when the
    source does not say."""

    as_part_of: ActorRef | None = None
    """The state the territories are to be recognised as part of (Russia, for a demand
    that Crimea be recognised as Russian). Not together with `independent: true`."""

    independent: bool | None = None
    """`true` when the territories are to be recognised as independent states."""

    by: list[ActorRef] | None = None
    """The actors that are to recognise (or do recognise); leave out when the source does
    not say who."""

    note: Text | None = None
    """The recognition in the source's words, when that helps."""

    json_schema_also: ClassVar[dict[str, Any]] = {
        "not": {
            "required": ["as_part_of", "independent"],
            # `as_part_of: true` constrains nothing; it declares the name beside the
            # `required` that uses it, as ajv's strict mode asks (strictRequired).
            "properties": {"as_part_of": True, "independent": {"const": True}},
        }
    }

    @model_validator(mode="after")
    def _part_of_or_independent(self) -> Self:
        if self.as_part_of is not None and self.independent is True:
            raise ValueError(
                "a recognition is either `as_part_of` a state or `independent: true`, not both"
            )
        return self


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
    holders: Annotated[list[ActorRef], Field(min_length=1)]
    """The actors on whose behalf the position is taken (Russia, not Putin)."""

    speaker: ActorRef | None = None
    """The actor who voiced it (Putin, a ministry spokesperson), when known."""

    addressees: list[ActorRef] | None = None
    """The actors the position is addressed to, or who are asked to act."""

    roles: list[ActorRole] | None = None
    """Other actors' parts in the position: whom it is about (`subject`), who must act
    where that is not the holders (`obligated_party`), guarantors, monitors, mediators,
    facilitators, witnesses, signatories."""

    reciprocal: bool | None = None
    """`true` when the position binds the parties mutually ("both sides withdraw",
    "neither side will use force"): the holders and the other parties owe each other the
    same thing. Not the same as a link `in_exchange_for`, which ties two different
    positions."""

    move: Move
    """The kind of move (closed codelist `move`)."""

    topics: Annotated[list[Topic], Field(min_length=1)]
    """What the position is about, the "demand type" (open codelist `topic`), the most
    important first."""

    summary: Text
    """The position in one plain sentence, in the coder's words: "Russia demands
    that Ukraine withdraw its forces from four regions before any ceasefire"."""

    territories: list[TerritoryScope] | None = None
    """The territories the position covers, and how much of each; and those it explicitly
    does not cover (`excluded`)."""

    recognition: Recognition | None = None
    """For a position about recognising territories (its `territories`): de jure or de
    facto, as part of which state or as independent, and by whom."""

    quantities: list[Quantity] | None = None
    """Numbers the position states."""

    deadlines: list[Deadline] | None = None
    """Deadlines the position sets."""

    duration: Duration | None = None
    """How long what the position sets out is to last ("a 30-day truce", "for 15
    years")."""

    modality: Modality | None = None
    """How committed the position is (codelist `modality`): `firm`, `conditional`
    (on something else happening; say what in `links`), or `hypothetical`."""

    links: list[PositionLink] | None = None
    """Other positions this one depends on: preconditions, exchanges, consequences."""

    responds_to: list[Response] | None = None
    """Positions or proposals this position answers."""

    reaffirms: list[PositionRef] | None = None
    """Earlier positions this one restates."""

    proposal_points: list[ProposalReference] | None = None
    """Proposals this position is part of, and the points it states."""

    stated_on: RecordDate | None = None
    """When the position was stated (not when it was reported). Leave it out when it
    cannot be known."""

    venue: Name | None = None
    """Where or at which event it was stated ("Istanbul talks", "St. Petersburg
    International Legal Forum")."""

    evidence: Annotated[list[Evidence], Field(min_length=1)]
    """At least one source and verbatim quote."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""

    extensions: Extensions | None = None
    """A project's own additions to this record (keys of your choice, best with a
    namespace: `acme:reviewed`). Not for facts the format has a property for."""


ZoneRule.model_rebuild()
TerritoryScope.model_rebuild()
Quantity.model_rebuild()
