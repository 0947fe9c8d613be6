"""Find a state or a subdivision by any spelling, and give its codes.

Spellings searched, best first: ISO codes (``UA``, ``UKR``, ``UA-09``); the ISO
names in English (name, official name, common name) and the names of the
reference list (``verified.csv``: "Lugansk Oblast", "Russia"); then the
translations of ISO 3166-1 and 3166-2 names that pycountry ships ("Ucrania",
"Россия", "Lugansk"). A spelling matches exactly (ignoring case, accents and
punctuation), by whole words ("Россия" in "Федератсияи Россия") or by word
beginnings ("Donetsk" for "Donetska oblast"); failing all of these, a close
spelling of an English or reference name ("Ukrane").
"""

import difflib
import re
import struct
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from . import by_id

# pycountry's lookups, typed loosely once (its subdivision database has no type hints).
_COUNTRY: Any = pycountry.countries.get
_SUBDIVISION: Any = pycountry.subdivisions.get

EXACT, WORDS, PREFIX, CLOSE = 0, 1, 2, 3
"""How well a spelling matches, best first."""


@dataclass(slots=True)
class Hit:
    """A state or subdivision found, with its codes."""

    code: str
    """ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a subdivision, the record id for
    another record of the reference list."""
    kind: str
    """``country``, ``subdivision``, or ``reference`` for another record of the reference
    list (an organisation, a person, a place without an ISO code)."""
    name: str
    rank: int = CLOSE
    matched: list[str] = field(default_factory=list)
    """The spellings that matched, with their language in brackets."""

    def to_json(self) -> dict[str, Any]:
        """The hit as JSON data: codes, reference ids and Wikidata item when checked."""
        data: dict[str, Any] = {"kind": self.kind, "name": self.name}
        references = by_id()
        if self.kind == "reference":
            record = references[self.code]
            data[str(record["type"])] = self.code
            data["record_kind"] = record["kind"]
            data["wikidata"] = record.get("wikidata")
            data["matched"] = self.matched
            return {k: v for k, v in data.items() if v is not None}
        if self.kind == "country":
            country = _COUNTRY(alpha_2=self.code)
            data["alpha_2"] = country.alpha_2
            data["alpha_3"] = country.alpha_3
            data["official_name"] = getattr(country, "official_name", None)
            actor = f"dipos:actor/{country.alpha_3}"
            data["actor"] = actor if actor in references else None
        else:
            subdivision = _SUBDIVISION(code=self.code)
            data["iso3166_2"] = subdivision.code
            data["type"] = subdivision.type
            data["country"] = subdivision.country_code
            data["parent"] = subdivision.parent_code
        territory = f"dipos:territory/{self.code}"
        data["territory"] = territory if territory in references else None
        wikidata = None
        for record_id in (territory, data.get("actor")):
            found = references.get(record_id or "")
            if found is not None and found.get("wikidata"):
                wikidata = found["wikidata"]
                break
        data["wikidata"] = wikidata
        data["matched"] = self.matched
        return {k: v for k, v in data.items() if v is not None}


def fold(text: str) -> str:
    """A spelling without case, accents and punctuation."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"\w+", plain))


def _rank(query: str, spelling: str) -> int | None:
    if query == spelling:
        return EXACT
    words = spelling.split()
    asked = query.split()
    if all(word in words for word in asked):
        return WORDS
    long_words = [word for word in asked if len(word) >= 3]
    if long_words and all(any(w.startswith(word) for w in words) for word in long_words):
        return PREFIX
    return None


def _english() -> Iterator[tuple[str, str, str, str]]:
    """(code, kind, spelling, language) for the ISO names in English and the reference names."""
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                yield country.alpha_2, "country", name, "en"
    for subdivision in pycountry.subdivisions:
        yield subdivision.code, "subdivision", subdivision.name, "ISO"
    for record in by_id().values():
        code = record.get("iso3166")
        if code:
            kind = "country" if "-" not in code else "subdivision"
        elif not record.get("iso3166_1_alpha3"):  # NATO, a person, the Crimean peninsula
            code, kind = record["id"], "reference"
        else:
            continue  # a state: found as its country
        for name in [record["name"], *record.get("alternative_names", [])]:
            yield code, kind, name, "dipos"


def _mo_strings(path: Path) -> Iterator[tuple[str, str]]:
    """(original, translation) pairs of a gettext .mo file (the format is small and fixed)."""
    data = path.read_bytes()
    if len(data) < 20:
        return
    magic = struct.unpack("<I", data[:4])[0]
    order = "<" if magic == 0x950412DE else ">"
    count, originals, translations = struct.unpack(order + "3I", data[8:20])
    for index in range(count):
        length, offset = struct.unpack(
            order + "2I", data[originals + 8 * index : originals + 8 * index + 8]
        )
        t_length, t_offset = struct.unpack(
            order + "2I", data[translations + 8 * index : translations + 8 * index + 8]
        )
        original = data[offset : offset + length].decode("utf-8", "replace")
        translation = data[t_offset : t_offset + t_length].decode("utf-8", "replace")
        if original and translation and translation != original:
            yield original, translation


def _translation_region(data: bytes) -> bytes:
    """The part of a .mo file that holds the translations (msgfmt writes them last)."""
    if len(data) < 28:
        return b""
    order = "<" if struct.unpack("<I", data[:4])[0] == 0x950412DE else ">"
    translations = struct.unpack(order + "I", data[16:20])[0]
    first = struct.unpack(order + "I", data[translations + 4 : translations + 8])[0]
    return data[first:]


def _translations(name: str, query: str) -> Iterator[tuple[str, str, str, str]]:
    """(code, kind, translated spelling, language) for translations that may match: a
    catalogue is read only when its translations hold the beginning of a word asked for."""
    words = [w for w in name.split() if len(w) >= 3] or [name.strip()]
    starts = {
        variant.encode("utf-8")
        for word in words
        for variant in (word[:3], word[:3].casefold(), word[:3].title(), word[:3].upper())
    }
    starts |= {word[:3].encode("utf-8") for word in query.split() if len(word) >= 3}
    names: dict[str, list[tuple[str, str]]] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            country_name = getattr(country, attribute, None)
            if country_name:
                names.setdefault(country_name, []).append((country.alpha_2, "country"))
    subdivision_names: dict[str, list[tuple[str, str]]] = {}
    for subdivision in pycountry.subdivisions:
        subdivision_names.setdefault(subdivision.name, []).append((subdivision.code, "subdivision"))
    locales = Path(pycountry.LOCALES_DIR)
    for domain, by_name in (("iso3166-1", names), ("iso3166-2", subdivision_names)):
        for path in sorted(locales.glob(f"*/LC_MESSAGES/{domain}.mo")):
            try:
                region = _translation_region(path.read_bytes())
            except (OSError, struct.error):
                continue
            if not any(start in region for start in starts):
                continue
            language = path.parent.parent.name
            for original, translation in _mo_strings(path):
                for code, kind in by_name.get(original, ()):
                    yield code, kind, translation, language


@cache
def _english_folded() -> list[tuple[str, str, str, str, str]]:
    """(folded spelling, code, kind, spelling, language) of the English and reference names."""
    return [
        (fold(spelling), code, kind, spelling, lang) for code, kind, spelling, lang in _english()
    ]


def lookup(name: str, limit: int = 10) -> list[Hit]:
    """The states and subdivisions a spelling may name, best match first."""
    query = fold(name)
    if not query:
        return []
    hits: dict[str, Hit] = {}

    def add(code: str, kind: str, rank: int, shown: str) -> None:
        hit = hits.get(code)
        if hit is None:
            hit = hits[code] = Hit(code, kind, _label(code, kind), rank)
        if rank < hit.rank:
            hit.rank, hit.matched = rank, []
        if rank == hit.rank and len(hit.matched) < 5 and shown not in hit.matched:
            hit.matched.append(shown)

    code = name.strip().upper()
    country = _COUNTRY(alpha_2=code) or _COUNTRY(alpha_3=code)
    if country is not None:
        add(country.alpha_2, "country", EXACT, f"{code} (code)")
    if _SUBDIVISION(code=code) is not None:
        add(code, "subdivision", EXACT, f"{code} (code)")
    english = _english_folded()
    for folded, entry_code, kind, spelling, language in english:
        rank = _rank(query, folded)
        if rank is not None:
            add(entry_code, kind, rank, f"{spelling} ({language})")
    if not hits:
        for entry_code, kind, spelling, language in _translations(name, query):
            rank = _rank(query, fold(spelling))
            if rank is not None:
                add(entry_code, kind, rank, f"{spelling} ({language})")
    if not hits:  # a close spelling of an English or reference name ("Ukrane")
        spellings = sorted({folded for folded, *_ in english})
        close = set(difflib.get_close_matches(query, spellings, n=5, cutoff=0.85))
        vocabulary = sorted({word for folded in spellings for word in folded.split()})
        near = [
            set(difflib.get_close_matches(word, vocabulary, n=5, cutoff=0.8))
            for word in query.split()
            if len(word) >= 4
        ]
        for folded, entry_code, kind, spelling, language in english:
            words = set(folded.split())
            if folded in close or (near and all(words & found for found in near)):
                add(entry_code, kind, CLOSE, f"{spelling} ({language})")
    if not hits:
        return []
    best = min(hit.rank for hit in hits.values())
    found = [hit for hit in hits.values() if hit.rank == best]
    order = {"country": 0, "subdivision": 1, "reference": 2}
    found.sort(key=lambda hit: (order[hit.kind], hit.code))
    return found[:limit]


def _label(code: str, kind: str) -> str:
    record = by_id().get(code if kind == "reference" else f"dipos:territory/{code}")
    if record is not None:
        return str(record["name"])
    if kind == "country":
        country = _COUNTRY(alpha_2=code)
        return str(getattr(country, "common_name", None) or country.name)
    return str(_SUBDIVISION(code=code).name)
