"""The codes of the closed codelists, as types.

Each closed list's codes, titles and definitions are data, in
``dipos/codelists/<name>.csv``; the ``Literal`` types here repeat the codes so
that type checkers know them. A test fails when the two differ.

This module imports nothing but the standard library: the validator reads the
codes from here without loading the pydantic models (``dipos.model.vocab``
re-exports them for the models).
"""

from typing import Literal

Move = Literal[
    "demand",
    "appeal",
    "goal",
    "offer",
    "proposal",
    "acceptance",
    "agreement",
    "rejection",
    "refusal",
    "assurance",
    "threat",
]
ActorKind = Literal[
    "state",
    "international_organization",
    "government_body",
    "person",
    "de_facto_authority",
    "armed_group",
    "political_party",
    "other",
]
TerritoryKind = Literal[
    "country",
    "administrative_region",
    "claimed_entity",
    "city",
    "peninsula",
    "island",
    "facility",
    "line",
    "zone",
    "body_of_water",
    "other",
]
TerritorialExtent = Literal["whole", "part", "currently_held", "not_held", "unspecified"]
SourceKind = Literal[
    "news_report",
    "interview",
    "transcript",
    "official_statement",
    "press_conference",
    "social_media_post",
    "agreement_text",
    "official_document",
    "analysis",
    "other",
]
ReportingStepKind = Literal[
    "speaker",
    "official_channel",
    "social_media_account",
    "news_agency",
    "news_outlet",
    "broadcaster",
    "other",
]
ProposalKind = Literal[
    "peace_plan",
    "list_of_conditions",
    "framework",
    "draft_agreement",
    "signed_agreement",
    "position_paper",
    "draft_treaty",
    "communique",
    "memorandum",
    "protocol",
    "annex",
    "declaration",
    "other",
]
Modality = Literal["firm", "conditional", "hypothetical"]
LinkRelation = Literal[
    "precondition",
    "in_exchange_for",
    "consequence_if_refused",
    "elaborates",
    "same_as",
]
LinkOrder = Literal["before", "simultaneous", "after", "unspecified"]
ResponseKind = Literal[
    "accepts",
    "accepts_as_basis",
    "accepts_in_part",
    "rejects",
    "rejects_in_part",
    "counters",
    "acknowledges",
]
QuoteKind = Literal["direct", "paraphrase"]
DateBasis = Literal["stated", "inferred"]
Comparison = Literal["exactly", "about", "at_least", "at_most", "up_to"]
TimeUnit = Literal["hour", "day", "week", "month", "year"]
ActorRoleKind = Literal[
    "subject",
    "obligated_party",
    "beneficiary",
    "guarantor",
    "monitor",
    "mediator",
    "facilitator",
    "witness",
    "signatory",
]
RecognitionStatus = Literal["de_jure", "de_facto", "unspecified"]
Milestone = Literal[
    "signing",
    "entry_into_force",
    "start",
    "completion",
    "announcement",
    "other",
]
DeadlineTiming = Literal["on", "no_later_than", "not_before"]
QuantityMeasure = Literal[
    "personnel",
    "distance",
    "area",
    "money",
    "share",
    "prisoners",
    "people",
    "weapons",
    "vehicles",
    "aircraft",
    "vessels",
    "calibre",
    "range",
    "duration",
    "count",
    "other",
]
ProposalRelationKind = Literal[
    "part_of_package",
    "annex_of",
    "revises",
    "supersedes",
    "counter_proposal_to",
    "implements",
]
ZoneSides = Literal["both", "one"]
