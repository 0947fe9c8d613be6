"""Shared helpers of the table tests: the files of the round trip, and their records."""

from pathlib import Path
from typing import Any

from dipos.tables.layout import dataset_record_lists
from dipos.tables.reading import iter_records

REPO = Path(__file__).resolve().parents[2]

ROUND_TRIP_FILES: list[Path] = sorted(
    [
        *(REPO / "tests" / "fixtures" / "schema" / "valid").glob("*.json"),
        *(
            p
            for p in (REPO / "tests" / "fixtures" / "validate" / "valid").rglob("*")
            if p.suffix in (".json", ".jsonl", ".yaml", ".yml")
        ),
        *(
            p
            for p in (REPO / "examples").rglob("*")
            if p.suffix in (".json", ".jsonl", ".yaml", ".yml")
        ),
    ]
)
"""Every example and every positive fixture, one file each."""

TYPE_ORDER = ("dataset", "actor", "territory", "source", "proposal", "position")


def records_of(*paths: Path) -> list[dict[str, Any]]:
    """The records of files as the tables hold them: a dataset's own properties as one
    record, its record lists as records of their own, in the main tables' order."""
    lists = dataset_record_lists()
    found: list[dict[str, Any]] = []
    for record in iter_records(list(paths)):
        if record.get("type") == "dataset":
            found.append({k: v for k, v in record.items() if k not in lists})
            for key in lists:
                found.extend(record.get(key) or [])
        else:
            found.append(record)
    return sorted(found, key=lambda r: TYPE_ORDER.index(r["type"]))


def file_id(path: Path) -> str:
    return str(path.relative_to(REPO))
