"""Where, in each record type, the references, codes and dates are.

Field patterns are paths in which ``"*"`` stands for every item of a list.
These tables drive the rules; a test checks that they cover every reference
(``IdRef``) and every codelist property of the model.
"""

from typing import Any

from .paths import Path

FieldPattern = tuple[str, ...]

REFERENCES: dict[str, tuple[tuple[FieldPattern, tuple[str, ...]], ...]] = {
    "actor": (
        (("represents",), ("actor",)),
        (("part_of",), ("actor",)),
    ),
    "territory": (
        (("part_of",), ("territory",)),
        (("corresponds_to", "*"), ("territory",)),
    ),
    "source": (
        (("reported_via", "*", "actor"), ("actor",)),
        (("reported_via", "*", "source"), ("source",)),
    ),
    "proposal": (
        (("proposed_by", "*"), ("actor",)),
        (("signatories", "*", "actor"), ("actor",)),
        (("signatories", "*", "signed_by"), ("actor",)),
        (("witnesses", "*", "actor"), ("actor",)),
        (("witnesses", "*", "signed_by"), ("actor",)),
        (("relations", "*", "target"), ("proposal",)),
        (("sources", "*"), ("source",)),
    ),
    "position": (
        (("holders", "*"), ("actor",)),
        (("speaker",), ("actor",)),
        (("addressees", "*"), ("actor",)),
        (("territories", "*", "territory"), ("territory",)),
        (("links", "*", "target"), ("position", "proposal")),
        (("responds_to", "*", "target"), ("position", "proposal")),
        (("reaffirms", "*"), ("position",)),
        (("proposal_points", "*", "proposal"), ("proposal",)),
        (("evidence", "*", "source"), ("source",)),
        (("evidence", "*", "reported_via", "*", "actor"), ("actor",)),
        (("evidence", "*", "reported_via", "*", "source"), ("source",)),
        (("roles", "*", "actor"), ("actor",)),
        (("recognition", "as_part_of"), ("actor",)),
        (("recognition", "by", "*"), ("actor",)),
        (("territories", "*", "zone", "from"), ("territory",)),
        (("duration", "counted_from", "target"), ("position", "proposal")),
        (("deadlines", "*", "within", "counted_from", "target"), ("position", "proposal")),
    ),
    "dataset": (),
}
"""For each record type: the fields that hold ids, and the record types they may name."""

CODED_FIELDS: dict[str, tuple[str, FieldPattern]] = {
    "Position.move": ("position", ("move",)),
    "Position.topics": ("position", ("topics", "*")),
    "ProposalPoint.topics": ("proposal", ("points", "*", "topics", "*")),
    "Actor.kind": ("actor", ("kind",)),
    "Territory.kind": ("territory", ("kind",)),
    "TerritoryScope.extent": ("position", ("territories", "*", "extent")),
    "Source.kind": ("source", ("kind",)),
    "ReportingStep.kind": ("source", ("reported_via", "*", "kind")),
    "Proposal.kind": ("proposal", ("kind",)),
    "Position.modality": ("position", ("modality",)),
    "PositionLink.relation": ("position", ("links", "*", "relation")),
    "PositionLink.order": ("position", ("links", "*", "order")),
    "Response.response": ("position", ("responds_to", "*", "response")),
    "Evidence.quote_kind": ("position", ("evidence", "*", "quote_kind")),
    "Quantity.comparison": ("position", ("quantities", "*", "comparison")),
    "RelativeTime.unit": ("position", ("deadlines", "*", "within", "unit")),
    "Duration.unit": ("position", ("duration", "unit")),
    "ActorRole.role": ("position", ("roles", "*", "role")),
    "Recognition.status": ("position", ("recognition", "status")),
    "EventReference.milestone": ("position", ("duration", "counted_from", "milestone")),
    "Deadline.bounds": ("position", ("deadlines", "*", "bounds")),
    "Deadline.timing": ("position", ("deadlines", "*", "timing")),
    "Quantity.measure": ("position", ("quantities", "*", "measure")),
    "ProposalRelation.relation": ("proposal", ("relations", "*", "relation")),
}
"""Each codelist property (as the codelists' ``used_by`` name it): record type and field.
The date ``basis`` is left out: the schema's union already checks it. A codelist property
that occurs at several places (a quantity's ``measure`` also in ``applies_to``, an event's
``milestone`` also in a deadline) is listed at its main place: the closed lists are
enforced by the schema everywhere, and this table finds deprecated codes."""

EDTF_FIELDS: dict[str, tuple[FieldPattern, ...]] = {
    "position": (
        ("stated_on", "value"),
        ("deadlines", "*", "date", "value"),
        ("territories", "*", "as_of", "value"),
    ),
    "proposal": (
        ("presented_on", "value"),
        ("signed_on", "value"),
        ("entered_into_force_on", "value"),
    ),
    "source": (("published_on", "value"),),
}
"""The EDTF-subset dates of each record type."""

CALENDAR_FIELDS: dict[str, tuple[FieldPattern, ...]] = {
    "source": (("accessed_on",),),
    "dataset": (("created",), ("modified",)),
}
"""The calendar days (``YYYY-MM-DD``) of each record type."""


def values_at(value: Any, pattern: FieldPattern, prefix: Path = ()) -> list[tuple[Path, Any]]:
    """Every value a field pattern reaches in a record, with its path (malformed parts skipped)."""
    # A loop over the pattern rather than recursion: this runs several times per record.
    reached: list[tuple[Path, Any]] = [(prefix, value)]
    for head in pattern:
        following: list[tuple[Path, Any]] = []
        for path, item in reached:
            if head == "*":
                if isinstance(item, list):
                    following.extend(((*path, i), sub) for i, sub in enumerate(item))
            elif isinstance(item, dict) and head in item:
                following.append(((*path, head), item[head]))
        if not following:
            return following
        reached = following
    return reached
