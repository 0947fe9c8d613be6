"""The timeline places every dated position on one axis, by holder, as a static SVG."""

import xml.etree.ElementTree as ET
from datetime import date

from dipos_docs import timeline, timeline_svg

from ._support import fixture_index

_PAGES = {"pos-a1-withdrawal": "examples/article-1.md"}


def test_entries_are_in_time_order_once_per_holder() -> None:
    entries, undated = timeline.dated_entries(fixture_index(), _PAGES)
    assert [(e.position["id"], e.holder) for e in entries] == [
        ("pos-b-old-refusal", "actor-southland"),
        ("pos-c-year", "actor-southland"),
        ("pos-c-year", "actor-northland"),
        ("pos-a1-south-rejects", "actor-southland"),
        ("pos-a1-withdrawal", "actor-northland"),
        ("pos-a1-ceasefire", "actor-northland"),
    ]
    assert [p["id"] for p in undated] == ["pos-c-undated"]


def test_axis_covers_2021_to_2025_at_least() -> None:
    entries, _ = timeline.dated_entries(fixture_index(), {})
    assert timeline.axis_years(entries) == (2021, 2025)
    assert timeline.axis_years([]) == (2021, 2025)


def test_pack_rows_never_overlaps() -> None:
    assert timeline.pack_rows([(0, 10), (5, 15), (14, 20), (30, 40)]) == [0, 1, 0, 0]


_SVG = "{http://www.w3.org/2000/svg}"


def _overview() -> ET.Element:
    entries, _ = timeline.dated_entries(fixture_index(), _PAGES)
    axis = timeline_svg.years_axis(*timeline.axis_years(entries))
    return ET.fromstring(timeline.render_svg(entries, fixture_index(), axis, timeline.PAGE))


def test_svg_is_well_formed_and_links_to_the_sections() -> None:
    entries, _ = timeline.dated_entries(fixture_index(), _PAGES)
    root = _overview()
    links = [a.get("href") for a in root.iter(f"{_SVG}a")]
    assert links == ["../examples/article-1/#pos-a1-withdrawal"]
    titles = [t.text or "" for t in root.iter(f"{_SVG}title")]
    assert len(titles) == len(entries)  # one accessible mark per position and holder
    assert any(t.startswith("until February 2022: Southland, refusal") for t in titles)
    assert [t.text for t in root.iter(f"{_SVG}text")][:5] == [
        "2021",
        "2022",
        "2023",
        "2024",
        "2025",
    ]


def test_an_open_start_is_a_short_mark_at_its_end_not_a_bar_from_the_axis_start() -> None:
    axis = timeline_svg.years_axis(2021, 2025)
    entries, _ = timeline.dated_entries(fixture_index(), _PAGES)
    open_start = next(e for e in entries if e.span.value.startswith(".."))
    (cluster,) = timeline_svg.clusters_of([open_start], axis)
    first, last = cluster.band(axis)
    assert last - first < 40
    assert abs(last - axis.x(date(2022, 3, 1))) < 2  # it ends where February 2022 ends
    assert first > axis.left + 100


def test_positions_of_one_holder_on_one_date_form_one_cluster() -> None:
    index = fixture_index()
    entries, _ = timeline.dated_entries(index, _PAGES)
    same_day = [entries[-1], entries[-1]]
    axis = timeline_svg.months_axis(2024)
    (cluster,) = timeline_svg.clusters_of(same_day, axis)
    assert len(cluster.entries) == 2
    svg = ET.fromstring(timeline.render_svg(same_day, index, axis, timeline.PAGE))
    assert "×2" in [t.text for t in svg.iter(f"{_SVG}text")]
    assert len(list(svg.iter(f"{_SVG}title"))) == 2


def test_the_busiest_year_is_shown_again_month_by_month() -> None:
    entries, _ = timeline.dated_entries(fixture_index(), _PAGES)
    assert timeline.detail_year(entries) == 2024
    page = timeline.render(fixture_index(), _PAGES)
    assert page.count('<div class="dipos-timeline"><svg') == 2
    assert "**2024, month by month:**" in page
    assert ">Jun</text>" in page
    assert page.startswith("---\nhide:\n  - toc\n---\n")


def test_page_lists_dated_and_undated_positions() -> None:
    page = timeline.render(fixture_index(), _PAGES)
    assert '<div class="dipos-timeline"><svg' in page
    assert "[Northland demands that Southland withdraw from East Province.]" in page
    assert "(examples/article-1.md#pos-a1-withdrawal)" in page
    assert "## Positions without a date" in page
    assert "Northland says it will not attack." in page
    for panel in page.split('<div class="dipos-timeline">')[1:]:
        assert "\n\n" not in panel.split("</div>", 1)[0]  # a blank line would end the HTML


def test_the_timeline_can_be_limited_to_some_files() -> None:
    entries, undated = timeline.dated_entries(fixture_index(), {}, ["seeds/article-1.json"])
    assert {e.position["id"] for e in entries} == {
        "pos-a1-withdrawal",
        "pos-a1-ceasefire",
        "pos-a1-south-rejects",
    }
    assert undated == []
    page = timeline.render(fixture_index(), {}, ["seeds/article-1.json"])
    assert "illustrative files are left out" in page
    assert "Northland says it will not attack." not in page
