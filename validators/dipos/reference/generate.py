"""Build ``reference.json`` from pycountry and the hand-checked tables beside it.

Run ``python -m dipos.reference.generate`` to rewrite the file, ``--check`` to fail
(exit 1) when it is not what the tables and the installed pycountry give. The
tables: ``verified.csv`` (the records checked by hand, and the only Wikidata QIDs
given; its ``checked`` column says how each was checked) and ``non_members.csv``
(the ISO 3166-1 entries that are not member states of the United Nations).
"""

import csv
import json
import sys
from collections.abc import Sequence
from importlib import resources
from typing import Any

import pycountry

from ..version import SCHEMA_VERSION
from . import reference_path


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def verified() -> list[dict[str, str]]:
    """The rows of ``verified.csv``."""
    return _table("verified.csv")


def non_members() -> set[str]:
    """The alpha-2 codes of ISO 3166-1 entries that are not UN member states."""
    return {row["alpha_2"] for row in _table("non_members.csv")}


def _names(country: Any) -> tuple[str, list[str]]:
    """A state's usual name, and its other ISO names."""
    name = getattr(country, "common_name", None) or country.name
    others = [country.name, getattr(country, "official_name", None)]
    return name, [n for n in dict.fromkeys(others) if n and n != name]


def _apply(record: dict[str, Any], row: dict[str, str]) -> dict[str, Any]:
    """A record with the hand-checked values of its row."""
    record = {**record, "name": row["name"], "kind": row["kind"]}
    names = [n for n in row["alternative_names"].split("|") if n]
    names += record.get("alternative_names", [])
    names = [n for n in dict.fromkeys(names) if n != record["name"]]
    if names:
        record["alternative_names"] = names
    for key in ("iso3166", "iso3166_1_alpha3", "wikidata", "part_of"):
        if row[key]:
            record[key] = row[key]
    return _ordered(record)


_ORDER = (
    "type",
    "id",
    "name",
    "alternative_names",
    "kind",
    "iso3166",
    "iso3166_1_alpha3",
    "wikidata",
    "part_of",
    "description",
)


def _ordered(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record[key] for key in _ORDER if key in record}


def build() -> dict[str, Any]:
    """The reference dataset."""
    rows = {row["id"]: row for row in verified()}
    outside = non_members()
    actors: list[dict[str, Any]] = []
    territories: list[dict[str, Any]] = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name, others = _names(country)
        member = country.alpha_2 not in outside
        territory: dict[str, Any] = {
            "type": "territory",
            "id": f"dipos:territory/{country.alpha_2}",
            "name": name,
            "kind": "country" if member else "other",
            "iso3166": country.alpha_2,
        }
        if others:
            territory["alternative_names"] = others
        if not member:
            territory["description"] = (
                "An area with its own ISO 3166-1 code that is not a member state of the "
                "United Nations."
            )
        territories.append(_ordered(territory))
        if member:
            actor: dict[str, Any] = {
                "type": "actor",
                "id": f"dipos:actor/{country.alpha_3}",
                "name": name,
                "kind": "state",
                "iso3166_1_alpha3": country.alpha_3,
            }
            if others:
                actor["alternative_names"] = others
            actors.append(_ordered(actor))
    for records in (actors, territories):
        for index, record in enumerate(records):
            if record["id"] in rows:
                records[index] = _apply(record, rows.pop(record["id"]))
    for row in rows.values():  # the records that are not states or countries
        record = _apply({"type": row["type"], "id": row["id"]}, row)
        (actors if row["type"] == "actor" else territories).append(record)
    return {
        "type": "dataset",
        "dipos_version": SCHEMA_VERSION,
        "id": "dipos:reference",
        "title": "dipos reference identifiers",
        "description": (
            "Actors and territories whose identifiers the dipos project has checked: every "
            "member state of the United Nations as an actor (ISO 3166-1 alpha-3), every ISO "
            "3166-1 entry as a territory (alpha-2), and the regions, organisations and people "
            "of the dipos examples with their ISO 3166-2 codes and Wikidata items. Generated "
            "from pycountry and a hand-checked table; refer to these records by id."
        ),
        "license": "CC0-1.0",
        "actors": actors,
        "territories": territories,
    }


def render() -> str:
    """The text of ``reference.json``."""
    return json.dumps(build(), indent=1, ensure_ascii=False) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``reference.json`` (or, with ``--check``, exit 1 when it is out of date)."""
    args = list(sys.argv[1:] if argv is None else argv)
    path = reference_path()
    text = render()
    if "--check" in args:
        if path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run python -m dipos.reference.generate")
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
