"""Sources: the documents positions are evidenced by."""

from typing import Literal

from ._base import DiposModel
from .dates import RecordDate
from .types import (
    ActorRef,
    CalendarDate,
    Extensions,
    Id,
    LanguageTag,
    Name,
    Sha256,
    SourceRef,
    Text,
    Url,
)
from .vocab import ReportingStepKind, SourceKind


class ReportingStep(DiposModel):
    """One link in the chain through which a statement reached the source.

    List the steps in order, from the first (the speaker or the body that
    published the statement) to the last before this source. "The Russian
    Ministry of Defense revealed ... as shared by the Clash Report platform on
    social media" is two steps: the ministry, then the Clash Report account.
    """

    name: Name
    """The name of the speaker, body, account or outlet, as the source gives it."""

    kind: ReportingStepKind | None = None
    """What sort of link this is (codelist `reporting_step_kind`)."""

    actor: ActorRef | None = None
    """The actor record for this step, when there is one."""

    source: SourceRef | None = None
    """The source record for this step, when the intermediate report is itself recorded."""


class Source(DiposModel):
    """A document that reports or records positions: a news report, a transcript,
    an official statement, the text of an agreement.

    Record only what the document itself shows. Never reconstruct a URL, a
    publisher or a date: an absent property is honest, a guessed one is not.
    """

    type: Literal["source"]
    """Always `source`."""

    id: Id
    title: Text | None = None
    """The document's title or headline as published. Leave it out when the document
    has none; describe the document in `description` instead."""

    kind: SourceKind
    """What sort of document this is (codelist `source_kind`)."""

    publisher: Name | None = None
    """The outlet or body that published the document, when the document names it."""

    authors: list[Name] | None = None
    """Authors as credited ("By Tamilla Hasanova")."""

    url: Url | None = None
    """Where the document was read, exactly as found."""

    published_on: RecordDate | None = None
    """When the document was published."""

    accessed_on: CalendarDate | None = None
    """When the coder read the document."""

    language: LanguageTag | None = None
    """The language of the document as read (the language of its quotes)."""

    original_language: LanguageTag | None = None
    """The language the reported statements were made in, when it differs from
    `language` (a Russian speech reported in English)."""

    quotes_translated: bool | None = None
    """Whether the quotations in this document are translations of what was said
    (true for an English report of a Russian speech)."""

    reported_via: list[ReportingStep] | None = None
    """The chain through which the statements reached this document, first step first."""

    event: Text | None = None
    """The venue or event where the reported statements were made, as the source
    describes it ("press conference after the CSTO summit in Bishkek")."""

    text_sha256: Sha256 | None = None
    """SHA-256 of the UTF-8 text that the quotes were checked against, so that
    anyone holding the same text can repeat the check."""

    description: Text | None = None
    """A short description for readers."""

    notes: Text | None = None
    """Coder's notes: choices made, doubts, what was inferred and from what."""

    extensions: Extensions | None = None
    """A project's own additions to this record (keys of your choice, best with a
    namespace: `acme:reviewed`). Not for facts the format has a property for."""
