"""Text from data is shown as written: never read as Markdown, HTML, or table syntax."""

import html as html_module

import pytest

from dipos_docs import markdown as md

from ._support import render_markdown


def _render(text: str) -> str:
    return render_markdown(text)


@pytest.mark.parametrize(
    "raw",
    [
        "a | b",
        "*not emphasis* and _not_ either",
        "<script>alert(1)</script>",
        "[not a link](http://example.org)",
        "`code` and \\ backslash",
        "#not a heading {#nor-an-anchor}",
        "x^2 ~approx~ $money$ a=b",
        "R&D",
    ],
)
def test_text_in_a_table_cell_renders_exactly_as_written(raw: str) -> None:
    html = _render(md.table(["h"], [[md.text(raw)]]))
    cell = html.split("<td>", 1)[1].split("</td>", 1)[0]
    # The browser shows the characters the entities stand for: decode them the same way.
    assert html_module.unescape(cell) == raw


def test_text_turns_line_breaks_into_br() -> None:
    assert md.text("one\ntwo") == "one<br>two"


def test_cell_escapes_pipes_outside_code_spans_only() -> None:
    assert md.cell("a|b `c|d`") == "a\\|b `c|d`"
    html = _render(md.table(["h"], [[md.cell("pattern `a|b` or x|y")]]))
    assert "<code>a|b</code>" in html
    assert "x|y" in html


def test_code_span_holds_backticks() -> None:
    html = _render(md.code("a `b` c"))
    assert "<code>a `b` c</code>" in html


def test_fence_is_longer_than_any_backtick_run_in_the_body() -> None:
    block = md.fence("```\ninner\n```", "text")
    assert block.startswith("````text\n")
    assert block.rstrip().endswith("````")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("pos-000-neutrality", "pos-000-neutrality"),
        ("ru-mod-2025:06/x", "ru-mod-2025:06-x"),
        ("a b", "a-b"),
        ("", "x"),
    ],
)
def test_anchor(raw: str, expected: str) -> None:
    assert md.anchor(raw) == expected


def test_shorten_cuts_at_a_word_boundary() -> None:
    assert md.shorten("one two three", 9) == "one two…"
    assert md.shorten("short", 10) == "short"


def test_json_pretty_keeps_short_lists_on_one_line() -> None:
    value = {"topics": ["ceasefire"], "evidence": [{"source": "s", "quote": "x" * 80}]}
    assert md.json_pretty(value) == (
        "{\n"
        '  "topics": ["ceasefire"],\n'
        '  "evidence": [\n'
        "    {\n"
        '      "source": "s",\n'
        f'      "quote": "{"x" * 80}"\n'
        "    }\n"
        "  ]\n"
        "}"
    )
