"""The data the report's page draws: the records as they are, plus what the browser should
not have to work out (the days each date covers, the validation status of each record,
the fate of each position in its actor's thread, the titles of codes).

Everything here is JSON data; :func:`report_data` is the one entry point. Records keep
all their properties, known or not, so the page can show fields it has no special view
for (a later version's optional fields appear under "Other fields" on a card).
"""

from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from .. import codelists
from ..datespan import DateSpan, describe, try_parse
from ..validator.findings import Finding, ValidationReport
from ..version import __version__
from .evolution import Dated, threads
from .load import LoadedRecords
from .style import MOVE_COLOURS, MOVE_SHAPES, OTHER_COLOUR, OTHER_SHAPE

EPOCH: Final = date(1970, 1, 1).toordinal()
"""Days are given to the page as days since 1970-01-01, the unit of JavaScript dates."""

MAX_FINDINGS: Final = 2000
"""The most findings listed in the page (all are counted); the validator's own output
has them all."""

SOURCE_FIELDS: Final = (
    "type",
    "id",
    "title",
    "description",
    "kind",
    "publisher",
    "url",
    "published_on",
)
"""What the page shows of a source (under each quote): the rest stays in the data files."""

EVIDENCE_SELECTORS: Final = frozenset({"prefix", "suffix", "start", "end"})
"""Left out of the page: they locate a quote for programs, and weigh a fifth of a page."""

_SEVERITY_RANK: Final = {"error": 2, "warning": 1, "info": 0}
STATUS_OF_RANK: Final = {2: "invalid", 1: "warning", 0: "valid", -1: "valid"}


def _day(value: date | None) -> int | None:
    return None if value is None else value.toordinal() - EPOCH


def date_view(value: object) -> dict[str, Any] | None:
    """A ``stated_on`` (or any date value) as the page needs it: the EDTF text, the same in
    words, the first and last day covered (``None`` for an open end), and whether it is
    hedged (uncertain or approximate). ``None`` when there is no date that can be placed;
    the raw value stays on the record."""
    text = value.get("value") if isinstance(value, dict) else value
    span: DateSpan | None = try_parse(text)
    if span is None:
        return None
    return {
        "value": span.value,
        "text": describe(span),
        "first": _day(span.earliest),
        "last": _day(span.latest),
        "hedged": span.hedged,
        "point": span.is_point,
        "basis": value.get("basis") if isinstance(value, dict) else None,
    }


def _id(record: dict[str, Any], fallback: str) -> str:
    value = record.get("id")
    return value if isinstance(value, str) and value else fallback


def _strings(value: object) -> list[str]:
    """The strings of a list (a broken record may hold anything)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, str)]


def _codes(name: str) -> list[dict[str, str]]:
    return [
        {"code": c.code, "title": c.title, "definition": c.definition}
        for c in codelists.load(name).codes
    ]


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "message": finding.message,
        "hint": finding.hint,
        "file": finding.file,
        "line": finding.line,
        "path": finding.json_path,
        "record": finding.record_id,
        "docs": finding.docs_url,
    }


def _statuses(findings: list[Finding]) -> tuple[dict[str, int], dict[str, list[int]]]:
    """The worst severity of each record's findings, and which findings name it."""
    rank: dict[str, int] = {}
    shown: dict[str, list[int]] = {}
    for number, finding in enumerate(findings):
        if finding.record_id is None:
            continue
        level = _SEVERITY_RANK[finding.severity]
        rank[finding.record_id] = max(rank.get(finding.record_id, -1), level)
        if number < MAX_FINDINGS:
            shown.setdefault(finding.record_id, []).append(number)
    return rank, shown


def _dated(positions: Iterable[dict[str, Any]]) -> Iterable[Dated]:
    for position in positions:
        when = position["_"]["date"]
        if when is None:
            continue
        first = when["first"] if when["first"] is not None else when["last"]
        last = when["last"] if when["last"] is not None else when["first"]
        yield Dated(
            id=position["id"],
            holders=tuple(_strings(position.get("holders"))),
            topics=tuple(_strings(position.get("topics"))),
            move=str(position.get("move", "")),
            first=first,
            last=last,
            reaffirms=tuple(_strings(position.get("reaffirms"))),
        )


def report_data(
    loaded: LoadedRecords, validation: ValidationReport, *, title: str | None = None
) -> dict[str, Any]:
    """The JSON data of a report of ``loaded`` records checked as ``validation``."""
    rank, finding_numbers = _statuses(validation.findings)

    def annotate(record: dict[str, Any], kind: str, number: int) -> dict[str, Any]:
        record_id = _id(record, f"({kind} {number + 1} without id)")
        view = {**record, "id": record_id}
        view["_"] = {
            "file": loaded.file_of.get(id(record)),
            "status": STATUS_OF_RANK[rank.get(record_id, -1)],
            "findings": finding_numbers.get(record_id, []),
        }
        return view

    tables: dict[str, list[dict[str, Any]]] = {
        kind: [annotate(r, kind, n) for n, r in enumerate(records)]
        for kind, records in loaded.by_type.items()
    }
    for position in tables["position"]:
        position["_"]["date"] = date_view(position.get("stated_on"))
        evidence = position.get("evidence")
        if isinstance(evidence, list):
            position["evidence"] = [
                {k: v for k, v in e.items() if k not in EVIDENCE_SELECTORS}
                if isinstance(e, dict)
                else e
                for e in evidence
            ]
    tables["source"] = [
        {k: v for k, v in s.items() if k in SOURCE_FIELDS or k == "_"} for s in tables["source"]
    ]
    for proposal in tables["proposal"]:
        proposal["_"]["date"] = date_view(proposal.get("presented_on"))

    topic_titles = {c.code: c.title for c in codelists.load("topic").codes}
    used_topics = {t for p in tables["position"] for t in _strings(p.get("topics"))}
    headers = loaded.headers
    counts = validation.counts()
    dated_entries = sum(
        max(1, len(_strings(p.get("holders")))) for p in tables["position"] if p["_"]["date"]
    )
    return {
        "meta": {
            "title": title or _title(headers),
            "generator": f"dipos {__version__}",
            "versions": sorted({str(h.get("dipos_version")) for h in headers if h}),
            "datasets": [
                {"id": h.get("id"), "title": h.get("title"), "description": h.get("description")}
                for h in headers
            ],
            "files": list(validation.files),
            "unreadable": list(loaded.unreadable),
            "records": validation.records,
            "ok": validation.ok,
            "counts": counts,
            "dated_entries": dated_entries,
        },
        "codes": {
            "move": [
                {
                    **code,
                    "colour": MOVE_COLOURS.get(code["code"], OTHER_COLOUR),
                    "shape": MOVE_SHAPES.get(code["code"], OTHER_SHAPE),
                }
                for code in _codes("move")
            ],
            "other_move": {"colour": OTHER_COLOUR, "shape": OTHER_SHAPE},
            "modality": _codes("modality"),
            "link_relation": _codes("link_relation"),
            "response_kind": _codes("response_kind"),
            "topic": {t: topic_titles.get(t, t) for t in sorted(used_topics)},
        },
        "actors": tables["actor"],
        "territories": tables["territory"],
        "sources": tables["source"],
        "proposals": tables["proposal"],
        "positions": tables["position"],
        "threads": {
            holder: {
                topic: [[s.position, s.fate, s.by] for s in steps]
                for topic, steps in by_topic.items()
            }
            for holder, by_topic in threads(_dated(tables["position"])).items()
        },
        "findings": [_finding(f) for f in validation.findings[:MAX_FINDINGS]],
    }


def _title(headers: list[dict[str, Any]]) -> str:
    titles = [h.get("title") for h in headers if isinstance(h.get("title"), str)]
    if len(titles) == 1:
        return str(titles[0])
    return "dipos report"
