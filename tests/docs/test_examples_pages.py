"""Example pages: one per example file with positions, a table of its positions and a
Mermaid diagram of their links."""

import re

from dipos_docs import examples_pages
from dipos_docs.examples_pages import ExamplePage

from ._support import fixture_index, render_markdown

_CODES = {"move": frozenset({"demand", "offer", "rejection"}), "topic": frozenset({"ceasefire"})}


def _pages() -> list[ExamplePage]:
    return examples_pages.plan_pages(fixture_index())


def _render(path: str) -> str:
    pages = _pages()
    page = next(p for p in pages if p.path == path)
    return examples_pages.render_page(
        page, fixture_index(), examples_pages.page_of_positions(pages), _CODES
    )


def test_a_page_per_file_with_positions_seeds_first() -> None:
    assert [(p.path, p.group) for p in _pages()] == [
        ("examples/article-1.md", "Seed articles"),
        ("examples/illustrative-extra.md", "Illustrative"),
        ("examples/illustrative-lines.md", "Illustrative"),
    ]
    assert _pages()[0].title == "Northland sets *conditions* | Southland answers"


def test_table_links_each_row_to_the_section_anchored_by_the_position_id() -> None:
    page = _render("examples/article-1.md")
    for number, position_id in enumerate(
        ("pos-a1-withdrawal", "pos-a1-ceasefire", "pos-a1-south-rejects"), start=1
    ):
        assert f"| [**P{number}**](#{position_id}) |" in page
        assert re.search(rf"^### P{number} · .*\{{ #{position_id} \}}$", page, re.M)
    assert "| # | Holder | Move | Topics | Territories | Stated on | Quote |" in page
    html = render_markdown(page)
    assert '<h3 id="pos-a1-withdrawal">' in html


def test_the_page_hides_its_table_of_contents_for_width() -> None:
    assert _render("examples/article-1.md").startswith("---\nhide:\n  - toc\n---\n")


def test_names_codes_dates_and_quotes_are_shown() -> None:
    page = _render("examples/article-1.md")
    assert (
        "**Holder:** Republic of Northland, *voiced by* President of Northland, "
        "*addressed to* Southland" in page
    )
    assert "[`demand`](../reference/codelists.md#move-demand)" in page
    assert "`acme:water_rights`" in page  # a namespaced topic is shown, not linked
    assert "East Province (whole)" in page
    assert "`2024-06-14`<br>stated" in page  # the table
    assert "**Stated on:** `2024-06-14`, stated" in page  # the section
    assert "> <small>direct, translated" in page


def test_a_long_quote_is_cut_in_the_table_and_whole_in_the_section() -> None:
    page = _render("examples/article-1.md")
    table = page.split("## Links between positions")[0]
    sections = page.split("## Each position")[1]
    assert "“We will not leave.”" in table
    assert "> “We will not leave.”" in sections


def test_inferred_dates_say_how() -> None:
    page = _render("examples/article-1.md")
    line = re.search(
        r"^- \*\*Stated on:\*\* `2024-06-15`, inferred, inferred from: (.*)$", page, re.M
    )
    assert line is not None
    assert "&#124;" in line.group(1)  # a pipe in inferred_from is shown as text


def test_links_are_listed_in_each_section() -> None:
    page = _render("examples/article-1.md")
    assert "- **Links:** `precondition` (before): [P1](#pos-a1-withdrawal)" in page
    assert "point 1 of proposal *Northland's 3-point plan* (`prop-north-plan`)" in page


def test_text_from_data_cannot_break_the_table() -> None:
    page = _render("examples/article-1.md")
    html = render_markdown(page)
    assert html.count("<tr>") == 4  # the header and three positions
    assert "<blockquote>" in html
    assert "Troops must leave | all of it, *now* &lt;at once&gt; [no delay]" in html.replace(
        "&#124;", "|"
    ).replace("&#42;", "*").replace("&#91;", "[").replace("&#93;", "]")
    assert "<em>now</em>" not in html


def test_links_are_listed_in_words_and_the_report_draws_them() -> None:
    page = _render("examples/article-1.md")
    assert "```mermaid" not in page
    links = page.split("## Links between positions\n", 1)[1].split("## Each position", 1)[0]
    assert "[report of the examples](report/index.html)" in links
    lines = [line for line in links.splitlines() if line.startswith("- ")]
    assert any("precondition (before) →" in line for line in lines)
    assert any("responds: rejects →" in line for line in lines)
    assert any("— reaffirms →" in line for line in lines)
    assert any("point 1 of → proposal *Northland" in line for line in lines)
    # A position on this page by its number; one on another page by its id, linked there.
    assert all(re.match(r"- \[P\d+\]\(#", line) for line in lines)


def test_the_examples_index_links_to_the_report() -> None:
    index = examples_pages.render_index(_pages(), fixture_index())
    assert "[report of the examples](report/index.html)" in index


def test_a_position_on_another_page_is_linked_there() -> None:
    assert examples_pages.relative_link("examples/a.md", "examples/b.md", "x") == "b.md#x"
    assert examples_pages.relative_link("timeline.md", "examples/b.md") == "examples/b.md"
    assert examples_pages.relative_link("examples/a.md", "timeline.md") == "../timeline.md"


def test_illustrative_pages_say_they_are_invented() -> None:
    assert "Invented for illustration" in _render("examples/illustrative-extra.md")


def test_index_lists_every_page_and_the_shared_files() -> None:
    index = examples_pages.render_index(_pages(), fixture_index())
    for page in _pages():
        assert f"({page.path.removeprefix('examples/')})" in index
    assert "[`seeds/common.json`](data/seeds/common.json): 3 actor, 1 territory" in index
