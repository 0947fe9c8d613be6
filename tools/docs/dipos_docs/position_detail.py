"""The section of an example page about one position: a heading anchored by the
position's id, its summary, every property a reader needs to check the coding, and its
quotes in full as block quotes."""

from typing import Any

from . import markdown as md
from .example_context import PageContext, territory_scopes, text_of


def _holders_line(position: dict[str, Any], ctx: PageContext) -> str:
    line = ctx.names(position.get("holders")) or "—"
    speaker = position.get("speaker")
    if isinstance(speaker, str):
        line += f", *voiced by* {md.text(ctx.index.name_of(speaker))}"
    if position.get("addressees"):
        line += f", *addressed to* {ctx.names(position.get('addressees'))}"
    return line


def _date_line(position: dict[str, Any]) -> str:
    stated = position.get("stated_on")
    if not isinstance(stated, dict):
        return "not known (no `stated_on`)"
    line = f"{md.code(text_of(stated, 'value'))}, {md.text(text_of(stated, 'basis'))}"
    if isinstance(stated.get("inferred_from"), str):
        line += f", inferred from: {md.text(stated['inferred_from'])}"
    if isinstance(stated.get("note"), str):
        line += f" ({md.text(stated['note'])})"
    return line


def _link_lines(position: dict[str, Any], ctx: PageContext) -> list[str]:
    lines = []
    for link in position.get("links") or []:
        if isinstance(link, dict) and isinstance(link.get("target"), str):
            relation = ctx.code_link("link_relation", text_of(link, "relation"))
            order = text_of(link, "order")
            when = f" ({md.text(order)})" if order and order != "unspecified" else ""
            lines.append(f"{relation}{when}: {ctx.position_ref(link['target'])}")
    for target in position.get("reaffirms") or []:
        if isinstance(target, str):
            lines.append(f"reaffirms: {ctx.position_ref(target)}")
    for response in position.get("responds_to") or []:
        if isinstance(response, dict) and isinstance(response.get("target"), str):
            kind = ctx.code_link("response_kind", text_of(response, "response"))
            points = response.get("points")
            which = f" (points {md.text(', '.join(map(str, points)))})" if points else ""
            lines.append(f"responds {kind}{which} to {ctx.position_ref(response['target'])}")
    for reference in position.get("proposal_points") or []:
        if isinstance(reference, dict) and isinstance(reference.get("proposal"), str):
            points = reference.get("points")
            which = f"point {md.text(', '.join(map(str, points)))} of" if points else "part of"
            lines.append(f"{which} {ctx.position_ref(reference['proposal'])}")
    return lines


def _facts(position: dict[str, Any], ctx: PageContext) -> list[tuple[str, str]]:
    topics = position.get("topics")
    facts = [
        ("Holder", _holders_line(position, ctx)),
        ("Move", ctx.code_link("move", text_of(position, "move"))),
        (
            "Topics",
            ", ".join(ctx.code_link("topic", str(t)) for t in topics)
            if isinstance(topics, list)
            else "—",
        ),
    ]
    if isinstance(position.get("modality"), str):
        facts.append(("Modality", ctx.code_link("modality", position["modality"])))
    territories = [
        f"{md.text(ctx.index.name_of(t))} ({md.text(extent.replace('_', ' '))})"
        for t, extent in territory_scopes(position)
    ]
    if territories:
        facts.append(("Territories", "; ".join(territories)))
    facts.append(("Stated on", _date_line(position)))
    if isinstance(position.get("venue"), str):
        facts.append(("Venue", md.text(position["venue"])))
    links = _link_lines(position, ctx)
    if links:
        facts.append(("Links", "; ".join(links)))
    return facts


def _quotes(position: dict[str, Any], ctx: PageContext, page_sources: set[str]) -> list[str]:
    blocks = []
    for item in position.get("evidence") or []:
        if not isinstance(item, dict):
            continue
        kind = [md.text(text_of(item, "quote_kind"))]
        if item.get("translated") is True:
            kind.append("translated")
        source = text_of(item, "source")
        if source not in page_sources:
            kind.append(f"in {md.text(ctx.index.name_of(source))}")
        quote = md.text(text_of(item, "quote"))
        block = f"> “{quote}”\n>\n> <small>{', '.join(kind)}"
        if isinstance(item.get("note"), str):
            block += f". {md.text(item['note'])}"
        blocks.append(block + "</small>\n")
    return blocks


def position_section(position: dict[str, Any], ctx: PageContext, page_sources: set[str]) -> str:
    """The Markdown section about one position; its heading's anchor is the position's id."""
    position_id = text_of(position, "id")
    holders = ctx.names(position.get("holders")) or "—"
    heading = (
        f"### {ctx.number[position_id]} · {holders}: {md.text(text_of(position, 'move'))}"
        f" {{ #{md.anchor(position_id)} }}\n"
    )
    parts = [heading, f"{md.text(text_of(position, 'summary'))}\n"]
    parts.append("\n".join(f"- **{label}:** {value}" for label, value in _facts(position, ctx)))
    parts.append("")
    parts.extend(_quotes(position, ctx, page_sources))
    if isinstance(position.get("notes"), str):
        parts.append(f"<small>Coder's notes: {md.text(position['notes'])}</small>\n")
    parts.append(f"<small>Id: {md.code(position_id)}</small>\n")
    return "\n".join(parts)
