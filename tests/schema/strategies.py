"""Hypothesis strategies that generate valid dipos documents as plain JSON data.

Written by hand, one per model, from the models' own building blocks: the codes
of each closed codelist (the ``Literal`` types of ``dipos.model.vocab``) and the
patterns of ``dipos.model.types``. Numbers stay within the ranges where the
validators are known to agree (see ``test_known_divergences``): integers for
integer properties, never integral floats, no integers beyond the float range.
"""

from typing import Any, get_args

from hypothesis import strategies as st

from dipos.limits import TOPIC_MAX_LENGTH
from dipos.model import types, vocab

Json = dict[str, Any]


def _codes(literal: object) -> st.SearchStrategy[str]:
    return st.sampled_from([str(code) for code in get_args(literal)])


def _matching(pattern: str) -> st.SearchStrategy[str]:
    # fullmatch=True: never a trailing newline, which only Python's `$` accepts.
    return st.from_regex(pattern, fullmatch=True)


ids = _matching(types.ID_PATTERN)
texts = st.text(min_size=1, max_size=12)
names = texts
topics = _matching(types.TOPIC_PATTERN).filter(lambda code: len(code) <= TOPIC_MAX_LENGTH)
qids = _matching(types.QID_PATTERN)
calendar_dates = _matching(types.CALENDAR_DATE_PATTERN)
edtf_dates = _matching(types.EDTF_PATTERN)
point_numbers = _matching(r"^[0-9A-Za-z]{1,10}(\.[0-9A-Za-z]{1,10})*$")
finite_numbers = st.one_of(
    st.integers(-(10**15), 10**15), st.floats(allow_nan=False, allow_infinity=False)
)
positive_numbers = st.one_of(
    st.integers(1, 10**9), st.floats(min_value=0, exclude_min=True, allow_infinity=False)
)

#: Extension values: any JSON, null included (extensions are kept exactly).
_json_leaves = st.one_of(st.booleans(), st.integers(-100, 100), st.text(max_size=5))
json_values = st.recursive(
    _json_leaves | st.none(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=5,
)
extensions = st.dictionaries(
    st.text(min_size=1, max_size=8),
    json_values,
    max_size=2,
)


def _lists(element: st.SearchStrategy[Any], min_size: int = 0) -> st.SearchStrategy[list[Any]]:
    return st.lists(element, min_size=min_size, max_size=2)


def _record(
    required: dict[str, st.SearchStrategy[Any]], optional: dict[str, st.SearchStrategy[Any]]
) -> st.SearchStrategy[Json]:
    """An object with its required properties and any subset of the optional ones. A record
    type passes ``extensions`` among its optional properties."""
    return st.fixed_dictionaries(required, optional=optional)


stated_dates = _record({"value": edtf_dates, "basis": st.just("stated")}, {"note": texts})
inferred_dates = _record(
    {"value": edtf_dates, "basis": st.just("inferred"), "inferred_from": texts},
    {"note": texts},
)
dates = stated_dates | inferred_dates

actors = _record(
    {"type": st.just("actor"), "id": ids, "name": names, "kind": _codes(vocab.ActorKind)},
    {
        "alternative_names": _lists(names),
        "iso3166_1_alpha3": _matching(types.ISO3166_1_ALPHA3_PATTERN),
        "wikidata": qids,
        "office": names,
        "represents": ids,
        "part_of": ids,
        "description": texts,
        "notes": texts,
        "extensions": extensions,
    },
)

territories = _record(
    {"type": st.just("territory"), "id": ids, "name": names, "kind": _codes(vocab.TerritoryKind)},
    {
        "alternative_names": _lists(names),
        "iso3166": _matching(types.ISO3166_PATTERN),
        "wikidata": qids,
        "part_of": ids,
        "corresponds_to": _lists(ids),
        "description": texts,
        "notes": texts,
        "extensions": extensions,
    },
)

reporting_steps = _record(
    {"name": names},
    {"kind": _codes(vocab.ReportingStepKind), "actor": ids, "source": ids},
)

sources = _record(
    {"type": st.just("source"), "id": ids, "title": texts, "kind": _codes(vocab.SourceKind)},
    {
        "publisher": names,
        "authors": _lists(names),
        "url": _matching(types.URL_PATTERN).filter(lambda url: len(url) <= 2000),
        "published_on": dates,
        "accessed_on": calendar_dates,
        "language": _matching(types.LANGUAGE_PATTERN),
        "original_language": _matching(types.LANGUAGE_PATTERN),
        "quotes_translated": st.booleans(),
        "reported_via": _lists(reporting_steps),
        "event": texts,
        "text_sha256": _matching(types.SHA256_PATTERN),
        "description": texts,
        "notes": texts,
        "extensions": extensions,
    },
)

proposal_points = _record({"number": point_numbers}, {"summary": texts, "topics": _lists(topics)})

signing_parties = _record({"actor": ids}, {"capacity": names, "signed_by": ids})
proposal_relations = _record(
    {"relation": _codes(vocab.ProposalRelationKind), "target": ids}, {"note": texts}
)

proposals = _record(
    {"type": st.just("proposal"), "id": ids, "title": texts, "kind": _codes(vocab.ProposalKind)},
    {
        "alternative_names": _lists(names),
        "proposed_by": _lists(ids),
        "signatories": _lists(signing_parties),
        "witnesses": _lists(signing_parties),
        "presented_on": dates,
        "signed_on": dates,
        "signed_at": names,
        "entered_into_force_on": dates,
        "relations": _lists(proposal_relations),
        "point_count": st.integers(1, 100),
        "points": _lists(proposal_points),
        "summary": texts,
        "sources": _lists(ids),
        "notes": texts,
        "extensions": extensions,
    },
)

evidence = _record(
    {"source": ids, "quote": texts, "quote_kind": _codes(vocab.QuoteKind)},
    {
        "translated": st.booleans(),
        "prefix": st.text(max_size=5),
        "suffix": st.text(max_size=5),
        "start": st.integers(0, 10**6),
        "end": st.integers(1, 10**6),
        "note": texts,
    },
)
_quantity_fields: dict[str, st.SearchStrategy[Any]] = {
    "measure": _codes(vocab.QuantityMeasure),
    "item": names,
    "measures": texts,
    "comparison": _codes(vocab.Comparison),
}
quantities = st.recursive(
    _record({"value": finite_numbers, "unit": names}, _quantity_fields),
    lambda inner: _record(
        {"value": finite_numbers, "unit": names},
        {**_quantity_fields, "applies_to": _lists(inner)},
    ),
    max_leaves=3,
)
zones = _record(
    {"distance": quantities, "from": ids},
    {"sides": st.sampled_from(["both", "one"]), "note": texts},
)
territory_scopes = _record(
    {"territory": ids, "extent": _codes(vocab.TerritorialExtent)},
    {"excluded": st.booleans(), "as_of": dates, "zone": zones, "note": texts},
)
event_references = _record(
    {"target": ids}, {"points": _lists(point_numbers), "milestone": _codes(vocab.Milestone)}
)
_relative_time_fields: dict[str, st.SearchStrategy[Any]] = {
    "amount": positive_numbers,
    "unit": _codes(vocab.TimeUnit),
}
relative_times = st.one_of(
    _record({**_relative_time_fields, "after": texts}, {"counted_from": event_references}),
    _record({**_relative_time_fields, "counted_from": event_references}, {"after": texts}),
)
durations = _record(_relative_time_fields, {"counted_from": event_references, "after": texts})
_deadline_fields: dict[str, st.SearchStrategy[Any]] = {
    "description": texts,
    "timing": _codes(vocab.DeadlineTiming),
    "bounds": _codes(vocab.Milestone),
}
deadlines = st.one_of(
    _record({"date": dates}, {"within": relative_times, **_deadline_fields}),
    _record({"within": relative_times}, {"date": dates, **_deadline_fields}),
)
roles = _record(
    {"actor": ids, "role": _codes(vocab.ActorRoleKind)}, {"capacity": names, "note": texts}
)
recognitions = st.one_of(
    _record(
        {"status": _codes(vocab.RecognitionStatus)},
        {"as_part_of": ids, "independent": st.just(False), "by": _lists(ids), "note": texts},
    ),
    _record(
        {"status": _codes(vocab.RecognitionStatus)},
        {"independent": st.booleans(), "by": _lists(ids), "note": texts},
    ),
)
links = _record(
    {"relation": _codes(vocab.LinkRelation), "target": ids},
    {"order": _codes(vocab.LinkOrder), "note": texts},
)
responses = _record(
    {"target": ids, "response": _codes(vocab.ResponseKind)}, {"points": _lists(point_numbers)}
)
proposal_references = _record({"proposal": ids}, {"points": _lists(point_numbers)})

positions = _record(
    {
        "type": st.just("position"),
        "id": ids,
        "holders": _lists(ids, min_size=1),
        "move": _codes(vocab.Move),
        "topics": _lists(topics, min_size=1),
        "summary": texts,
        "evidence": _lists(evidence, min_size=1),
    },
    {
        "speaker": ids,
        "addressees": _lists(ids),
        "roles": _lists(roles),
        "reciprocal": st.booleans(),
        "territories": _lists(territory_scopes),
        "recognition": recognitions,
        "quantities": _lists(quantities),
        "deadlines": _lists(deadlines),
        "duration": durations,
        "modality": _codes(vocab.Modality),
        "links": _lists(links),
        "responds_to": _lists(responses),
        "reaffirms": _lists(ids),
        "proposal_points": _lists(proposal_references),
        "stated_on": dates,
        "venue": names,
        "notes": texts,
        "extensions": extensions,
    },
)

datasets = _record(
    {"type": st.just("dataset"), "dipos_version": st.just("0.2")},
    {
        "id": ids,
        "title": texts,
        "description": texts,
        "publisher": names,
        "license": names,
        "homepage": _matching(types.URL_PATTERN).filter(lambda url: len(url) <= 2000),
        "created": calendar_dates,
        "modified": calendar_dates,
        "actors": st.lists(actors, max_size=1),
        "territories": st.lists(territories, max_size=1),
        "sources": st.lists(sources, max_size=1),
        "proposals": st.lists(proposals, max_size=1),
        "positions": st.lists(positions, max_size=1),
        "extensions": extensions,
    },
)

records = st.one_of(actors, territories, sources, proposals, positions, datasets)
"""Any valid document: one record of any type, or a dataset."""

#: Replacement values of other JSON types. No integral float (1.0) and no
#: out-of-range integer: those are the documented divergences.
OTHER_TYPE_VALUES: tuple[Any, ...] = (0, 1.5, -2, "5", "", True, False, [], {}, ["x"], {"a": 1})
