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
    Deadline,
    Evidence,
    Position,
    PositionLink,
    ProposalReference,
    Quantity,
    RelativeTime,
    Response,
    TerritoryScope,
)
from .proposal import Proposal, ProposalPoint
from .source import ReportingStep, Source
from .territory import Territory

__all__ = [
    "EXTENSIONS_PROPERTY",
    "RECORD_TYPES",
    "Actor",
    "Dataset",
    "DateValue",
    "Deadline",
    "DiposModel",
    "Evidence",
    "InferredDate",
    "Position",
    "PositionLink",
    "Proposal",
    "ProposalPoint",
    "ProposalReference",
    "Quantity",
    "Record",
    "RelativeTime",
    "ReportingStep",
    "Response",
    "Source",
    "StatedDate",
    "Territory",
    "TerritoryScope",
]
