"""The dipos data model: pydantic models that are the single source of the JSON Schema.

Import the record types from here::

    from dipos.model import Dataset, Position

    dataset = Dataset.model_validate_json(path.read_bytes())
"""

from ._base import EXTENSIONS_PROPERTY, DiposModel
from .actor import Actor
from .dataset import RECORD_TYPES, Dataset, Record
from .dates import DateValue, InferredDate, StatedDate
from .position import (
    ActorRole,
    Deadline,
    Duration,
    EventReference,
    Evidence,
    Position,
    PositionLink,
    ProposalReference,
    Quantity,
    Recognition,
    RelativeTime,
    Response,
    TerritoryScope,
    ZoneRule,
)
from .proposal import Proposal, ProposalPoint, ProposalRelation, SigningParty
from .source import ReportingStep, Source
from .territory import Territory

__all__ = [
    "EXTENSIONS_PROPERTY",
    "RECORD_TYPES",
    "Actor",
    "ActorRole",
    "Dataset",
    "DateValue",
    "Deadline",
    "DiposModel",
    "Duration",
    "EventReference",
    "Evidence",
    "InferredDate",
    "Position",
    "PositionLink",
    "Proposal",
    "ProposalPoint",
    "ProposalReference",
    "ProposalRelation",
    "Quantity",
    "Recognition",
    "Record",
    "RelativeTime",
    "ReportingStep",
    "Response",
    "SigningParty",
    "Source",
    "StatedDate",
    "Territory",
    "TerritoryScope",
    "ZoneRule",
]
