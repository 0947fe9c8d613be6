"""The codes of the closed codelists, as types (defined in ``dipos.vocab``).

They live outside ``dipos.model`` so that the validator can use them without
loading pydantic; the models import them from here.
"""

from ..vocab import (
    ActorKind,
    Comparison,
    DateBasis,
    LinkOrder,
    LinkRelation,
    Modality,
    Move,
    ProposalKind,
    QuoteKind,
    ReportingStepKind,
    ResponseKind,
    SourceKind,
    TerritorialExtent,
    TerritoryKind,
    TimeUnit,
)

__all__ = [
    "ActorKind",
    "Comparison",
    "DateBasis",
    "LinkOrder",
    "LinkRelation",
    "Modality",
    "Move",
    "ProposalKind",
    "QuoteKind",
    "ReportingStepKind",
    "ResponseKind",
    "SourceKind",
    "TerritorialExtent",
    "TerritoryKind",
    "TimeUnit",
]
