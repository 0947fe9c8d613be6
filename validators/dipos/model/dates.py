"""Dates with their precision and their basis: stated by the source, or inferred."""

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from ._base import DiposModel
from .types import EdtfDate, Text


class StatedDate(DiposModel):
    """A date that the source gives explicitly ("On June 14, 2024, ...").

    Record it at the precision the source gives: a year, a month or a day.
    """

    value: EdtfDate
    """The date, in the EDTF subset: `2024-06-14`, `2024-06`, `2024`, `2025-05~`."""

    basis: Literal["stated"]
    """`stated`: the source itself gives this date."""

    note: Text | None = None
    """Anything a reader should know about the date, e.g. which time zone was meant."""


class InferredDate(DiposModel):
    """A date worked out by the coder rather than read in the source.

    For example "on Thursday" in an article published on a known day, or a
    summit whose date is known from the event's name. Say what the date was
    worked out from in `inferred_from`, so that a reader can check it.
    """

    value: EdtfDate
    """The date, in the EDTF subset. Mark it `?` (uncertain) or `~` (approximate) when in doubt."""

    basis: Literal["inferred"]
    """`inferred`: the coder worked the date out; `inferred_from` says how."""

    inferred_from: Text
    """What the date was worked out from, in words a reader can check: "'on Thursday'
    in the article, and the CSTO summit in Bishkek it names, held on 2025-11-27"."""

    note: Text | None = None
    """Anything else a reader should know about the date."""


DateValue = Annotated[StatedDate | InferredDate, Field(discriminator="basis")]
"""A date with its basis. When a date cannot be known, leave the property out."""


@dataclass(frozen=True, slots=True)
class PlacesInTime:
    """Marks the one date that places a record in time: the date the rules across
    records compare (a position stated after the source that reports it, a reaffirmation
    of a later position).

    Like :class:`~dipos.model.types.RefersTo`, it is never written into the JSON Schema;
    the record layout (``dipos.schema.layout``) reads it from the models.
    """


RecordDate = Annotated[DateValue, PlacesInTime()]
"""The date that places a record in time (see :class:`PlacesInTime`)."""
