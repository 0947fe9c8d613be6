"""Ids generated from a record's content, for records whose ``id`` is left empty.

The id is a prefix for the record type and the first 12 hexadecimal characters of
the SHA-256 of the record's canonical JSON without its ``id``: keys sorted, no
spaces, UTF-8, whole numbers written without a decimal point (``5.0`` as ``5``, as
a spreadsheet may give either). So the same content always gives the same id, on
any machine, and any change to the record gives another: copy a generated id into
the record once other records or other people refer to it.

    >>> generated_id({"type": "actor", "name": "Northland", "kind": "state"})
    'actor-6ebefddc267d'
"""

import hashlib
import json
from typing import Any, Final

PREFIXES: Final = {
    "actor": "actor-",
    "territory": "terr-",
    "source": "src-",
    "proposal": "prop-",
    "position": "pos-",
}
"""The prefix of a generated id, by record type (the prefixes the examples use)."""

HASH_CHARACTERS: Final = 12
"""Hexadecimal characters of the digest kept: 48 bits, so that two different records
among a million get the same id with a chance of about 1 in 500 (and then the
validator reports `id-duplicate`)."""


def _normal(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {str(k): _normal(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_normal(v) for v in value]
    return value


def canonical_json(record: dict[str, Any]) -> str:
    """The record without ``id``, as canonical JSON text (what the id is a digest of)."""
    content = {k: v for k, v in record.items() if k != "id"}
    return json.dumps(_normal(content), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def generated_id(record: dict[str, Any], record_type: str | None = None) -> str:
    """The id a record gets when its own is left empty: ``pos-`` (``actor-``,
    ``terr-``, ``src-``, ``prop-``) and 12 hexadecimal characters of the SHA-256 of
    :func:`canonical_json`. ``record_type`` defaults to the record's ``type``."""
    kind = record_type or str(record.get("type", ""))
    digest = hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()
    return PREFIXES.get(kind, "rec-") + digest[:HASH_CHARACTERS]


def needs_id(record: dict[str, Any]) -> bool:
    """Whether the record's id was left empty (absent, ``null``, or blank text)."""
    value = record.get("id")
    return value is None or (isinstance(value, str) and not value.strip())


def fill_id(record: dict[str, Any], record_type: str | None = None) -> dict[str, Any]:
    """The record with a generated id when its own is empty (``id`` first, as written
    by hand); the record itself otherwise."""
    if not needs_id(record):
        return record
    content = {k: v for k, v in record.items() if k != "id"}
    kind = record_type or str(content.get("type", ""))
    filled: dict[str, Any] = {}
    if "type" in content:
        filled["type"] = content["type"]
    filled["id"] = generated_id(content, kind)
    filled.update((k, v) for k, v in content.items() if k != "type")
    return filled
