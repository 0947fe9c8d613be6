"""The timeline places every dated position on one axis, by holder, as a static SVG."""

import xml.etree.ElementTree as ET

from dipos.docsgen import timeline

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


def test_svg_is_well_formed_and_links_to_the_rows() -> None:
    entries, _ = timeline.dated_entries(fixture_index(), _PAGES)
    svg = timeline.render_svg(entries, fixture_index())
    root = ET.fromstring(svg)
    namespace = "{http://www.w3.org/2000/svg}"
    links = [a.get("href") for a in root.iter(f"{namespace}a")]
    assert links == ["../examples/article-1/#pos-a1-withdrawal"]
    titles = [t.text or "" for t in root.iter(f"{namespace}title")]
    assert len(titles) == len(entries)
    assert any(t.startswith("until February 2022: Southland, refusal") for t in titles)
    assert [t.text for t in root.iter(f"{namespace}text")][:5] == [
        "2021",
        "2022",
        "2023",
        "2024",
        "2025",
    ]


def test_page_lists_dated_and_undated_positions() -> None:
    page = timeline.render(fixture_index(), _PAGES)
    assert '<div class="dipos-timeline"><svg' in page
    assert "[Northland demands that Southland withdraw from East Province.]" in page
    assert "(examples/article-1.md#pos-a1-withdrawal)" in page
    assert "## Positions without a date" in page
    assert "Northland says it will not attack." in page
    assert "\n\n" not in page.split('<div class="dipos-timeline">', 1)[1].split("</div>", 1)[0]


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
