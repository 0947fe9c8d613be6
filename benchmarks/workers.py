"""Measurement workers, each run in a fresh process by ``measure.py``.

    python benchmarks/workers.py parse FILE
    python benchmarks/workers.py jsonschema FILE [--sample N]
    python benchmarks/workers.py jsonschema-rs FILE [--sample N]
    python benchmarks/workers.py pydantic FILE [--sample N]

Each reads the JSON Lines file line by line (never the whole file at once),
parses every line with orjson, and, for the two schema engines, validates the
record against the part of ``schema/record.schema.json`` that its ``type``
selects (the validator of each type is compiled once, before timing starts).
Parsing is included in the engines' times: a validator has to parse too.
``pydantic`` validates each parsed record with the dipos model of its type
(``model_validate``), as a validator built on the models would.

With ``--sample N``, only one line in ``ceil(lines / N)`` is parsed and
validated, so that the sample keeps the file's mix of record types; the rate is
then over the sampled records only, timed one by one. Prints one JSON object.
"""

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Final

import orjson

REPO_ROOT: Final = Path(__file__).resolve().parent.parent
RECORD_SCHEMA: Final = REPO_ROOT / "schema" / "record.schema.json"
RECORD_TYPES: Final = ("actor", "territory", "source", "proposal", "position", "dataset")

Check = Callable[[Any], bool]


def per_type_schemas() -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """The schema of each record type (its ``$defs`` entry, with all ``$defs`` beside
    it so references resolve), and the whole record schema for anything else."""
    whole: dict[str, Any] = orjson.loads(RECORD_SCHEMA.read_bytes())
    schemas = {
        kind: {
            "$schema": whole["$schema"],
            "$defs": whole["$defs"],
            "$ref": f"#/$defs/{kind.capitalize()}",
        }
        for kind in RECORD_TYPES
    }
    return schemas, whole


def _checks(engine: str) -> tuple[dict[str, Check], Check]:
    schemas, whole = per_type_schemas()
    if engine == "pydantic":
        from pydantic import ValidationError

        from dipos.model import RECORD_TYPES as MODELS

        def model_check(model: Any) -> Check:
            def check(record: Any) -> bool:
                try:
                    model.model_validate(record)
                except ValidationError:
                    return False
                return True

            return check

        return {k: model_check(m) for k, m in MODELS.items()}, model_check(MODELS["dataset"])
    if engine == "jsonschema":
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped,unused-ignore]

        by_type: dict[str, Check] = {
            k: Draft202012Validator(s).is_valid for k, s in schemas.items()
        }
        return by_type, Draft202012Validator(whole).is_valid
    import jsonschema_rs

    by_type = {k: jsonschema_rs.validator_for(s).is_valid for k, s in schemas.items()}
    return by_type, jsonschema_rs.validator_for(whole).is_valid


def count_lines(path: Path) -> int:
    """The number of lines in the file, read in blocks."""
    lines = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            lines += block.count(b"\n")
    return lines


def run(engine: str, path: Path, sample: int | None) -> dict[str, Any]:
    """Measure one engine on one file; the result as a JSON-ready dict."""
    setup_started = time.perf_counter()
    by_type, fallback = _checks(engine) if engine != "parse" else ({}, lambda _: True)
    setup = time.perf_counter() - setup_started
    total_lines = count_lines(path) if sample else 0
    stride = max(1, math.ceil(total_lines / sample)) if sample else 1
    records = positions = invalid = 0
    timed = 0.0
    started = time.perf_counter()
    with path.open("rb") as handle:
        if stride == 1:
            for line in handle:
                record = orjson.loads(line)
                kind = record.get("type")
                if engine != "parse" and not by_type.get(kind, fallback)(record):
                    invalid += 1
                records += 1
                positions += kind == "position"
            timed = time.perf_counter() - started
        else:
            for index, line in enumerate(handle):
                if index % stride:
                    continue
                one = time.perf_counter()
                record = orjson.loads(line)
                kind = record.get("type")
                if not by_type.get(kind, fallback)(record):
                    invalid += 1
                timed += time.perf_counter() - one
                records += 1
                positions += kind == "position"
    return {
        "engine": engine,
        "records": records,
        "positions": positions,
        "invalid": invalid,
        "stride": stride,
        "seconds": timed,
        "setup_seconds": setup,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="One benchmark measurement.")
    parser.add_argument("engine", choices=("parse", "jsonschema", "jsonschema-rs", "pydantic"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--sample", type=int, help="validate about this many records only")
    args = parser.parse_args(argv)
    print(orjson.dumps(run(args.engine, args.file, args.sample)).decode())
    return 0


if __name__ == "__main__":
    sys.exit(main())
