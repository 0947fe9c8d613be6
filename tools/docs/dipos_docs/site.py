"""Put the generated pages together: what the mkdocs hooks add to the site.

``generate_site(root)`` reads the repository at ``root`` (``schema/``,
``examples/``, the installed validator and command line) and returns every
generated page, the example pages' navigation, and the files to publish as
they are (the schema files at the paths of their ``$id``, the example files).
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Final

from dipos.validator.catalogue import RULES

from . import (
    api_reference,
    cli_reference,
    codelists_page,
    examples_pages,
    rules_page,
    schema_reference,
    timeline,
)
from . import markdown as md
from .codelist_data import Usage, codelist_usage, load_codelists
from .records import RecordIndex, load_examples
from .schema_examples import harvest
from .schema_model import load_definitions

NavEntry = dict[str, Any]


@dataclass(frozen=True, slots=True)
class GeneratedPage:
    """A page made at build time: its path in the docs folder and its Markdown."""

    path: str
    markdown: str


@dataclass(slots=True)
class GeneratedSite:
    """Everything generated for one build."""

    pages: list[GeneratedPage] = field(default_factory=list)
    example_nav: list[NavEntry] = field(default_factory=list)
    assets: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    index: RecordIndex = field(default_factory=RecordIndex)
    page_of: dict[str, str] = field(default_factory=dict)


ARCHIVE_FOLDER: Final = "archive"
"""The folder of ``schema/`` that keeps the published files of earlier schema versions,
one folder per version (``schema/archive/0.1/``), frozen as they were released."""


def published_schema_files(root: Path, site_url: str) -> dict[str, Path]:
    """Where in the site each schema file and codelist is served, so that each schema's
    ``$id`` resolves once the site is published: the path of its ``$id`` below
    ``site_url``. The JSON-LD context goes beside the schemas, codelists in a
    ``codelists/`` folder beside them."""
    return _published(root / "schema", site_url)


def archived_schema_files(root: Path, site_url: str) -> dict[str, Path]:
    """The schema files and codelists of earlier versions (``schema/archive/<version>/``),
    served at the paths of their own ``$id``, so that data declaring an earlier version
    can still be checked against the schema it was written for."""
    published: dict[str, Path] = {}
    archive = root / "schema" / ARCHIVE_FOLDER
    if archive.is_dir():
        for folder in sorted(p for p in archive.iterdir() if p.is_dir()):
            published.update(_published(folder, site_url))
    return published


def _published(directory: Path, site_url: str) -> dict[str, Path]:
    published: dict[str, Path] = {}
    base = site_url if site_url.endswith("/") else site_url + "/"
    folders = set()
    for path in sorted(directory.glob("*.json")):
        schema_id = json.loads(path.read_text(encoding="utf-8")).get("$id", "")
        if not isinstance(schema_id, str) or not schema_id.startswith(base):
            raise ValueError(f"{path.name}: $id {schema_id!r} is not under site_url {base!r}")
        relative = schema_id.removeprefix(base)
        published[relative] = path
        folders.add(str(PurePosixPath(relative).parent))
    for folder in sorted(folders):
        # The JSON-LD context is served beside the schema whose terms it maps.
        for context_path in sorted(directory.glob("*.jsonld")):
            published[f"{folder}/{context_path.name}"] = context_path
        for csv_path in sorted((directory / "codelists").glob("*.csv")):
            published[f"{folder}/codelists/{csv_path.name}"] = csv_path
    return published


def schema_folder(published: dict[str, Path]) -> str:
    """The site folder the schema files are served from (``schema/0.1``)."""
    folders = sorted({str(PurePosixPath(p).parent) for p in published if p.endswith(".json")})
    return folders[0] if folders else "schema"


def _codelist_specs() -> tuple[dict[str, str], dict[str, bool], dict[str, tuple[str, ...]]]:
    """Titles, closedness and users of the codelists, as the package declares them."""
    try:
        from dipos.codelists import SPECS
    except ImportError:  # the docs still build from the CSV files alone
        return {}, {}, {}
    return (
        {spec.name: spec.title for spec in SPECS},
        {spec.name: spec.closed for spec in SPECS},
        {spec.name: spec.used_by for spec in SPECS},
    )


def _build_parser() -> Any:
    from dipos.cli import build_parser

    return build_parser()


def generate_pages(root: Path, site_url: str) -> GeneratedSite:
    """Every generated page of the site, from the repository at ``root``."""
    site = GeneratedSite()
    published = published_schema_files(root, site_url)
    site.assets.update(published)
    site.assets.update(archived_schema_files(root, site_url))
    folder = schema_folder(published)

    definitions = load_definitions(root / "schema")
    codelists = load_codelists(root / "schema" / "codelists")
    index = load_examples(root / "examples")
    site.index = index
    site.problems.extend(f"examples/{p}" for p in index.problems)

    found = harvest(definitions, index)
    site.pages.append(
        GeneratedPage(
            "reference/schema.md", schema_reference.render(definitions, codelists, found, folder)
        )
    )
    usage = codelist_usage(definitions, codelists)
    titles, closed, used_by = _codelist_specs()
    for name, users in used_by.items():
        known = {(u.definition, u.property) for u in usage.get(name, [])}
        for user in users:
            definition, _, prop = user.partition(".")
            if (definition, prop) not in known and definition in definitions.definitions:
                usage.setdefault(name, []).append(Usage(definition, prop, closed.get(name, True)))
    site.pages.append(
        GeneratedPage(
            "reference/codelists.md",
            codelists_page.render(codelists, usage, titles, folder, closed),
        )
    )
    site.pages.append(GeneratedPage("rules.md", rules_page.render(RULES)))
    site.pages.append(GeneratedPage("reference/cli.md", cli_reference.render(_build_parser())))
    site.pages.append(GeneratedPage("reference/python-api.md", api_reference.render()))

    pages = examples_pages.plan_pages(index)
    site.page_of = examples_pages.page_of_positions(pages)
    codes = {table.name: table.codes for table in codelists}
    for page in pages:
        site.pages.append(
            GeneratedPage(page.path, examples_pages.render_page(page, index, site.page_of, codes))
        )
    site.pages.append(GeneratedPage("examples/index.md", examples_pages.render_index(pages, index)))
    for example in index.files:
        site.assets[f"examples/{examples_pages.DATA_DIR}/{example.relative}"] = example.path
    groups: dict[str, list[NavEntry]] = {}
    for page in pages:
        groups.setdefault(page.group, []).append({page.nav_title: page.path})
    site.example_nav = [{"Overview": "examples/index.md"}] + [
        {group: entries} for group, entries in groups.items()
    ]
    seeds = [page.file.relative for page in pages if page.group == examples_pages.SEED_GROUP]
    # Invented illustrative positions must not sit beside real ones on the same axis.
    site.pages.append(
        GeneratedPage(timeline.PAGE, timeline.render(index, site.page_of, seeds or None))
    )
    return site


_DIRECTIVE: Final = re.compile(r"^<!-- dipos:record (?P<id>\S+?)(?:: (?P<keys>[^>]*?))? -->$", re.M)


def expand_record_directives(
    markdown: str, page_path: str, site: GeneratedSite
) -> tuple[str, list[str]]:
    """Replace each ``<!-- dipos:record ID -->`` line of a hand-written page with the
    example record of that id, as JSON, and a link to where it is shown.
    ``<!-- dipos:record ID: key, key -->`` shows only those properties (with ``type``
    and ``id``). An id that no example has is a problem: the build fails, so a page
    never cites a record that has gone."""
    problems: list[str] = []

    def replace(match: re.Match[str]) -> str:
        record_id = match.group("id")
        record = site.index.by_id.get(record_id)
        if record is None:
            problems.append(f"{page_path}: no example record with id {record_id!r}")
            return f"**Missing example record `{record_id}`.**"
        shown = record
        if match.group("keys"):
            keys = ["type", "id"] + [k.strip() for k in match.group("keys").split(",")]
            missing = [k for k in keys if k not in record]
            if missing:
                problems.append(f"{page_path}: record {record_id!r} has no {', '.join(missing)}")
            shown = {k: record[k] for k in keys if k in record}
        partial = "Some properties left out. " if len(shown) < len(record) else ""
        file = site.index.file_of.get(record_id, "")
        data = f"examples/{examples_pages.DATA_DIR}/{file}"
        where = (
            f"{partial}From [`examples/{file}`]({examples_pages.relative_link(page_path, data)})"
        )
        page = site.page_of.get(record_id)
        if page:
            target = examples_pages.relative_link(page_path, page, md.anchor(record_id))
            where += f", shown [on its example page]({target})"
        return md.json_block(shown) + f"\n<small>{where}.</small>\n"

    return _DIRECTIVE.sub(replace, markdown), problems
