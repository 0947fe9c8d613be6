"""The dipos codelists: the allowed codes of coded properties, as data.

Each list is a CSV file in this folder with at least the columns ``code``,
``title``, ``definition`` and ``deprecated``; ``move`` and ``topic`` add their
nearest CAMEO and PLOVER equivalents, and ``topic`` its nearest PA-X category
(``pax``). ``dipos schema --write`` copies the files
to ``schema/codelists/`` for readers who do not use Python.

A *closed* list is enforced by the JSON Schema (``enum``): any other code is an
error. An *open* list (``topic``) is not: an unknown code is a warning, and a
project's own codes take a ``namespace:`` prefix.
"""

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import get_args

from .. import vocab


@dataclass(frozen=True, slots=True)
class Code:
    """One code of a codelist, with its row of the CSV file."""

    code: str
    title: str
    definition: str
    deprecated: str
    extra: tuple[tuple[str, str], ...]

    def get(self, column: str) -> str:
        """The value of another column of the CSV (``cameo``, ``plover_event``...)."""
        return dict(self.extra).get(column, "")


@dataclass(frozen=True, slots=True)
class CodelistSpec:
    """What a codelist is for, and where it is used."""

    name: str
    closed: bool
    title: str
    used_by: tuple[str, ...]
    codes_type: object = None


@dataclass(frozen=True, slots=True)
class Codelist:
    """A codelist loaded from its CSV file."""

    spec: CodelistSpec
    columns: tuple[str, ...]
    codes: tuple[Code, ...]
    csv_text: str

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def closed(self) -> bool:
        return self.spec.closed

    def code_values(self) -> frozenset[str]:
        """The codes, deprecated ones included."""
        return frozenset(code.code for code in self.codes)

    def __contains__(self, value: object) -> bool:
        return value in self.code_values()


SPECS: tuple[CodelistSpec, ...] = (
    CodelistSpec("move", True, "Kind of move", ("Position.move",), vocab.Move),
    CodelistSpec(
        "topic", False, "Topic (demand type)", ("Position.topics", "ProposalPoint.topics")
    ),
    CodelistSpec("actor_kind", True, "Kind of actor", ("Actor.kind",), vocab.ActorKind),
    CodelistSpec(
        "territory_kind", True, "Kind of territory", ("Territory.kind",), vocab.TerritoryKind
    ),
    CodelistSpec(
        "territorial_extent",
        True,
        "Territorial extent",
        ("TerritoryScope.extent",),
        vocab.TerritorialExtent,
    ),
    CodelistSpec("source_kind", True, "Kind of source", ("Source.kind",), vocab.SourceKind),
    CodelistSpec(
        "reporting_step_kind",
        True,
        "Kind of reporting step",
        ("ReportingStep.kind",),
        vocab.ReportingStepKind,
    ),
    CodelistSpec("proposal_kind", True, "Kind of proposal", ("Proposal.kind",), vocab.ProposalKind),
    CodelistSpec("modality", True, "Modality", ("Position.modality",), vocab.Modality),
    CodelistSpec(
        "link_relation", True, "Link relation", ("PositionLink.relation",), vocab.LinkRelation
    ),
    CodelistSpec("link_order", True, "Link order", ("PositionLink.order",), vocab.LinkOrder),
    CodelistSpec(
        "response_kind", True, "Kind of response", ("Response.response",), vocab.ResponseKind
    ),
    CodelistSpec("quote_kind", True, "Kind of quote", ("Evidence.quote_kind",), vocab.QuoteKind),
    CodelistSpec(
        "date_basis",
        True,
        "Basis of a date",
        ("StatedDate.basis", "InferredDate.basis"),
        vocab.DateBasis,
    ),
    CodelistSpec("comparison", True, "Comparison", ("Quantity.comparison",), vocab.Comparison),
    CodelistSpec(
        "time_unit", True, "Unit of time", ("RelativeTime.unit", "Duration.unit"), vocab.TimeUnit
    ),
    CodelistSpec("actor_role", True, "Actor role", ("ActorRole.role",), vocab.ActorRoleKind),
    CodelistSpec(
        "recognition_status",
        True,
        "Recognition status",
        ("Recognition.status",),
        vocab.RecognitionStatus,
    ),
    CodelistSpec(
        "milestone",
        True,
        "Milestone",
        ("EventReference.milestone", "Deadline.bounds"),
        vocab.Milestone,
    ),
    CodelistSpec(
        "deadline_timing", True, "Deadline timing", ("Deadline.timing",), vocab.DeadlineTiming
    ),
    CodelistSpec(
        "quantity_measure",
        True,
        "Quantity measure",
        ("Quantity.measure",),
        vocab.QuantityMeasure,
    ),
    CodelistSpec(
        "proposal_relation",
        True,
        "Proposal relation",
        ("ProposalRelation.relation",),
        vocab.ProposalRelationKind,
    ),
)

_BASE_COLUMNS = ("code", "title", "definition", "deprecated")


def literal_codes(codes_type: object) -> tuple[str, ...]:
    """The strings of a ``Literal[...]`` type."""
    return tuple(str(arg) for arg in get_args(codes_type))


@cache
def load(name: str) -> Codelist:
    """Load one codelist by name (``move``, ``topic``...)."""
    spec = next((s for s in SPECS if s.name == name), None)
    if spec is None:
        raise KeyError(f"no codelist named {name!r}")
    text = resources.files(__package__).joinpath(f"{name}.csv").read_text(encoding="utf-8")
    reader = csv.DictReader(io.StringIO(text))
    columns = tuple(reader.fieldnames or ())
    codes = tuple(
        Code(
            code=row["code"],
            title=row["title"],
            definition=row["definition"],
            deprecated=row.get("deprecated") or "",
            extra=tuple((k, v) for k, v in row.items() if k not in _BASE_COLUMNS),
        )
        for row in reader
    )
    return Codelist(spec=spec, columns=columns, codes=codes, csv_text=text)


def all_codelists() -> tuple[Codelist, ...]:
    """Every codelist, in a stable order."""
    return tuple(load(spec.name) for spec in SPECS)
