"""Building merge inputs from plain records, for the tests."""

from typing import Any

from dipos.merge.combine import Merged, MergeInput, Occurrence, merge_records

VERSION = "0.2"


def given(label: str, *records: dict[str, Any], header: dict[str, Any] | None = None) -> MergeInput:
    """An input of these records (and a dataset header, when given)."""
    result = MergeInput(label)
    for record in records:
        result.records.append(Occurrence(label, f"{label}/data.json", record["type"], record))
    if header is not None:
        result.headers.append(header)
    return result


def from_dataset(label: str, dataset: dict[str, Any]) -> MergeInput:
    """A merged dataset read back as an input."""
    records = [
        record
        for name in ("actors", "territories", "sources", "proposals", "positions")
        for record in dataset.get(name, ())
    ]
    header = {k: v for k, v in dataset.items() if not isinstance(v, list)}
    return given(label, *records, header=header)


def merged(*inputs: MergeInput) -> Merged:
    return merge_records(list(inputs), dipos_version=VERSION)


def actor(record_id: str, name: str = "Russia", **more: Any) -> dict[str, Any]:
    return {"type": "actor", "id": record_id, "name": name, "kind": "state", **more}


def position(record_id: str, *holders: str, **more: Any) -> dict[str, Any]:
    return {
        "type": "position",
        "id": record_id,
        "holders": list(holders),
        "move": "demand",
        "topics": ["ceasefire"],
        "summary": "A demand.",
        "evidence": [{"source": "src-1", "quote": "q", "quote_kind": "direct"}],
        **more,
    }
