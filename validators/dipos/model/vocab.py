"""The codes of the closed codelists, as types (defined in ``dipos.vocab``).

They live outside ``dipos.model`` so that the validator can use them without
loading pydantic; the models import them from here.
"""

from ..vocab import (
    ActorKind,
    ActorRoleKind,
    Comparison,
    DateBasis,
    DeadlineTiming,
    LinkOrder,
    LinkRelation,
    Milestone,
    Modality,
    Move,
    ProposalKind,
    ProposalRelationKind,
    QuantityMeasure,
    QuoteKind,
    RecognitionStatus,
    ReportingStepKind,
    ResponseKind,
    SourceKind,
    TerritorialExtent,
    TerritoryKind,
    TimeUnit,
    ZoneSides,
)

__all__ = [
    "ActorKind",
    "ActorRoleKind",
    "Comparison",
    "DateBasis",
    "DeadlineTiming",
    "LinkOrder",
    "LinkRelation",
    "Milestone",
    "Modality",
    "Move",
    "ProposalKind",
    "ProposalRelationKind",
    "QuantityMeasure",
    "QuoteKind",
    "RecognitionStatus",
    "ReportingStepKind",
    "ResponseKind",
    "SourceKind",
    "TerritorialExtent",
    "TerritoryKind",
    "TimeUnit",
    "ZoneSides",
]
