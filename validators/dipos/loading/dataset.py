"""The loaded dataset: every record, by type and by id, with its references resolved."""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from ..model import Actor, Dataset, Evidence, Position, Proposal, Source, Territory
from ..model._base import DiposModel
from ..model.position import (
    ActorRole,
    PositionLink,
    ProposalReference,
    Response,
    TerritoryScope,
)
from ..model.proposal import SigningParty
from ..validator.index.fields import REFERENCES, values_at
from ..validator.paths import to_json_path
from .table import RecordTable, _Files

Record = Actor | Territory | Source | Proposal | Position
"""A record that references can name."""

T = TypeVar("T", bound=DiposModel)


class UnresolvedReferenceError(KeyError):
    """An id names no record of the type wanted (in valid data this cannot happen)."""


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference of a record: where it is, the id, and the record it names."""

    path: str
    """The JSON path of the reference in the record, e.g. ``$.holders[0]``."""
    id: str
    target: Record


class LoadedDataset:
    """A valid dipos dataset, as typed models, with every reference resolvable.

    The records are in `actors`, `territories`, `sources`, `proposals` and `positions`
    (each a `RecordTable`: a sequence in file order, with ``get(id)``); `headers` are
    the ``dataset`` records of the files. `resolve` turns any id into its record; the
    typed accessors (`holders_of`, `territories_of`, `evidence_of`...) give the records
    a position names; `references` lists every reference of any record.

    Records from ``context`` files (see `dipos.load`) are resolved but not listed.
    """

    def __init__(self, context: "LoadedDataset | None" = None) -> None:
        files = _Files()  # one open handle per JSON Lines file, whichever table reads it
        self.actors: RecordTable[Actor] = RecordTable(Actor, cache=True, files=files)
        self.territories: RecordTable[Territory] = RecordTable(Territory, cache=True, files=files)
        self.sources: RecordTable[Source] = RecordTable(Source, cache=True, files=files)
        self.proposals: RecordTable[Proposal] = RecordTable(Proposal, cache=True, files=files)
        self.positions: RecordTable[Position] = RecordTable(Position, files=files)
        self._files = files
        self.headers: list[Dataset] = []
        self.context = context
        self.files: list[str] = []
        """The files the records were read from, as given."""

    def close(self) -> None:
        """Close the JSON Lines files records are read back from (reading a record
        afterwards opens its file again)."""
        self._files.close()
        if self.context is not None:
            self.context.close()

    def tables(self) -> dict[str, RecordTable[Any]]:
        """The tables by record type."""
        return {
            "actor": self.actors,
            "territory": self.territories,
            "source": self.sources,
            "proposal": self.proposals,
            "position": self.positions,
        }

    def __len__(self) -> int:
        """The number of records (headers not counted)."""
        return sum(len(table) for table in self.tables().values())

    def __iter__(self) -> Iterator[Record]:
        """Every record: actors, territories, sources, proposals, then positions."""
        for table in self.tables().values():
            yield from table

    def json_records(self) -> Iterator[dict[str, Any]]:
        """Every record as JSON data, exactly as read (numbers as written: ``600000`` stays an
        integer, where the model holds ``600000.0``), in the order of `__iter__`."""
        import orjson

        for table in self.tables().values():
            for text in table.texts():
                record: dict[str, Any] = orjson.loads(text)
                yield record

    # --- resolving ---------------------------------------------------------------------

    def find(self, record_id: str) -> Record | None:
        """The record with this id, of any type (context records included), or ``None``."""
        for table in self.tables().values():
            if table.has(record_id):
                found: Record | None = table.get(record_id)
                return found
        return None if self.context is None else self.context.find(record_id)

    def resolve(self, record_id: str) -> Record:
        """The record with this id, of any type. Raises `UnresolvedReferenceError`."""
        found = self.find(record_id)
        if found is None:
            raise UnresolvedReferenceError(record_id)
        return found

    def _typed(self, kind: type[T], record_id: str) -> T:
        found = self.find(record_id)
        if not isinstance(found, kind):
            raise UnresolvedReferenceError(f"{record_id} (a {kind.__name__.lower()} was expected)")
        return found

    def actor(self, record_id: str) -> Actor:
        """The actor with this id. Raises `UnresolvedReferenceError`."""
        return self._typed(Actor, record_id)

    def territory(self, record_id: str) -> Territory:
        """The territory with this id. Raises `UnresolvedReferenceError`."""
        return self._typed(Territory, record_id)

    def source(self, record_id: str) -> Source:
        """The source with this id. Raises `UnresolvedReferenceError`."""
        return self._typed(Source, record_id)

    def proposal(self, record_id: str) -> Proposal:
        """The proposal with this id. Raises `UnresolvedReferenceError`."""
        return self._typed(Proposal, record_id)

    def position(self, record_id: str) -> Position:
        """The position with this id. Raises `UnresolvedReferenceError`."""
        return self._typed(Position, record_id)

    def position_or_proposal(self, record_id: str) -> Position | Proposal:
        """The position or proposal with this id (what a link or response names)."""
        found = self.resolve(record_id)
        if not isinstance(found, Position | Proposal):
            raise UnresolvedReferenceError(f"{record_id} (a position or proposal was expected)")
        return found

    # --- what a position names ---------------------------------------------------------

    def holders_of(self, position: Position) -> list[Actor]:
        """The actors holding the position."""
        return [self.actor(ref) for ref in position.holders]

    def speaker_of(self, position: Position) -> Actor | None:
        """The actor who voiced the position, when recorded."""
        return None if position.speaker is None else self.actor(position.speaker)

    def addressees_of(self, position: Position) -> list[Actor]:
        """The actors the position is addressed to."""
        return [self.actor(ref) for ref in position.addressees or ()]

    def roles_of(self, position: Position) -> list[tuple[ActorRole, Actor]]:
        """Each role an actor has in the position (subject, guarantor...), with the actor."""
        return [(role, self.actor(role.actor)) for role in position.roles or ()]

    def territories_of(self, position: Position) -> list[tuple[TerritoryScope, Territory]]:
        """Each territory scope of the position, with its territory."""
        return [(scope, self.territory(scope.territory)) for scope in position.territories or ()]

    def evidence_of(self, position: Position) -> list[tuple[Evidence, Source]]:
        """Each piece of evidence, with its source."""
        return [(item, self.source(item.source)) for item in position.evidence]

    def links_of(self, position: Position) -> list[tuple[PositionLink, Position | Proposal]]:
        """Each link, with the position or proposal it leads to."""
        return [(link, self.position_or_proposal(link.target)) for link in position.links or ()]

    def responses_of(self, position: Position) -> list[tuple[Response, Position | Proposal]]:
        """Each response, with the position or proposal answered."""
        return [
            (answer, self.position_or_proposal(answer.target))
            for answer in position.responds_to or ()
        ]

    def reaffirmed_by(self, position: Position) -> list[Position]:
        """The earlier positions this one restates (`reaffirms`)."""
        return [self.position(ref) for ref in position.reaffirms or ()]

    def proposals_of(self, position: Position) -> list[tuple[ProposalReference, Proposal]]:
        """Each proposal the position is part of, with the proposal."""
        return [(part, self.proposal(part.proposal)) for part in position.proposal_points or ()]

    # --- what a proposal names ---------------------------------------------------------

    def signatories_of(self, proposal: Proposal) -> list[tuple[SigningParty, Actor]]:
        """Each signing party of an agreement, with the actor that signed."""
        return [(party, self.actor(party.actor)) for party in proposal.signatories or ()]

    def witnesses_of(self, proposal: Proposal) -> list[tuple[SigningParty, Actor]]:
        """Each witness of an agreement, with the actor."""
        return [(party, self.actor(party.actor)) for party in proposal.witnesses or ()]

    def proposed_by(self, proposal: Proposal) -> list[Actor]:
        """The actors who put the proposal forward."""
        return [self.actor(ref) for ref in proposal.proposed_by or ()]

    # --- every reference ---------------------------------------------------------------

    def references(self, record: DiposModel) -> list[Reference]:
        """Every reference a record makes, in the order of the schema's fields, resolved.

        Driven by the validator's table of reference fields
        (`dipos.validator.index.fields.REFERENCES`), so it covers every reference the schema has.
        """
        data = record.to_json_dict()
        found: list[Reference] = []
        for pattern, _ in REFERENCES.get(str(data.get("type")), ()):
            for path, value in values_at(data, pattern):
                if isinstance(value, str):
                    found.append(Reference(to_json_path(path), value, self.resolve(value)))
        return found
