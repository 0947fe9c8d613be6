"""The records the synthetic datasets are cloned from.

Preferably the repository's own examples (``examples/**/*.json``, ``*.jsonl``,
``*.yaml``): the synthetic data then has the same mix of fields as real coded
data. While ``examples/`` holds no usable position, a small built-in world
(``benchmarks/templates/builtin.json``) is used instead.

A template is kept only when it is valid against ``schema/record.schema.json``
and every record it refers to is itself a kept template: the clones must be
valid data. Files whose path names them as invalid examples are skipped.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import jsonschema_rs
import orjson
import yaml
from references import covers_every_reference, referenced_ids

BENCHMARKS_DIR: Final = Path(__file__).resolve().parent
REPO_ROOT: Final = BENCHMARKS_DIR.parent
BUILTIN_TEMPLATES: Final = BENCHMARKS_DIR / "templates" / "builtin.json"
RECORD_SCHEMA: Final = REPO_ROOT / "schema" / "record.schema.json"

ENTITY_TYPES: Final = ("actor", "territory", "source", "proposal")
_NEGATIVE_DIR_NAMES: Final = frozenset({"invalid", "negative", "bad", "fail", "failing"})
_SUFFIXES: Final = frozenset({".json", ".jsonl", ".yaml", ".yml"})

Key = tuple[int, str]
"""A template's identity: the index of the file it came from, and its id there."""


@dataclass(slots=True)
class Template:
    """One example record, and what each id it refers to resolves to."""

    key: Key
    type: str
    record: bytes
    targets: dict[str, Key] = field(default_factory=dict)


@dataclass(slots=True)
class TemplateSet:
    """The usable templates, by record type, and where they came from."""

    origin: list[str]
    by_type: dict[str, list[Template]]
    digest: str
    skipped: int
    _index: dict[Key, Template] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {t.key: t for ts in self.by_type.values() for t in ts}

    def get(self, key: Key) -> Template:
        """The template with this key."""
        return self._index[key]


def _records_in(path: Path) -> Iterator[dict[str, Any]]:
    text = path.read_bytes()
    if path.suffix == ".jsonl":
        documents: list[Any] = [orjson.loads(line) for line in text.splitlines() if line.strip()]
    elif path.suffix in (".yaml", ".yml"):
        documents = [yaml.safe_load(text)]
    else:
        documents = [orjson.loads(text)]
    for document in documents:
        if not isinstance(document, dict):
            continue
        if document.get("type") == "dataset":
            for plural in ("actors", "territories", "sources", "proposals", "positions"):
                yield from document.get(plural) or []
        else:
            yield document


def _example_files(examples: Path) -> list[Path]:
    if not examples.is_dir():
        return []
    return sorted(
        p
        for p in examples.rglob("*")
        if p.suffix in _SUFFIXES
        and p.is_file()
        and not _NEGATIVE_DIR_NAMES.intersection(part.lower() for part in p.parts)
    )


def _load_raw(files: list[Path]) -> list[tuple[int, dict[str, Any]]]:
    validator = jsonschema_rs.validator_for(orjson.loads(RECORD_SCHEMA.read_bytes()))
    raw: list[tuple[int, dict[str, Any]]] = []
    for index, path in enumerate(files):
        try:
            records = list(_records_in(path))
        except (orjson.JSONDecodeError, yaml.YAMLError, UnicodeDecodeError):
            continue
        raw.extend(
            (index, r)
            for r in records
            if isinstance(r, dict)
            and r.get("type") != "dataset"
            and validator.is_valid(r)
            and covers_every_reference(r)
        )
    return raw


def _resolve(
    raw: list[tuple[int, dict[str, Any]]], files: list[Path]
) -> tuple[dict[Key, Template], int]:
    """Resolve each reference in the same file first, then the same folder, then anywhere."""
    templates = {
        (index, str(r["id"])): Template((index, str(r["id"])), str(r["type"]), orjson.dumps(r))
        for index, r in raw
    }
    by_id: dict[str, list[Key]] = {}
    for key in templates:
        by_id.setdefault(key[1], []).append(key)

    def lookup(index: int, ref: str) -> Key | None:
        candidates = by_id.get(ref, [])
        for key in candidates:
            if key[0] == index:
                return key
        for key in candidates:
            if files[key[0]].parent == files[index].parent:
                return key
        return candidates[0] if candidates else None

    unresolved: set[Key] = set()
    for (index, _), template in templates.items():
        for ref in referenced_ids(orjson.loads(template.record)):
            target = lookup(index, ref)
            if target is None:
                unresolved.add(template.key)
            else:
                template.targets[ref] = target
    dropped = len(unresolved)
    # A template that refers to a dropped one must go too, until nothing changes.
    while unresolved:
        for key in unresolved:
            templates.pop(key, None)
        unresolved = {
            t.key for t in templates.values() if any(k not in templates for k in t.targets.values())
        }
        dropped += len(unresolved)
    return templates, dropped


def load_templates(examples: Path | None = None, explicit: list[Path] | None = None) -> TemplateSet:
    """The templates: from ``explicit`` files if given, else from the examples folder when
    it holds at least one usable position, else the built-in world."""
    candidates = (
        [explicit]
        if explicit
        else [_example_files(examples or REPO_ROOT / "examples"), [BUILTIN_TEMPLATES]]
    )
    for files in candidates:
        templates, skipped = _resolve(_load_raw(files), files)
        by_type: dict[str, list[Template]] = {t: [] for t in (*ENTITY_TYPES, "position")}
        for template in templates.values():
            by_type[template.type].append(template)
        if by_type["position"]:
            digest = hashlib.sha256()
            for template in sorted(templates.values(), key=lambda t: t.key):
                digest.update(template.record)
            origin = [
                str(p.relative_to(REPO_ROOT)) if p.is_relative_to(REPO_ROOT) else str(p)
                for p in files
            ]
            return TemplateSet(origin, by_type, digest.hexdigest()[:16], skipped)
    raise SystemExit("no usable position template found (examples/ and built-in templates)")
