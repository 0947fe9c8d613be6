"""Datasets made for the report's tests, and reading the data back out of a report."""

import json
from pathlib import Path
from typing import Any

from dipos.report.page import embedded_data
from dipos.version import SCHEMA_VERSION


def report_data(index: Path) -> dict[str, Any]:
    """The JSON data embedded in a report's page."""
    data: dict[str, Any] = embedded_data(index.read_text(encoding="utf-8"))
    return data


def _position(pid: str, move: str, day: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "position",
        "id": pid,
        "holders": ["actor-a"],
        "move": move,
        "topics": ["ceasefire"],
        "summary": f"A says {move} </script><!-- ({pid}).",
        "stated_on": {"value": day, "basis": "stated"},
        "evidence": [{"source": "src-1", "quote": "a quote", "quote_kind": "direct"}],
        **extra,
    }


def write_invalid_dataset(folder: Path) -> Path:
    """A JSON Lines dataset with one valid position, one with an error (no evidence), one
    with a property the format does not have, and one line that is not JSON."""
    records: list[dict[str, Any]] = [
        {"type": "dataset", "dipos_version": SCHEMA_VERSION, "id": "ds", "title": "Broken"},
        {"type": "actor", "id": "actor-a", "name": "Actor A", "kind": "state"},
        {"type": "source", "id": "src-1", "kind": "news_report", "title": "A report"},
        _position("pos-ok", "demand", "2025-01-10"),
        {**_position("pos-bad", "offer", "2025-02-10"), "evidence": []},
        _position("pos-future", "refusal", "2025-03-10", future_field={"note": "kept"}),
    ]
    lines = [json.dumps(r) for r in records]
    lines.insert(3, '{"type": "position", "id": "pos-broken-line", ')
    path = folder / "broken.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
