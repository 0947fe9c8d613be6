"""One page per example document: its positions in a table, and how they are linked
(preconditions, exchanges, reaffirmations, responses) in words, with links to the same
positions in the report of the examples, which draws the links as a graph offline."""

from pathlib import PurePosixPath
from typing import Any, Final

from . import markdown as md
from .example_context import (
    ExamplePage,
    PageContext,
    relative_link,
    territory_scopes,
    text_of,
)
from .position_detail import position_section
from .records import ExampleFile, RecordIndex

__all__ = ["ExamplePage", "relative_link"]  # where the other generators import them from
SEED_GROUP: Final = "Seed articles"
DATA_DIR: Final = "data"
"""Where, under the site's ``examples/``, the example files themselves are served."""


def _title(example: ExampleFile) -> str:
    sources = [r for r in example.records if r.get("type") == "source"]
    if len(sources) == 1 and isinstance(sources[0].get("title"), str):
        return str(sources[0]["title"])
    if example.header and isinstance(example.header.get("title"), str):
        return str(example.header["title"])
    return PurePosixPath(example.relative).stem


def plan_pages(index: RecordIndex) -> list[ExamplePage]:
    """A page for every example file that holds positions: the seed articles (files under
    ``seeds/``) first, then the illustrative files."""
    pages = []
    for example in index.files:
        if not any(r.get("type") == "position" for r in example.records):
            continue
        relative = PurePosixPath(example.relative)
        seed = relative.parts[0] == "seeds"
        slug = md.anchor("-".join(relative.with_suffix("").parts[1:] or relative.stem.split()))
        path = f"examples/{slug}.md" if seed else f"examples/illustrative-{slug}.md"
        pages.append(
            ExamplePage(path, _title(example), SEED_GROUP if seed else "Illustrative", example)
        )
    pages.sort(key=lambda p: (p.group != SEED_GROUP, p.file.relative))
    return pages


def page_of_positions(pages: list[ExamplePage]) -> dict[str, str]:
    """The page each position is shown on, by position id."""
    return {
        str(position["id"]): page.path
        for page in pages
        for position in page.positions
        if isinstance(position.get("id"), str)
    }


def _holder_names(position: dict[str, Any], ctx: PageContext) -> str:
    return ctx.names(position.get("holders")) or "—"


def _date_cell(position: dict[str, Any]) -> str:
    stated = position.get("stated_on")
    if not isinstance(stated, dict):
        return "—"
    return f"{md.code(str(stated.get('value', '')))}<br>{md.text(str(stated.get('basis', '')))}"


QUOTE_EXCERPT: Final = 90
"""How many characters of the first quote the table shows; the full quotes are in each
position's section below it."""


def _quote_excerpt(position: dict[str, Any]) -> str:
    evidence = position.get("evidence")
    if not isinstance(evidence, list) or not evidence or not isinstance(evidence[0], dict):
        return ""
    excerpt = f"“{md.text(md.shorten(str(evidence[0].get('quote', '')), QUOTE_EXCERPT))}”"
    if len(evidence) > 1:
        excerpt += f" *(+{len(evidence) - 1} more)*"
    return excerpt


def positions_table(page: ExamplePage, ctx: PageContext) -> str:
    """The overview table of a page's positions; each number links to the position's
    section, whose anchor is the position's id."""
    rows = []
    for position in page.positions:
        position_id = str(position.get("id", ""))
        listed = position.get("topics")
        topics: list[Any] = listed if isinstance(listed, list) else []
        territories = "<br>".join(
            md.text(ctx.index.name_of(t)) for t, _ in territory_scopes(position)
        )
        rows.append(
            [
                f"[**{ctx.number[position_id]}**](#{md.anchor(position_id)})",
                _holder_names(position, ctx),
                ctx.code_link("move", str(position.get("move", ""))),
                ", ".join(ctx.code_link("topic", str(t)) for t in topics),
                territories or "—",
                _date_cell(position),
                _quote_excerpt(position),
            ]
        )
    return md.table(["#", "Holder", "Move", "Topics", "Territories", "Stated on", "Quote"], rows)


def _relations(position: dict[str, Any]) -> list[tuple[str, str, str]]:
    """The position's links as (kind of edge, target id, label)."""
    found = []
    for link in position.get("links") or []:
        if isinstance(link, dict) and isinstance(link.get("target"), str):
            label = str(link.get("relation", ""))
            if link.get("order") and link.get("order") != "unspecified":
                label += f" ({link['order']})"
            edge = "same" if link.get("relation") == "same_as" else "link"
            found.append((edge, link["target"], label))
    for target in position.get("reaffirms") or []:
        if isinstance(target, str):
            found.append(("reaffirms", target, "reaffirms"))
    for response in position.get("responds_to") or []:
        if isinstance(response, dict) and isinstance(response.get("target"), str):
            label = f"responds: {response.get('response', '')}"
            if response.get("points"):
                label += " (points " + ", ".join(str(p) for p in response["points"]) + ")"
            found.append(("response", response["target"], label))
    for reference in position.get("proposal_points") or []:
        if isinstance(reference, dict) and isinstance(reference.get("proposal"), str):
            points = reference.get("points")
            label = "point " + ", ".join(str(p) for p in points) + " of" if points else "part of"
            found.append(("part", reference["proposal"], label))
    return found


REPORT_PAGE: Final = "examples/report/index.html"
"""Where the site serves the report of ``examples/`` (written by tools/docs/hooks.py)."""


def report_link(page_path: str, position_id: str = "") -> str:
    """The URL of the examples' report from a page, opening a position's card when given."""
    fragment = f"p={position_id}" if position_id else ""
    return relative_link(page_path, REPORT_PAGE, fragment)


def links_list(page: ExamplePage, ctx: PageContext) -> str:
    """The links between the page's positions (and the positions and proposals elsewhere
    that they point to), one line each: "P1 — precondition (before) → P3". Words rather
    than a diagram, so that the page reads offline, on a phone and to a screen reader; the
    report draws the same links as a graph. Empty when nothing is linked."""
    lines = []
    for position in page.positions:
        source = ctx.position_ref(str(position.get("id")))
        for _, target, label in _relations(position):
            lines.append(f"- {source} — {md.text(label)} → {ctx.position_ref(target)}")
    return "\n".join(lines) + "\n" if lines else ""


def _source_block(page: ExamplePage, ctx: PageContext) -> str:
    lines = []
    for source in (r for r in page.file.records if r.get("type") == "source"):
        # A document without a headline has no `title`; its description stands in.
        heading = text_of(source, "title") or text_of(source, "description")
        facts = [
            f"**Source** {md.code(text_of(source, 'id'))}"
            + (f": {md.text(heading)}" if heading else "")
        ]
        for key, label in (
            ("kind", "Kind"),
            ("publisher", "Publisher"),
            ("language", "Language"),
            ("original_language", "Statements made in"),
        ):
            if isinstance(source.get(key), str):
                facts.append(f"{label}: {md.code(str(source[key]))}")
        if source.get("quotes_translated") is True:
            facts.append("Quotes are translations")
        published = source.get("published_on")
        if isinstance(published, dict):
            value = md.code(text_of(published, "value"))
            facts.append(f"Published: {value} ({md.text(text_of(published, 'basis'))})")
        via = source.get("reported_via")
        if isinstance(via, list) and via:
            chain = " → ".join(
                md.text(str(step.get("name", ""))) for step in via if isinstance(step, dict)
            )
            facts.append(f"Reported via: {chain}")
        lines.append("- " + "\n  ".join(f"{fact}  " for fact in facts).rstrip())
    return "\n".join(lines) + "\n" if lines else ""


def render_page(
    page: ExamplePage,
    index: RecordIndex,
    page_of: dict[str, str],
    codes: dict[str, frozenset[str]],
) -> str:
    """The Markdown of one example page."""
    ctx = PageContext(page, index, page_of, codes)
    data_link = f"{DATA_DIR}/{page.file.relative}"
    # The table and the sections need the full width: the page's own contents are hidden.
    parts = ["---\nhide:\n  - toc\n---\n", f"# {md.text(page.title)}\n"]
    if page.group != SEED_GROUP:
        parts.append(
            '!!! warning "Invented for illustration"\n'
            "    The actors, sources and positions on this page are fictional. They show"
            " parts of the schema the real articles do not use.\n"
        )
    description = (page.file.header or {}).get("description")
    if isinstance(description, str):
        parts.append(md.text(description) + "\n")
    parts.append(_source_block(page, ctx))
    parts.append(
        f"File: [`examples/{page.file.relative}`]({data_link}) · "
        f"{len(page.positions)} positions. The table gives an overview; each position's "
        "section below it has every detail and the quotes in full. A position's section is "
        "anchored by its id (`#pos-...`).\n"
    )
    parts.append("## Positions\n")
    parts.append(positions_table(page, ctx))
    links = links_list(page, ctx)
    parts.append("\n## Links between positions\n")
    graph = f"[report of the examples]({report_link(page.path)})"
    if links:
        parts.append(
            "Each line reads: the first position has the second as its *precondition*, is "
            "offered *in exchange for* it, is the *consequence if* it is *refused*, "
            "*elaborates*, *reaffirms* or *responds* to it, or is a *point of* a proposal. "
            f"The {graph} draws these links as a graph (its *Links* view), with every "
            "position of the examples, and works offline.\n"
        )
        parts.append(links)
    else:
        parts.append(
            "The positions of this document are not linked to one another; the "
            f"{graph} shows the links between the other examples.\n"
        )
    parts.append("\n## Each position\n")
    page_sources = {text_of(r, "id") for r in page.file.records if r.get("type") == "source"}
    parts.extend(position_section(p, ctx, page_sources) for p in page.positions)
    return "\n".join(parts)


def render_index(pages: list[ExamplePage], index: RecordIndex) -> str:
    """The Markdown of the examples overview page."""
    rows = [
        [
            f"[{md.text(p.title)}]({relative_link('examples/index.md', p.path)})",
            p.group,
            str(len(p.positions)),
            f"[`{p.file.relative}`]({DATA_DIR}/{p.file.relative})",
        ]
        for p in pages
    ]
    others = [
        f"- [`{f.relative}`]({DATA_DIR}/{f.relative}): "
        + ", ".join(
            f"{sum(1 for r in f.records if r.get('type') == kind)} {kind}"
            for kind in ("actor", "territory", "source", "proposal")
            if any(r.get("type") == kind for r in f.records)
        )
        for f in index.files
        if not any(r.get("type") == "position" for r in f.records)
    ]
    total = sum(len(p.positions) for p in pages)
    text = [
        "# Examples\n",
        "The `examples/` folder of the repository is one dipos dataset split over several "
        "files: every record refers to others by id, across files, and `dipos validate "
        "examples/` checks them together. The **seed articles** encode every position taken "
        "in five real news articles; the **illustrative** files are invented, with fictional "
        "actors, to show parts of the schema the articles do not use.\n",
        f"{len(pages)} documents, {total} positions. The [timeline](../timeline.md) shows "
        "them all on one time axis. The [report of the examples]"
        f"({report_link('examples/index.md')}) (what `dipos report examples/` writes) shows "
        "them as a matrix of who wants what, each actor's positions over time, the links "
        "between them as a graph, a timeline and a card per position; it works offline.\n",
        md.table(["Document", "Kind", "Positions", "File"], rows),
    ]
    if others:
        text.append("\nShared records, referred to from the documents above:\n")
        text.extend(others)
    if index.problems:
        text.append('\n!!! failure "Files that could not be read"\n')
        text.extend(f"    - {md.text(problem)}" for problem in index.problems)
    return "\n".join(text) + "\n"
