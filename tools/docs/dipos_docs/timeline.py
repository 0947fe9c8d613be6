"""The timeline page: every example position on one time axis, one lane per holder,
drawn as a static SVG at build time (no JavaScript, readable offline and in print),
with the same positions listed in a table below it."""

from collections.abc import Collection, Iterator
from typing import Any, Final

from dipos.datespan import try_parse
from dipos.report.style import MOVE_COLOURS

from . import markdown as md
from .examples_pages import relative_link
from .records import RecordIndex
from .timeline_svg import (
    Entry,
    anchor_day,
    months_axis,
    pack_rows,
    render_svg,
    years_axis,
)

PAGE: Final = "timeline.md"

__all__ = ["MOVE_COLOURS", "Entry", "pack_rows", "render_svg"]


def _positions(index: RecordIndex, files: Collection[str] | None) -> Iterator[dict[str, Any]]:
    for example in index.files:
        if files is None or example.relative in files:
            yield from (r for r in example.records if r.get("type") == "position")


def dated_entries(
    index: RecordIndex, page_of: dict[str, str], files: Collection[str] | None = None
) -> tuple[list[Entry], list[dict[str, Any]]]:
    """Every position with a date that can be placed, once per holder, in time order; and
    the positions without one. ``files`` limits them to some example files (by path
    relative to ``examples/``)."""
    entries: list[Entry] = []
    undated: list[dict[str, Any]] = []
    for position in _positions(index, files):
        stated = position.get("stated_on")
        span = try_parse(stated.get("value")) if isinstance(stated, dict) else None
        if span is None:
            undated.append(position)
            continue
        holders = position.get("holders")
        for holder in holders if isinstance(holders, list) and holders else ["(no holder)"]:
            entries.append(Entry(position, span, str(holder), page_of.get(str(position.get("id")))))
    entries.sort(key=lambda e: (e.span.sort_key, str(e.position.get("id"))))
    return entries, undated


def axis_years(entries: list[Entry], first: int = 2021, last: int = 2025) -> tuple[int, int]:
    """The years the axis covers: at least ``first`` to ``last``, widened to every date."""
    years = [d.year for e in entries for d in (e.span.earliest, e.span.latest) if d is not None]
    return min([first, *years]), max([last, *years])


def detail_year(entries: list[Entry]) -> int | None:
    """The year with the most positions, shown again month by month below the overview,
    where its clusters have room; None when every position falls in one year anyway."""
    counts: dict[int, int] = {}
    for entry in entries:
        year = anchor_day(entry.span).year
        counts[year] = counts.get(year, 0) + 1
    if len(counts) < 2:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def panels(entries: list[Entry], index: RecordIndex) -> str:
    """The overview across the years and, when it helps, the busiest year by month."""
    overview = render_svg(entries, index, years_axis(*axis_years(entries)), PAGE)
    html = f'<div class="dipos-timeline">{overview}</div>\n'
    year = detail_year(entries)
    if year is not None:
        detail = render_svg(entries, index, months_axis(year), PAGE)
        html += f'\n**{year}, month by month:**\n\n<div class="dipos-timeline">{detail}</div>\n'
    return html


def legend() -> str:
    """The key to the colours and shapes of the timeline."""
    swatches = " ".join(
        f'<span style="white-space:nowrap"><span style="display:inline-block;width:0.9em;'
        f'height:0.9em;border-radius:2px;background:{colour}"></span> '
        f"[{move}](reference/codelists.md#move-{move})</span>"
        for move, colour in MOVE_COLOURS.items()
    )
    return (
        f"**Colour = move:** {swatches}\n\n"
        "**One dot = one position.** Dots side by side are the positions a holder took on "
        "the same date (the number gives how many).\n\n"
        "**The line under the dots = how precise the date is:** no line for a day; a grey "
        "line spans the month, the year or the interval the date gives; a hollow dot and a "
        "dashed line mean the date is uncertain (`?`) or approximate (`~`). A short line "
        "with an arrow fading to the left is an interval with an **open start**: "
        "`../2025-05` means *at some time before the end of May 2025*, so only its end is "
        "drawn; the fade says the start is unknown, not early.\n"
    )


def _row(entry: Entry, index: RecordIndex) -> list[str]:
    position = entry.position
    position_id = str(position.get("id", ""))
    stated = position.get("stated_on") or {}
    basis = str(stated.get("basis", "")) if isinstance(stated, dict) else ""
    summary = md.text(str(position.get("summary", "")))
    if entry.page:
        summary = f"[{summary}]({relative_link(PAGE, entry.page, md.anchor(position_id))})"
    return [
        f"{md.code(entry.span.value)}<br>{md.text(basis)}",
        md.text(index.name_of(entry.holder)),
        md.code(str(position.get("move", ""))),
        ", ".join(md.code(str(t)) for t in position.get("topics") or []),
        summary,
    ]


def render(
    index: RecordIndex, page_of: dict[str, str], files: Collection[str] | None = None
) -> str:
    """The Markdown of the timeline page, for the positions of ``files`` (all when None)."""
    entries, undated = dated_entries(index, page_of, files)
    scope = (
        "Every position recorded in the seed articles of the [examples](examples/index.md)"
        " (the invented illustrative files are left out)"
        if files is not None
        else "Every position recorded in the [examples](examples/index.md)"
    )
    parts = [
        # The drawing needs the full width: the page's own contents are hidden.
        "---\nhide:\n  - toc\n---\n",
        "# Timeline\n",
        f"{scope}, on one time axis, one lane per holder (a position held jointly appears "
        "in each holder's lane), so that you can see how the parties' demands, offers and "
        "refusals evolved. Hover over a dot for the position; click it to open its section on "
        "its example page. Generated at build time from the example files. On a narrow "
        "screen the drawing keeps a readable size and scrolls sideways in its frame; the "
        "[report of the examples](examples/report/index.html) has a timeline made for "
        "phones, with a shape for each move.\n",
    ]
    if entries:
        parts.append(panels(entries, index))
        parts.append(legend())
        parts.append("## In date order\n")
        parts.append(
            "Positions are ordered by the first day their date covers (a month sorts as its "
            "first day), then by the last.\n"
        )
        parts.append(
            md.table(
                ["Stated on", "Holder", "Move", "Topics", "Position"],
                (_row(e, index) for e in entries),
            )
        )
    else:
        parts.append("No example position has a date yet.\n")
    parts.append("\n## Positions without a date\n")
    if undated:
        parts.append(
            "These positions have no `stated_on`: their sources do not let the date be known, "
            "or the date could not be placed on the axis.\n"
        )
        for position in undated:
            position_id = str(position.get("id", ""))
            page = page_of.get(position_id)
            label = md.text(str(position.get("summary", position_id)))
            if page:
                label = f"[{label}]({relative_link(PAGE, page, md.anchor(position_id))})"
            holders = ", ".join(index.name_of(str(h)) for h in position.get("holders") or [])
            parts.append(f"- {md.text(holders)}: {label}")
    else:
        parts.append("Every example position has a date.")
    return "\n".join(parts) + "\n"
