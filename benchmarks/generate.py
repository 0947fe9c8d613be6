"""Generate a synthetic dipos dataset in JSON Lines, for the benchmarks.

    python benchmarks/generate.py --positions 100000 [--seed 1] [--out FILE]

The file holds a ``dataset`` header line, then actors, territories, sources and
proposals, then the positions. Every record is a clone of an example record
(see ``templates.py``) under a fresh id, so the mix of fields is the examples'
mix; every reference points at a clone of the record the example referred to,
so references resolve and related records stay consistent (a speaker and the
actor they represent come from the same clone group).

How many of each record there are follows a news stream: a few thousand actors
and territories whatever the size, one source for about three positions, a
proposal group per 10,000 positions. Positions that link to, reaffirm or answer
another position point at the latest earlier clone of the example they referred
to; the first positions are one clone of each example, in dependency order, so
that such a clone always exists.

The output is written line by line (memory does not grow with the size) and is
the same for the same seed and templates. A ``.meta.json`` file beside it
records the counts per type and how it was made.
"""

import argparse
import math
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Final

import orjson
from references import rewrite_references
from templates import BENCHMARKS_DIR, ENTITY_TYPES, Key, Template, TemplateSet, load_templates

GENERATOR_VERSION: Final = "2"
"""Changed whenever the same seed would give other bytes (2: the actors and sources of
evidence reporting chains are rewritten to clones too, so that they resolve)."""
DATA_DIR: Final = BENCHMARKS_DIR / "data"

POSITIONS_PER_ACTOR_GROUP: Final = 2000
POSITIONS_PER_TERRITORY_GROUP: Final = 5000
POSITIONS_PER_SOURCE: Final = 3
POSITIONS_PER_PROPOSAL_GROUP: Final = 10000
MAX_ID_LENGTH: Final = 200


@dataclass(frozen=True, slots=True)
class Plan:
    """How many clones of each example entity: one per group."""

    positions: int
    actor_groups: int
    territory_groups: int
    source_groups: int
    proposal_groups: int

    @classmethod
    def for_size(cls, positions: int, templates: TemplateSet) -> "Plan":
        sources = max(1, len(templates.by_type["source"]))
        return cls(
            positions=positions,
            actor_groups=math.ceil(max(1, positions) / POSITIONS_PER_ACTOR_GROUP),
            territory_groups=math.ceil(max(1, positions) / POSITIONS_PER_TERRITORY_GROUP),
            source_groups=math.ceil(max(1, positions) / (POSITIONS_PER_SOURCE * sources)),
            proposal_groups=math.ceil(max(1, positions) / POSITIONS_PER_PROPOSAL_GROUP),
        )


def clone_id(key: Key, clone: int) -> str:
    """A fresh id: the example's id, then the example file's index and the clone number.

    Unique, because the part after the last ``/`` holds no ``/`` and the examples'
    own ids (per file) are unique.
    """
    suffix = f"/{key[0]}.{clone}"
    return key[1][: MAX_ID_LENGTH - len(suffix)] + suffix


def dependency_order(positions: list[Template]) -> list[Template]:
    """Positions ordered so that those referred to come first (cycles broken as found)."""
    keys = {t.key for t in positions}
    ordered: list[Template] = []
    done: set[Key] = set()
    pending = list(positions)
    while pending:
        ready = [
            t for t in pending if all(k in done or k not in keys for k in t.targets.values())
        ] or pending[:1]
        for template in ready:
            ordered.append(template)
            done.add(template.key)
        pending = [t for t in pending if t.key not in done]
    return ordered


class Generator:
    """Yields the records of one synthetic dataset, one at a time."""

    def __init__(self, templates: TemplateSet, plan: Plan, seed: int) -> None:
        self.templates = templates
        self.plan = plan
        self.random = random.Random(seed)
        self.latest_clone: dict[Key, str] = {}

    def _clone(self, template: Template, groups: dict[str, int]) -> dict[str, Any]:
        """A copy of the template whose references point into the given clone groups."""
        record: dict[str, Any] = orjson.loads(template.record)

        def new_id(old: str) -> str | None:
            key = template.targets[old]
            kind = self.templates.get(key).type
            if kind == "position":
                return self.latest_clone.get(key)
            return clone_id(key, groups[kind])

        rewrite_references(record, new_id)
        return record

    def _entities(self, kind: str, count: int) -> Iterator[dict[str, Any]]:
        plan = self.plan
        for group in range(count):
            groups = {
                "actor": group % plan.actor_groups,
                "territory": group % plan.territory_groups,
                "source": group % plan.source_groups,
                "proposal": group % plan.proposal_groups,
            }
            for template in self.templates.by_type[kind]:
                record = self._clone(template, groups)
                record["id"] = clone_id(template.key, group)
                yield record

    def header(self, seed: int) -> dict[str, Any]:
        return {
            "type": "dataset",
            "dipos_version": "0.2",
            "id": f"synthetic-{self.plan.positions}-seed{seed}",
            "title": f"Synthetic benchmark dataset: {self.plan.positions} positions",
            "description": (
                "Generated by benchmarks/generate.py from example records, for performance "
                "measurement only. Not real data."
            ),
        }

    def records(self, seed: int) -> Iterator[dict[str, Any]]:
        plan = self.plan
        yield self.header(seed)
        counts = {
            "actor": plan.actor_groups,
            "territory": plan.territory_groups,
            "source": plan.source_groups,
            "proposal": plan.proposal_groups,
        }
        for kind in ENTITY_TYPES:
            yield from self._entities(kind, counts[kind])
        examples = self.templates.by_type["position"]
        warm_up = dependency_order(examples)
        for index in range(plan.positions):
            template = warm_up[index] if index < len(warm_up) else self.random.choice(examples)
            groups = {
                "actor": self.random.randrange(plan.actor_groups),
                "territory": self.random.randrange(plan.territory_groups),
                # Consecutive positions share sources, as positions from one article do.
                "source": index * plan.source_groups // max(1, plan.positions),
                "proposal": self.random.randrange(plan.proposal_groups),
            }
            record = self._clone(template, groups)
            record["id"] = clone_id(template.key, index)
            self.latest_clone[template.key] = record["id"]
            yield record


def default_output(positions: int, seed: int) -> Path:
    """Where a dataset of this size goes unless told otherwise (git-ignored)."""
    return DATA_DIR / f"positions-{positions}-seed{seed}.jsonl"


def meta_path(output: Path) -> Path:
    """The file describing a generated dataset."""
    return output.with_suffix(".meta.json")


def generate(
    positions: int, seed: int, output: Path, templates: TemplateSet | None = None
) -> dict[str, Any]:
    """Write the dataset to ``output`` (atomically) and its description beside it;
    return the description."""
    templates = templates or load_templates()
    plan = Plan.for_size(positions, templates)
    generator = Generator(templates, plan, seed)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    counts: dict[str, int] = {}
    started = time.perf_counter()
    with partial.open("wb", buffering=1 << 20) as out:
        for record in generator.records(seed):
            counts[record["type"]] = counts.get(record["type"], 0) + 1
            out.write(orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE))
    partial.replace(output)
    meta = {
        "generator_version": GENERATOR_VERSION,
        "positions": positions,
        "seed": seed,
        "records": sum(counts.values()),
        "records_by_type": counts,
        "bytes": output.stat().st_size,
        "templates": {
            "origin": templates.origin,
            "digest": templates.digest,
            "skipped": templates.skipped,
            "by_type": {kind: len(ts) for kind, ts in templates.by_type.items()},
        },
        "plan": asdict(plan),
        "seconds": round(time.perf_counter() - started, 3),
    }
    meta_path(output).write_bytes(orjson.dumps(meta, option=orjson.OPT_INDENT_2))
    return meta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--positions", type=int, required=True, help="number of positions")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, help="output file (default benchmarks/data/...)")
    parser.add_argument(
        "--templates",
        type=Path,
        nargs="+",
        help="files to clone records from (default: examples/, else the built-in world)",
    )
    args = parser.parse_args(argv)
    if args.positions < 0:
        parser.error("--positions must be 0 or more")
    output = args.out or default_output(args.positions, args.seed)
    meta = generate(args.positions, args.seed, output, load_templates(explicit=args.templates))
    print(
        f"{output}: {meta['records']} records ({meta['records_by_type']}) in {meta['seconds']} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
