"""The mapping table from dipos terms to linked-data vocabularies.

The JSON-LD context (``schema/context.jsonld``, served beside the schema) is generated
from this table by `dipos.linked.context.build_context`; never edit the context by hand.

Every property of the schema is a term here. Where an established vocabulary has the
same meaning it is used: schema.org for names, Dublin Core terms for documents and
datasets, PROV for attribution and derivation, the W3C Web Annotation vocabulary for
quotes, SKOS for notes, and Wikidata for the items actors and territories are. The rest
is in the dipos vocabulary (`VOCAB`).

A few words are both a record type and a property (``source``: the type of a source
record, and the source a piece of evidence cites). JSON-LD gives a word one meaning
per context, so the properties are defined in *scoped* contexts: inside a dataset's
``positions``, ``source`` is the evidence's source; inside ``sources``, it is the type.
"""

from dataclasses import dataclass
from typing import Final, Literal

VOCAB: Final = "https://dipos.github.io/dipos/vocab#"
"""The dipos vocabulary: terms no established vocabulary has."""

PREFIXES: Final[dict[str, str]] = {
    "dipos": VOCAB,
    "schema": "https://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
"""The prefixes the context declares (and the Turtle export binds)."""

Kind = Literal["literal", "ref", "node", "list", "date", "qid", "json", "url"]
"""How a term's values are read: ``literal`` (a string, number or boolean), ``ref`` (the
id of another record: an IRI), ``node`` (a nested object), ``list`` (an ordered list of
nested objects), ``date`` (an ``xsd:date``), ``qid`` (a Wikidata item: ``Q159`` is
``wd:Q159``), ``json`` (kept as a JSON literal), ``url`` (a web address: an IRI)."""


@dataclass(frozen=True, slots=True)
class Term:
    """One term: the word used in dipos data, the IRI it stands for, how it is read."""

    name: str
    iri: str
    kind: Kind = "literal"


def _terms(*rows: tuple[str, str] | tuple[str, str, Kind]) -> dict[str, Term]:
    return {row[0]: Term(*row) for row in rows}


CLASSES: Final[dict[str, str]] = {
    "dataset": "dipos:Dataset",
    "actor": "dipos:Actor",
    "territory": "dipos:Territory",
    "source": "dipos:Source",
    "proposal": "dipos:Proposal",
    "position": "dipos:Position",
    # Given to evidence by the exporter (see dipos.linked.export).
    "TextQuoteSelector": "oa:TextQuoteSelector",
    "TextPositionSelector": "oa:TextPositionSelector",
}
"""The value of ``type`` in each record, as a class."""

TERMS: Final[dict[str, Term]] = _terms(
    # Every record
    ("name", "schema:name"),
    ("alternative_names", "schema:alternateName"),
    ("title", "dct:title"),
    ("description", "dct:description"),
    ("summary", "dct:abstract"),
    ("notes", "skos:editorialNote"),
    ("note", "skos:note"),
    ("kind", "dipos:kind"),
    ("extensions", "dipos:extensions", "json"),
    # Dataset
    ("dipos_version", "dipos:diposVersion"),
    ("publisher", "dct:publisher"),
    ("license", "dct:license"),
    ("homepage", "schema:url", "url"),
    ("created", "dct:created", "date"),
    ("modified", "dct:modified", "date"),
    ("actors", "dipos:actors", "node"),
    ("territories", "dipos:territories", "node"),
    ("sources", "dipos:sources", "node"),
    ("proposals", "dipos:proposals", "node"),
    ("positions", "dipos:positions", "node"),
    # Actors and territories
    ("wikidata", "schema:sameAs", "qid"),
    ("iso3166_1_alpha3", "dipos:iso3166Alpha3"),
    ("iso3166", "dipos:iso3166"),
    ("office", "schema:jobTitle"),
    ("represents", "dipos:represents", "ref"),
    ("part_of", "dct:isPartOf", "ref"),
    ("corresponds_to", "dipos:correspondsTo", "ref"),
    # Sources and reporting chains
    ("authors", "dct:creator"),
    ("url", "schema:url", "url"),
    ("published_on", "dipos:publishedOn", "node"),
    ("accessed_on", "dipos:accessedOn", "date"),
    ("language", "dct:language"),
    ("original_language", "dipos:originalLanguage"),
    ("quotes_translated", "dipos:quotesTranslated"),
    ("reported_via", "dipos:reportedVia", "list"),
    ("event", "dipos:event"),
    ("text_sha256", "dipos:textSha256"),
    # Dates
    ("value", "rdf:value"),
    ("basis", "dipos:dateBasis"),
    ("inferred_from", "dipos:inferredFrom"),
    # Proposals
    ("proposed_by", "dipos:proposedBy", "ref"),
    ("signatories", "dipos:signatory", "node"),
    ("witnesses", "dipos:witness", "node"),
    ("signed_by", "dipos:signedBy", "ref"),
    ("capacity", "dipos:capacity"),
    ("signed_on", "dipos:signedOn", "node"),
    ("signed_at", "dipos:signedAt"),
    ("entered_into_force_on", "dipos:enteredIntoForceOn", "node"),
    ("relations", "dipos:proposalRelation", "node"),
    ("presented_on", "dipos:presentedOn", "node"),
    ("point_count", "dipos:pointCount"),
    ("points", "dipos:points"),
    ("number", "dipos:number"),
    ("topics", "dipos:topic"),
    # Positions
    ("holders", "prov:wasAttributedTo", "ref"),
    ("speaker", "dipos:speaker", "ref"),
    ("addressees", "dipos:addressee", "ref"),
    ("roles", "dipos:actorRole", "node"),
    ("role", "dipos:role"),
    ("reciprocal", "dipos:reciprocal"),
    ("recognition", "dipos:recognition", "node"),
    ("status", "dipos:recognitionStatus"),
    ("as_part_of", "dipos:asPartOf", "ref"),
    ("independent", "dipos:independent"),
    ("by", "dipos:recognisedBy", "ref"),
    ("excluded", "dipos:excluded"),
    ("as_of", "dipos:asOf", "node"),
    ("zone", "dipos:zone", "node"),
    ("distance", "dipos:distance", "node"),
    ("from", "dipos:from", "ref"),
    ("sides", "dipos:sides"),
    ("duration", "dipos:duration", "node"),
    ("counted_from", "dipos:countedFrom", "node"),
    ("milestone", "dipos:milestone"),
    ("timing", "dipos:timing"),
    ("bounds", "dipos:bounds"),
    ("measure", "dipos:measure"),
    ("item", "dipos:item"),
    ("applies_to", "dipos:appliesTo", "node"),
    ("move", "dipos:move"),
    ("quantities", "dipos:quantity", "node"),
    ("deadlines", "dipos:deadline", "node"),
    ("modality", "dipos:modality"),
    ("links", "dipos:link", "node"),
    ("responds_to", "dipos:respondsTo", "node"),
    ("reaffirms", "dipos:reaffirms", "ref"),
    ("proposal_points", "dipos:proposalPoint", "node"),
    ("stated_on", "dipos:statedOn", "node"),
    ("venue", "dipos:venue"),
    ("evidence", "dipos:evidence", "node"),
    ("extent", "dipos:extent"),
    ("unit", "dipos:unit"),
    ("measures", "dipos:measures"),
    ("comparison", "dipos:comparison"),
    ("amount", "dipos:amount"),
    ("after", "dipos:after"),
    ("date", "dipos:date", "node"),
    ("within", "dipos:within", "node"),
    ("relation", "dipos:relation"),
    ("target", "dipos:target", "ref"),
    ("order", "dipos:order"),
    ("response", "dipos:response"),
    # Evidence: the W3C Web Annotation selectors
    ("quote", "oa:exact"),
    ("prefix", "oa:prefix"),
    ("suffix", "oa:suffix"),
    ("start", "oa:start"),
    ("end", "oa:end"),
    ("quote_kind", "dipos:quoteKind"),
    ("translated", "dipos:translated"),
)
"""The terms whose meaning is the same wherever they appear."""

_AS_PROPERTY: Final = _terms(
    ("actor", "prov:agent", "ref"),
    ("source", "prov:wasDerivedFrom", "ref"),
    ("territory", "dipos:territory", "ref"),
    ("proposal", "dipos:proposal", "ref"),
)

SCOPES: Final[dict[str, dict[str, Term]]] = {
    # Inside a position, the words that are also record types are properties.
    "positions": {
        **_AS_PROPERTY,
        "territories": Term("territories", "dipos:territoryScope", "node"),
    },
    # A piece of evidence cites its source as a Web Annotation target does.
    "evidence": {"source": Term("source", "oa:hasSource", "ref")},
    # Each step of a reporting chain: who passed the statement on, from which document.
    "reported_via": dict(_AS_PROPERTY),
    "proposals": {
        **{k: v for k, v in _AS_PROPERTY.items() if k == "actor"},
        "sources": Term("sources", "prov:wasDerivedFrom", "ref"),
    },
}
"""Terms whose meaning differs inside a property: the property, and the terms it redefines."""
