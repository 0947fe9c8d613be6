"""Draw dated positions as a static SVG: one lane per holder, time across.

Positions a holder took on the same date form a *cluster*: one small dot per position
(its colour is the move), in a grid centred on the date, so that twenty positions of one
press conference read as one event with a count, not as a column twenty marks high. The
date's precision is drawn once per cluster, under the dots: nothing for a day, a thin bar
for a month, a year or an interval, and for an interval with an open start
(``../2025-05``, "before May 2025") a short bar at the known end with an arrow fading to
the left, because the start is unknown, not early. Each dot is a link with a
``<title>`` (the date and the position), for screen readers and tooltips."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from dipos.datespan import DateSpan, describe
from dipos.report.style import MOVE_COLOURS, OTHER_COLOUR

from . import markdown as md
from .records import RecordIndex

WIDTH: Final = 960
_LABELS: Final = 150
_RIGHT: Final = 40
_TOP: Final = 34
_DOT: Final = 10  # distance between dot centres in a cluster
_COLUMNS: Final = 6  # dots per row of a cluster
_BAND: Final = 8  # room under the dots for the date's bar
_LANE_PAD: Final = 6
_MIN_LANE: Final = 30  # room for the holder's name
_OPEN_TAIL: Final = 34  # length of the fading arrow of an open start
_COUNT_ROOM: Final = 24  # room right of a cluster for its count


@dataclass(frozen=True, slots=True)
class Entry:
    """A dated position, as drawn: its span, its holder's lane and where it links to."""

    position: dict[str, Any]
    span: DateSpan
    holder: str
    page: str | None


@dataclass(frozen=True, slots=True)
class Axis:
    """The days a panel covers and its ticks: ``"year"`` or ``"month"``."""

    start: date
    end: date  # the first day after the panel
    ticks: str

    @property
    def left(self) -> float:
        return float(_LABELS)

    @property
    def right(self) -> float:
        return float(WIDTH - _RIGHT)

    def x(self, day: date) -> float:
        """The horizontal position of the start of a day."""
        total = (self.end - self.start).days
        return self.left + (self.right - self.left) * (day - self.start).days / total

    def covers(self, day: date) -> bool:
        return self.start <= day < self.end


def years_axis(first_year: int, last_year: int) -> Axis:
    """A panel over whole years, with a tick a year."""
    return Axis(date(first_year, 1, 1), date(last_year + 1, 1, 1), "year")


def months_axis(year: int) -> Axis:
    """A panel over one year, with a tick a month."""
    return Axis(date(year, 1, 1), date(year + 1, 1, 1), "month")


def anchor_day(span: DateSpan) -> date:
    """The day a cluster is centred on: the known end of an open start, the middle of a
    month, a year or an interval, the day itself."""
    first, last = span.earliest, span.latest
    if first is None and last is not None:
        return last
    if first is None or last is None:  # an open end (a parsed span has at least one end)
        return first or last or date.min
    return first + (last - first) / 2


@dataclass(slots=True)
class Cluster:
    """The positions one holder took on one date."""

    span: DateSpan
    entries: list[Entry]

    def rows(self) -> int:
        return (len(self.entries) + _COLUMNS - 1) // _COLUMNS

    def height(self) -> float:
        return self.rows() * _DOT + _BAND

    def dots_width(self) -> float:
        return min(len(self.entries), _COLUMNS) * _DOT

    def centre(self, axis: Axis) -> float:
        return axis.x(anchor_day(self.span)) + (0.5 if self.span.is_point else 0)

    def band(self, axis: Axis) -> tuple[float, float]:
        """Where the date's bar is drawn (clipped to the panel)."""
        one_day = axis.x(axis.start + timedelta(days=1)) - axis.left
        if self.span.earliest is None:
            end = self.centre(axis) + one_day
            return end - _OPEN_TAIL, end
        first = axis.x(max(self.span.earliest, axis.start))
        latest = self.span.latest or axis.end - timedelta(days=1)
        last = axis.x(min(latest, axis.end - timedelta(days=1))) + one_day
        return first, last

    def extent(self, axis: Axis) -> tuple[float, float]:
        """The horizontal room the cluster takes: its dots, its bar and its count."""
        centre = self.centre(axis)
        half = self.dots_width() / 2
        first, last = centre - half, centre + half
        if not self.span.is_point:
            band_first, band_last = self.band(axis)
            first, last = min(first, band_first), max(last, band_last)
        if len(self.entries) > 1:
            last += _COUNT_ROOM
        return first, last


def clusters_of(entries: Sequence[Entry], axis: Axis) -> list[Cluster]:
    """The clusters of one lane whose date falls in the panel, in time order."""
    clusters: dict[str, Cluster] = {}
    for entry in entries:
        if not axis.covers(anchor_day(entry.span)):
            continue
        clusters.setdefault(entry.span.value, Cluster(entry.span, [])).entries.append(entry)
    return sorted(clusters.values(), key=lambda c: (anchor_day(c.span), c.span.value))


def pack_rows(extents: list[tuple[float, float]], gap: float = 3) -> list[int]:
    """The row of each mark in a lane, so that marks never overlap: each goes in the first
    row where it fits after the marks already there (marks given in left-to-right order)."""
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


def page_url(from_page: str, to_page: str, fragment: str) -> str:
    """A URL for raw HTML, which mkdocs does not rewrite: pages are served as folders
    (``examples/x.md`` -> ``examples/x/``)."""
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


def _dot(entry: Entry, index: RecordIndex, page: str, x: float, y: float) -> str:
    colour = MOVE_COLOURS.get(str(entry.position.get("move")), OTHER_COLOUR)
    style = f'fill="{colour}" stroke="{colour}"'
    if entry.span.hedged:
        style = f'fill="{colour}" fill-opacity="0.3" stroke="{colour}" stroke-width="1.5"'
    shape = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" {style}/>'
    title = f"<title>{md.html_text(_tooltip(entry, index))}</title>"
    if entry.page is None:
        return f"<g>{title}{shape}</g>"
    href = page_url(page, entry.page, md.anchor(str(entry.position.get("id"))))
    return f'<a href="{md.html_attribute(href)}">{title}{shape}</a>'


def _band(cluster: Cluster, axis: Axis, y: float) -> str:
    """The date's bar under a cluster's dots (nothing for a single day)."""
    if cluster.span.is_point:
        return ""
    first, last = cluster.band(axis)
    dash = ' stroke-dasharray="3 2"' if cluster.span.hedged else ""
    if cluster.span.earliest is None:
        # An open start: a short solid end, a dashed tail fading to the left, an arrowhead.
        gradient = _gradient_id(axis)
        return (
            f'<rect x="{last - 10:.1f}" y="{y - 2:.1f}" width="10" height="4" '
            f'fill="currentColor" fill-opacity="0.6"/>'
            f'<rect x="{first:.1f}" y="{y - 1:.1f}" width="{last - 10 - first:.1f}" '
            f'height="2" fill="url(#{gradient})"/>'
            f'<path d="M{first - 5:.1f} {y:.1f} L{first + 1:.1f} {y - 4:.1f} '
            f'L{first + 1:.1f} {y + 4:.1f} Z" fill="currentColor" fill-opacity="0.35"/>'
        )
    last = max(last, first + 2)
    return (
        f'<line x1="{first:.1f}" y1="{y:.1f}" x2="{last:.1f}" y2="{y:.1f}" stroke-width="4" '
        f'stroke="currentColor" stroke-opacity="0.4"{dash}/>'
    )


def _cluster(cluster: Cluster, index: RecordIndex, axis: Axis, page: str, top: float) -> str:
    centre = cluster.centre(axis)
    count = len(cluster.entries)
    columns = min(count, _COLUMNS)
    left = centre - (columns - 1) * _DOT / 2
    parts = [_band(cluster, axis, top + cluster.rows() * _DOT + _BAND / 2 - 1)]
    for number, entry in enumerate(cluster.entries):
        row, column = divmod(number, _COLUMNS)
        parts.append(_dot(entry, index, page, left + column * _DOT, top + row * _DOT + _DOT / 2))
    if count > 1:
        parts.append(
            f'<text x="{centre + columns * _DOT / 2 + 3:.1f}" y="{top + _DOT * 0.8:.1f}" '
            f'font-size="11" fill="currentColor">×{count}</text>'
        )
    return "".join(parts)


def _grid(axis: Axis, bottom: float) -> list[str]:
    """The ticks, their labels and the vertical guide lines of a panel."""
    marks = []
    if axis.ticks == "year":
        starts = [date(y, 1, 1) for y in range(axis.start.year, axis.end.year + 1)]
    else:
        starts = [date(axis.start.year, m, 1) for m in range(1, 13)] + [axis.end]
    for number, start in enumerate(starts):
        x = axis.x(start)
        marks.append(
            f'<line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{bottom}" '
            f'stroke="currentColor" stroke-opacity="0.25"/>'
        )
        if number + 1 < len(starts):
            middle = (x + axis.x(starts[number + 1])) / 2
            label = str(start.year) if axis.ticks == "year" else start.strftime("%b")
            marks.append(
                f'<text x="{middle:.1f}" y="20" font-size="13" text-anchor="middle" '
                f'fill="currentColor">{label}</text>'
            )
    return marks


def _gradient_id(axis: Axis) -> str:
    """An id unique to the panel: a page with two panels must not repeat an id."""
    return f"dipos-fade-{axis.ticks}-{axis.start.isoformat()}"


def _defs(axis: Axis) -> str:
    return (
        f'<defs><linearGradient id="{_gradient_id(axis)}">'
        '<stop offset="0" stop-color="currentColor" stop-opacity="0"/>'
        '<stop offset="1" stop-color="currentColor" stop-opacity="0.6"/>'
        "</linearGradient></defs>"
    )


def render_svg(entries: Sequence[Entry], index: RecordIndex, axis: Axis, page: str) -> str:
    """One panel of the timeline: the entries whose date falls on ``axis``, one lane per
    holder (most positions first), as an SVG document. ``page`` is the page it goes on,
    for the links."""
    lanes: dict[str, list[Entry]] = {}
    for entry in entries:
        lanes.setdefault(entry.holder, []).append(entry)
    clustered = {holder: clusters_of(lane, axis) for holder, lane in lanes.items()}
    order = sorted(
        (h for h in clustered if clustered[h]), key=lambda h: (-len(lanes[h]), index.name_of(h))
    )
    body: list[str] = []
    drawn = 0
    y = float(_TOP)
    for number, holder in enumerate(order):
        clusters = clustered[holder]
        rows = pack_rows([c.extent(axis) for c in clusters])
        heights = [0.0] * (max(rows) + 1)
        for cluster, row in zip(clusters, rows, strict=True):
            heights[row] = max(heights[row], cluster.height())
        height = max(sum(heights) + 2 * _LANE_PAD + 4 * (len(heights) - 1), _MIN_LANE)
        if number % 2 == 0:
            body.append(
                f'<rect x="0" y="{y:.1f}" width="{WIDTH}" height="{height:.1f}" '
                f'fill="currentColor" fill-opacity="0.05"/>'
            )
        body.append(
            f'<text x="8" y="{y + 19:.1f}" font-size="13" fill="currentColor">'
            f"{md.html_text(md.shorten(index.name_of(holder), 24))}</text>"
        )
        for cluster, row in zip(clusters, rows, strict=True):
            top = y + _LANE_PAD + sum(heights[:row]) + 4 * row
            body.append(_cluster(cluster, index, axis, page, top))
            drawn += len(cluster.entries)
        y += height
    height = y + 8
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="100%" role="img" font-family="sans-serif" '
        f'aria-label="Timeline of {drawn} dated positions by holder, '
        f'{axis.start.isoformat()} to {(axis.end - timedelta(days=1)).isoformat()}">'
        + _defs(axis)
        + "".join(_grid(axis, y))
        + "".join(body)
        + "</svg>"
    )
