"""``dipos merge``: combine datasets from different contributors into one file."""

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ._common import EXIT_INVALID, EXIT_OK, fail


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``merge`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "merge",
        help="combine datasets from different contributors into one dataset",
        description=(
            "Merge datasets (each a file or a directory, valid by itself except for "
            "references to records of the other inputs) into one. Actors, "
            "territories and sources that are the same thing (same Wikidata item, ISO code, "
            "source URL or text_sha256) become one record under the smallest of their ids; "
            "references are rewritten; the other ids are kept in the record's extensions "
            "under dipos:merged_ids and the inputs it came from under dipos:provenance. "
            "Records that share an id, or are the same thing, but differ in a property are "
            "conflicts: nothing is written and the command exits 1. Merging is independent "
            "of the order of the inputs, and merging the result again with any input gives "
            "the result back. The merged dataset is validated (every rule, references "
            "across the inputs included) before it is written, and written whole or not "
            "at all."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="DATASET", help="a file or a directory")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="the merged dataset: a .json file (one dataset object) or .jsonl (a record a line)",
    )
    parser.set_defaults(handler=run)


def _fail(message: str) -> int:
    return fail("merge", message)


def run(args: argparse.Namespace) -> int:
    """Run ``dipos merge``."""
    from ..merge import WRITABLE, dataset_bytes, merge, write_atomic
    from ..validator.findings import ValidationReport
    from ..validator.read.inputs import InputError
    from ..validator.report.text import render_text

    output: Path = args.output
    if output.suffix.lower() not in WRITABLE:
        return _fail(f"the output must end in {' or '.join(WRITABLE)}: {output}")
    try:
        outcome = merge(args.inputs)
    except InputError as error:
        return _fail(str(error))
    for label, report in outcome.invalid.items():
        sys.stdout.write(render_text(report, False))
        print(f"{label}: not valid by itself, not merged (run `dipos validate {label}`)")
    if outcome.invalid:
        return EXIT_INVALID
    for conflict in outcome.conflicts:
        print(f"conflict: {conflict.message()}")
    if outcome.conflicts:
        print(
            f"{len(outcome.conflicts)} conflict(s): nothing written. Make the records agree, "
            "or give records that are different things different ids."
        )
        return EXIT_INVALID
    assert outcome.output is not None
    if not outcome.output.ok:
        # Findings of the merged dataset, which exists only in memory: name it by the file
        # it would have been.
        shown = [replace(f, file=f"{output} (not written)") for f in outcome.output.findings]
        sys.stdout.write(render_text(ValidationReport(shown), False))
        print(
            f"the merged dataset is not valid ({len(outcome.output.errors)} error(s)): "
            "nothing written. A reference no input resolves needs the input that holds "
            "the record it names."
        )
        return EXIT_INVALID
    try:
        write_atomic(output, dataset_bytes(outcome.dataset, output.suffix.lower()))
    except OSError as error:
        return _fail(f"cannot write {output}: {error.strerror or error}")
    counts = {
        name: len(outcome.dataset.get(name) or ())
        for name in ("actors", "territories", "sources", "proposals", "positions")
    }
    written = ", ".join(f"{count} {name}" for name, count in counts.items())
    print(f"wrote {output}: {written}; {len(outcome.renamed)} id(s) merged into others")
    return EXIT_OK
