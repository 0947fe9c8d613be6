"""Anchor every piece of evidence of a set of files, and write the files back if asked."""

import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from ..validator.check.rules.quotes import SourceText, SourceTexts
from ..validator.paths import Path, to_json_path
from ..validator.read.inputs import collect
from .documents import Document, Unit, read, records, set_key
from .match import Loose, loosen
from .selectors import anchor_one

# New selector keys go after these (the order of the examples and the docs).
_AFTER = {
    "prefix": ("quote", "quote_kind", "translated"),
    "suffix": ("prefix", "quote", "quote_kind", "translated"),
    "start": ("suffix", "prefix", "quote", "quote_kind", "translated"),
    "end": ("start", "suffix", "prefix", "quote", "quote_kind", "translated"),
    "text_sha256": ("event", "reported_via", "quotes_translated", "original_language", "language"),
}


@dataclass(slots=True)
class Note:
    """One line of the report: what was changed, chosen, or could not be done."""

    file: str
    line: int | None
    path: Path
    record_id: str | None
    kind: str
    """``anchored``, ``corrected``, ``chosen``, ``text_sha256``: changes and choices;
    ``quote-not-found``, ``quote-ambiguous``, ``quote-missing``, ``source-text-missing``,
    ``unreadable``, ``not-written``: problems."""
    message: str

    PROBLEMS = frozenset(
        {
            "quote-not-found",
            "quote-ambiguous",
            "quote-missing",
            "source-text-missing",
            "unreadable",
            "not-written",
        }
    )

    @property
    def problem(self) -> bool:
        return self.kind in self.PROBLEMS

    def format(self) -> str:
        where = self.file + (f":{self.line}" if self.line is not None else "")
        what = to_json_path(self.path) if self.path else ""
        if self.record_id:
            what += f" ({self.record_id})"
        return f"{where}: {self.kind}: {what + ': ' if what else ''}{self.message}"


@dataclass(slots=True)
class AnchorReport:
    """The outcome of a run of ``dipos anchor``."""

    notes: list[Note] = field(default_factory=list)
    changed_files: list[str] = field(default_factory=list)
    """Files whose selectors were missing or stale (rewritten unless ``--check``)."""
    written: bool = False
    evidence: int = 0
    anchored: int = 0
    """Pieces of evidence whose selectors were filled or repaired."""

    @property
    def problems(self) -> list[Note]:
        return [note for note in self.notes if note.problem]


@dataclass(slots=True)
class _Place:
    document: Document
    unit: Unit
    path: Path
    record_id: str | None


@dataclass(slots=True)
class _Source:
    place: _Place
    record: dict[str, Any]


def anchor_paths(
    paths: Sequence[str | FilePath], texts: SourceTexts, *, write: bool
) -> AnchorReport:
    """Anchor the evidence in every dipos file of the paths against the texts; rewrite the
    files whose selectors change when ``write``. ``InputError`` when a path is missing."""
    report = AnchorReport()
    documents: list[Document] = []
    for file in collect([str(p) for p in paths]):
        assert file.path is not None
        document, problems = read(file.path, file.name, file.kind)
        report.notes.extend(
            Note(p.file, p.line, (), None, "unreadable", p.message) for p in problems
        )
        if document is not None:
            documents.append(document)
    pending: list[tuple[_Place, str, str]] = []  # place, kind, message: located at the end
    sources: dict[str, _Source] = {}
    positions: list[tuple[_Place, dict[str, Any]]] = []
    for document in documents:
        for unit in document.units:
            for path, record in records(unit.value):
                record_id = record.get("id") if isinstance(record.get("id"), str) else None
                place = _Place(document, unit, path, record_id)
                if record.get("type") == "source" and record_id is not None:
                    sources.setdefault(record_id, _Source(place, record))
                elif record.get("type") == "position":
                    positions.append((place, record))

    found: dict[str, tuple[SourceText | None, Loose | None]] = {}
    missing_reported: set[str] = set()

    def text_of(source_id: str) -> tuple[SourceText | None, Loose | None]:
        if source_id not in found:
            source = sources.get(source_id)
            sha = source.record.get("text_sha256") if source is not None else None
            text, _ = texts.for_source_id(source_id, sha if isinstance(sha, str) else None)
            found[source_id] = (text, loosen(text.text) if text is not None else None)
        return found[source_id]

    for place, record in positions:
        evidence = record.get("evidence")
        if not isinstance(evidence, list):
            continue
        for index, item in enumerate(evidence):
            if not isinstance(item, dict) or not isinstance(item.get("source"), str):
                continue
            report.evidence += 1
            at = _Place(
                place.document, place.unit, (*place.path, "evidence", index), place.record_id
            )
            source_id = item["source"]
            text, loose = text_of(source_id)
            if text is None or loose is None:
                pending.append(
                    (
                        at,
                        "source-text-missing",
                        f'no text for the source "{source_id}" in the --sources directories '
                        f'(expected "{source_id}.txt" or ".md", or a file with its '
                        "text_sha256): this evidence was not anchored",
                    )
                )
                missing_reported.add(source_id)
                continue
            outcome = anchor_one(item, text.text, loose, text.path.name)
            if outcome.problem is not None:
                pending.append((at, outcome.rule or "quote-not-found", outcome.problem))
                continue
            for message in outcome.notes:
                kind = "corrected" if message.startswith("quote corrected") else "chosen"
                pending.append((at, kind, message))
            if outcome.changes:
                report.anchored += 1
                pending.append((at, "anchored", _describe(item, outcome.changes)))
                for key, value in outcome.changes.items():
                    if value is None:
                        item.pop(key, None)
                    elif isinstance(value, str):
                        set_key(
                            item, key, at.document.string(value, item.get(key)), _AFTER.get(key, ())
                        )
                    else:
                        set_key(item, key, value, _AFTER.get(key, ()))
                at.unit.changed = True

    for source_id, source in sources.items():
        text, _ = text_of(source_id)
        if text is None:
            continue
        old = source.record.get("text_sha256")
        if old != text.sha256:
            what = "set" if old is None else f"updated (was {str(old)[:12]}…)"
            pending.append(
                (
                    _Place(
                        source.place.document,
                        source.place.unit,
                        (*source.place.path, "text_sha256"),
                        source_id,
                    ),
                    "text_sha256",
                    f"{what} to the SHA-256 of {text.path.name}",
                )
            )
            set_key(source.record, "text_sha256", text.sha256, _AFTER["text_sha256"])
            source.place.unit.changed = True

    report.notes.extend(_located(pending))
    report.changed_files = [d.name for d in documents if d.changed]
    if write:
        for document in documents:
            if document.changed:
                error = _write(document)
                if error is not None:
                    report.notes.append(Note(document.name, None, (), None, "not-written", error))
                elif document.relaid:
                    report.notes.append(
                        Note(
                            document.name,
                            None,
                            (),
                            None,
                            "relaid",
                            "the file's own layout could not be kept where it changed: "
                            "it was written out in full",
                        )
                    )
        report.written = True
    return report


def _describe(item: dict[str, Any], changes: dict[str, Any]) -> str:
    filled, repaired, removed = [], [], []
    for key in ("quote", "start", "end", "prefix", "suffix"):
        if key not in changes:
            continue
        value = changes[key]
        shown = f"{key} {value}" if key in ("start", "end") else key
        if value is None:
            removed.append(key)
        elif key in item:
            repaired.append(shown)
        else:
            filled.append(shown)
    parts = [
        f"{verb} {', '.join(keys)}"
        for verb, keys in (("filled", filled), ("repaired", repaired), ("removed", removed))
        if keys
    ]
    return "; ".join(parts)


def _located(pending: list[tuple[_Place, str, str]]) -> list[Note]:
    by_document: dict[int, list[tuple[Unit, Path]]] = {}
    documents: dict[int, Document] = {}
    for place, _, _ in pending:
        by_document.setdefault(id(place.document), []).append((place.unit, place.path))
        documents[id(place.document)] = place.document
    lines: dict[int, dict[tuple[int, Path], int]] = {
        key: documents[key].lines_of(wanted) for key, wanted in by_document.items()
    }
    unit_numbers = {
        id(unit): number
        for document in documents.values()
        for number, unit in enumerate(document.units)
    }
    notes = []
    for place, kind, message in pending:
        unit_index = unit_numbers[id(place.unit)]
        line = lines[id(place.document)].get((unit_index, place.path), place.unit.line)
        notes.append(Note(place.document.name, line, place.path, place.record_id, kind, message))
    return notes


def _write(document: Document) -> str | None:
    """Write a document atomically (a temporary file renamed over it); the error, if any."""
    try:
        text = document.render()
    except Exception as error:  # a value the serializer cannot write back (never expected)
        return f"could not be written back ({type(error).__name__}: {error}); it is unchanged"
    try:
        directory = document.path.parent
        handle, temporary = tempfile.mkstemp(prefix=f".{document.path.name}.", dir=directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
            FilePath(temporary).chmod(document.path.stat().st_mode & 0o7777)
            FilePath(temporary).replace(document.path)
        except BaseException:
            FilePath(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        return f"could not write the file: {error.strerror or error}; it is unchanged"
    return None
