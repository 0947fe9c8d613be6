"""The timeline page: every example position on one time axis, one lane per holder,
drawn as a static SVG at build time (no JavaScript, readable offline and in print),
with the same positions listed in a table below it."""

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from . import markdown as md
from .edtf import DateSpan, describe, try_parse
from .examples_pages import relative_link
from .records import RecordIndex

PAGE: Final = "timeline.md"

# Tableau 10: distinct colours, readable on light and dark backgrounds.
MOVE_COLOURS: Final = {
    "demand": "#e15759",
    "appeal": "#f28e2b",
    "goal": "#edc948",
    "offer": "#59a14f",
    "proposal": "#76b7b2",
    "acceptance": "#4e79a7",
    "rejection": "#b07aa1",
    "refusal": "#9c755f",
    "assurance": "#bab0ac",
    "threat": "#ff9da7",
}
OTHER_COLOUR: Final = "#888888"

_WIDTH: Final = 1100
_LABELS: Final = 200
_RIGHT: Final = 16
_TOP: Final = 34
_ROW: Final = 13
_LANE_PAD: Final = 6
_MIN_MARK: Final = 10


@dataclass(frozen=True, slots=True)
class Entry:
    """A dated position, as drawn: its span, its holder's lane and where it links to."""

    position: dict[str, Any]
    span: DateSpan
    holder: str
    page: str | None


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


class _Axis:
    def __init__(self, first_year: int, last_year: int) -> None:
        self.start = date(first_year, 1, 1)
        self.end = date(last_year + 1, 1, 1)
        self.left = _LABELS
        self.right = _WIDTH - _RIGHT

    def x(self, day: date) -> float:
        total = (self.end - self.start).days
        return self.left + (self.right - self.left) * (day - self.start).days / total


def _extent(entry: Entry, axis: _Axis) -> tuple[float, float]:
    first = axis.x(entry.span.earliest) if entry.span.earliest else axis.left
    last_day = entry.span.latest
    last = (
        axis.x(last_day) + (axis.x(date(2001, 1, 2)) - axis.x(date(2001, 1, 1)))
        if last_day
        else axis.right
    )
    if entry.span.is_point:
        middle = (first + last) / 2
        return middle - _MIN_MARK / 2, middle + _MIN_MARK / 2
    if last - first < _MIN_MARK:
        middle = (first + last) / 2
        return middle - _MIN_MARK / 2, middle + _MIN_MARK / 2
    return first, last


def pack_rows(extents: list[tuple[float, float]], gap: float = 3) -> list[int]:
    """The row of each mark in a lane, so that marks never overlap: each goes in the first
    row where it fits after the marks already there (marks given in time order)."""
    row_ends: list[float] = []
    rows = []
    for first, last in extents:
        for row, end in enumerate(row_ends):
            if first >= end + gap:
                row_ends[row] = last
                rows.append(row)
                break
        else:
            row_ends.append(last)
            rows.append(len(row_ends) - 1)
    return rows


def _page_url(from_page: str, to_page: str, fragment: str) -> str:
    """A URL for raw HTML, which mkdocs does not rewrite: pages are served as folders
    (``examples/x.md`` -> ``examples/x/``) and the timeline page is one folder deep."""
    target = to_page.removesuffix(".md").removesuffix("index")
    depth = len(from_page.removesuffix(".md").split("/"))
    return "../" * depth + target.rstrip("/") + "/#" + fragment


def _tooltip(entry: Entry, index: RecordIndex) -> str:
    position = entry.position
    topics = ", ".join(str(t) for t in position.get("topics") or [])
    return (
        f"{describe(entry.span)}: {index.name_of(entry.holder)}, {position.get('move', '')} "
        f"({topics}). {position.get('summary', '')}"
    )


def _mark(
    entry: Entry, index: RecordIndex, axis: _Axis, first: float, last: float, y: float
) -> str:
    colour = MOVE_COLOURS.get(str(entry.position.get("move")), OTHER_COLOUR)
    hedged = entry.span.hedged
    style = f'fill="{colour}" stroke="{colour}"'
    if hedged:
        style += ' fill-opacity="0.35" stroke-dasharray="3 2"'
    if entry.span.is_point:
        shape = f'<circle cx="{(first + last) / 2:.1f}" cy="{y:.1f}" r="5" {style}/>'
    else:
        shape = (
            f'<rect x="{first:.1f}" y="{y - 5:.1f}" width="{last - first:.1f}" height="10" '
            f'rx="3" {style}/>'
        )
        if entry.span.earliest is None:
            shape += (
                f'<path d="M{first - 7:.1f} {y:.1f} L{first:.1f} {y - 5:.1f} '
                f'L{first:.1f} {y + 5:.1f} Z" fill="{colour}"/>'
            )
    title = f"<title>{md.html_text(_tooltip(entry, index))}</title>"
    if entry.page is None:
        return f"<g>{title}{shape}</g>"
    href = _page_url(PAGE, entry.page, md.anchor(str(entry.position.get("id"))))
    return f'<a href="{md.html_attribute(href)}">{title}{shape}</a>'


def render_svg(entries: list[Entry], index: RecordIndex) -> str:
    """The timeline as an SVG document: years across, one lane per holder."""
    axis = _Axis(*axis_years(entries))
    lanes: dict[str, list[Entry]] = {}
    for entry in entries:
        lanes.setdefault(entry.holder, []).append(entry)
    order = sorted(lanes, key=lambda h: (-len(lanes[h]), index.name_of(h)))
    body: list[str] = []
    y = _TOP
    for number, holder in enumerate(order):
        extents = [_extent(e, axis) for e in lanes[holder]]
        rows = pack_rows(extents)
        height = (max(rows) + 1) * _ROW + 2 * _LANE_PAD
        if number % 2 == 0:
            body.append(
                f'<rect x="0" y="{y}" width="{_WIDTH}" height="{height}" '
                f'fill="currentColor" fill-opacity="0.05"/>'
            )
        body.append(
            f'<text x="8" y="{y + _LANE_PAD + _ROW * 0.75:.1f}" font-size="13" '
            f'fill="currentColor">{md.html_text(md.shorten(index.name_of(holder), 26))}</text>'
        )
        for entry, (first, last), row in zip(lanes[holder], extents, rows, strict=True):
            centre = y + _LANE_PAD + row * _ROW + _ROW / 2
            body.append(_mark(entry, index, axis, first, last, centre))
        y += height
    grid = []
    for year in range(axis.start.year, axis.end.year + 1):
        x = axis.x(date(year, 1, 1))
        grid.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{y}" stroke="currentColor" '
            f'stroke-opacity="0.3"/>'
        )
        if year < axis.end.year:
            middle = (x + axis.x(date(year + 1, 1, 1))) / 2
            grid.append(
                f'<text x="{middle:.1f}" y="20" font-size="13" text-anchor="middle" '
                f'fill="currentColor">{year}</text>'
            )
        for month in (4, 7, 10):
            if year < axis.end.year:
                mx = axis.x(date(year, month, 1))
                grid.append(
                    f'<line x1="{mx:.1f}" y1="{_TOP - 3}" x2="{mx:.1f}" y2="{y}" '
                    f'stroke="currentColor" stroke-opacity="0.08"/>'
                )
    height = y + 8
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'width="100%" role="img" font-family="sans-serif" '
        f'aria-label="Timeline of {len(entries)} dated positions by holder">'
        + "".join(grid)
        + "".join(body)
        + "</svg>"
    )


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
        "**Shape = precision:** a dot is a day; a bar spans the month, the year or the "
        "interval the date gives; a faded, dashed mark is uncertain (`?`) or approximate "
        "(`~`); an arrow on the left is an interval with an open start (`../2022-02`: "
        "before February 2022).\n"
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
        "# Timeline\n",
        f"{scope}, on one time axis, one lane per holder (a position held jointly appears "
        "in each holder's lane), so that you can see how the parties' demands, offers and "
        "refusals evolved. Hover over a mark for the position; click it to open its row on "
        "its example page. Generated at build time from the example files.\n",
    ]
    if entries:
        parts.append(f'<div class="dipos-timeline">{render_svg(entries, index)}</div>\n')
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
