"""The shared actors and territories ``dipos template --with-reference`` fills in.

The project's reference list (``dipos.reference``, states and territories with their
codes) when this install has it; otherwise the shared records of the examples
(``examples/seeds/common.json``), found beside the package in a clone of the repository.
"""

import json
from pathlib import Path
from typing import Any

COMMON = Path(__file__).resolve().parents[3] / "examples" / "seeds" / "common.json"


class NoReference(Exception):  # noqa: N818 - says what is missing
    """No list of shared records is available in this install."""


def shared_records() -> tuple[list[dict[str, Any]], str]:
    """The actor and territory records to pre-fill, and where they come from."""
    try:
        from .. import reference  # type: ignore[attr-defined, unused-ignore]

        data: dict[str, Any] = reference.load()
        origin = "the dipos reference list"
    except (ImportError, AttributeError, OSError, ValueError):
        if not COMMON.is_file():
            raise NoReference(
                "no reference list in this install (neither dipos.reference nor "
                "examples/seeds/common.json)"
            ) from None
        data = json.loads(COMMON.read_text(encoding="utf-8"))
        origin = "the shared records of the examples (examples/seeds/common.json)"
    records = [
        record
        for key in ("actors", "territories")
        for record in data.get(key, [])
        if isinstance(record, dict)
    ]
    return records, origin
