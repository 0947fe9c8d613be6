"""Only the lines whose content changed are rewritten; the author's layout stays."""

from dipos.anchor.layout import merge_lines


def test_unchanged_content_gives_the_original_back() -> None:
    assert merge_lines("a:  1\n", "a: 1\n", "a: 1\n") == "a:  1\n"


def test_a_change_replaces_only_its_lines() -> None:
    original = "# note\nx: folded\n  by hand\ny: 1\nz: 2\n"
    base = "# note\nx: folded by hand\ny: 1\nz: 2\n"
    new = "# note\nx: folded by hand\ny: 1\nz: 3\n"
    assert merge_lines(original, base, new) == "# note\nx: folded\n  by hand\ny: 1\nz: 3\n"


def test_an_insertion_lands_in_place_and_keeps_crlf() -> None:
    original = "a: 1\r\nb: 2\r\n"
    assert merge_lines(original, "a: 1\nb: 2\n", "a: 1\nc: 9\nb: 2\n") == "a: 1\r\nc: 9\r\nb: 2\r\n"


def test_a_change_inside_relaid_lines_takes_the_new_lines() -> None:
    original = "x: folded\n  by hand\ny: 1\n"
    base = "x: folded by hand\ny: 1\n"
    new = "x: changed by hand\ny: 1\n"
    assert merge_lines(original, base, new) == "x: changed by hand\ny: 1\n"
