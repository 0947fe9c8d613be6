"""``dipos lookup``: find a state or subdivision by any spelling and print its codes.

Exit codes: 0 something found; 1 nothing found; 2 bad usage.
"""

import argparse
import json
import sys
from typing import Any

EXIT_OK = 0
EXIT_NOT_FOUND = 1

_EPILOG = """\
examples:
  dipos lookup Russia
  dipos lookup Ucrania
  dipos lookup Lugansk --format json
  dipos lookup UA-14

exit codes:
  0  found
  1  nothing found
  2  bad usage
"""


def register(subcommands: "argparse._SubParsersAction[Any]") -> None:
    """Add ``lookup`` to the ``dipos`` subcommands."""
    parser = subcommands.add_parser(
        "lookup",
        help="find a state or subdivision by any spelling and print its codes and dipos ids",
        description=(
            "Find a state or a subdivision (an oblast, a province), or another record of the "
            "dipos reference list (NATO, the EU...), by a code or a name in any "
            "spelling or language that pycountry knows (ISO names, official and common names, "
            "their translations, and the names of the dipos reference list), and print its ISO "
            "3166 codes, the id of its record in the dipos reference list (which a dataset may "
            "use without defining it) and its Wikidata item when the project has checked it."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("name", nargs="+", metavar="NAME", help="a name or code to look up")
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    parser.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Run ``dipos lookup``."""
    from ..reference.lookup import lookup  # pycountry's databases: loaded only here

    name = " ".join(args.name)
    hits = [hit.to_json() for hit in lookup(name)]
    if args.format == "json":
        print(json.dumps(hits, ensure_ascii=False, indent=2))
    elif not hits:
        print(f'dipos lookup: nothing found for "{name}"', file=sys.stderr)
    for hit in hits if args.format == "text" else ():
        print(_text(hit))
    return EXIT_OK if hits else EXIT_NOT_FOUND


def _text(hit: dict[str, Any]) -> str:
    lines = [hit["name"]]
    if hit["kind"] == "reference":
        for key in ("actor", "territory"):
            if key in hit:
                lines.append(f"  {key} id: {hit[key]} ({hit['record_kind']})")
        if "wikidata" in hit:
            lines.append(f"  Wikidata: {hit['wikidata']}")
        lines.append(f"  matched: {', '.join(hit['matched'])}")
        return "\n".join(lines)
    if hit["kind"] == "country":
        lines.append(f"  ISO 3166-1: {hit['alpha_2']} / {hit['alpha_3']}")
    else:
        lines.append(f"  ISO 3166-2: {hit['iso3166_2']} ({hit['type']}, in {hit['country']})")
    for key, label in (
        ("actor", "actor id"),
        ("territory", "territory id"),
        ("wikidata", "Wikidata"),
    ):
        if key in hit:
            lines.append(f"  {label}: {hit[key]}")
    if not ("actor" in hit or "territory" in hit):
        lines.append("  not in the dipos reference list: define a territory record with this code")
    lines.append(f"  matched: {', '.join(hit['matched'])}")
    return "\n".join(lines)
