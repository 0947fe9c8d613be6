"""The dataset: the container a contributor submits, and the records it holds."""

from typing import Annotated, Literal

from pydantic import Field

from ._base import DiposModel
from .actor import Actor
from .position import Position
from .proposal import Proposal
from .source import Source
from .territory import Territory
from .types import CalendarDate, Extensions, Id, Name, Text, Url


class Dataset(DiposModel):
    """A set of dipos records, as a contributor submits it.

    A dataset may be one JSON or YAML file holding everything, or be split over
    several files (JSON, JSON Lines, YAML): a file may hold a dataset, a
    single record, or (JSON Lines) one record per line. Records refer to each
    other by `id` across all the files, so ids must be unique in the whole
    dataset. In a JSON Lines file, a line of type `dataset` (usually the first)
    declares the schema version and describes the dataset.
    """

    type: Literal["dataset"]
    """Always `dataset`."""

    dipos_version: Literal["0.2"]
    """The version of the dipos schema the dataset follows, `major.minor`: `0.2` for this
    version. A dataset written for `0.1` is converted with `dipos migrate`."""

    id: Id | None = None
    title: Text | None = None
    """A title for the dataset."""

    description: Text | None = None
    """What the dataset covers and how it was made."""

    publisher: Name | None = None
    """Who publishes the dataset."""

    license: Name | None = None
    """The licence of the dataset, preferably as an SPDX identifier (`CC-BY-4.0`)."""

    homepage: Url | None = None
    """Where the dataset is published."""

    created: CalendarDate | None = None
    """When the dataset was first made."""

    modified: CalendarDate | None = None
    """When the dataset last changed."""

    actors: list[Actor] | None = None
    """Actor records."""

    territories: list[Territory] | None = None
    """Territory records."""

    sources: list[Source] | None = None
    """Source records."""

    proposals: list[Proposal] | None = None
    """Proposal records."""

    positions: list[Position] | None = None
    """Position records."""

    extensions: Extensions | None = None
    """A project's own additions about the dataset as a whole (keys of your choice, best
    with a namespace: `acme:release`)."""


Record = Annotated[
    Actor | Territory | Source | Proposal | Position | Dataset,
    Field(discriminator="type"),
]
"""Any one dipos record; its `type` says which. A line of a JSON Lines file is a Record."""

RECORD_TYPES: dict[str, type[DiposModel]] = {
    "actor": Actor,
    "territory": Territory,
    "source": Source,
    "proposal": Proposal,
    "position": Position,
    "dataset": Dataset,
}
"""The model class of each record type, by the value of `type`."""
