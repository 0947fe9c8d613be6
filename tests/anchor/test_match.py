"""The quote search forgives what a person changes when copying by hand, and nothing else."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dipos.anchor.match import find_all

TEXT = (
    "The minister said: \u201cWe will not withdraw \u2014 ever.\u201d\n"
    "He added that it\u2019s\u00a0over\u2026 and then\n  left. 1991\u20132014."
)


def spans(quote: str) -> list[str]:
    return [TEXT[start:end] for start, end in find_all(quote, TEXT)]


@pytest.mark.parametrize(
    ("typed", "in_source"),
    [
        ('"We will not withdraw - ever."', "\u201cWe will not withdraw \u2014 ever.\u201d"),
        ("We will not withdraw -- ever", "We will not withdraw \u2014 ever"),
        ("We will not withdraw—ever", "We will not withdraw \u2014 ever"),
        ("it's over...", "it\u2019s\u00a0over\u2026"),
        ("it\u2019s over", "it\u2019s\u00a0over"),
        ("and then left.", "and then\n  left."),
        ("and   then left", "and then\n  left"),
        ("1991-2014", "1991\u20132014"),
        ("  He added  ", "He added"),
    ],
)
def test_typographic_differences_are_forgiven(typed: str, in_source: str) -> None:
    assert spans(typed) == [in_source]


@pytest.mark.parametrize(
    "typed",
    ["we will not withdraw", "It's over", "and then right", "", "   "],
)
def test_other_differences_are_not(typed: str) -> None:
    assert spans(typed) == []


def test_an_exact_match_wins_and_every_occurrence_is_found() -> None:
    text = "no, no and no"
    assert find_all("no", text) == [(0, 2), (4, 6), (11, 13)]
    assert find_all("no and", text) == [(4, 10)]


def test_offsets_count_code_points() -> None:
    text = "\U0001f600 \u201cok\u201d"
    assert find_all('"ok"', text) == [(2, 6)]


_TYPOGRAPHIC = {"\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u00a0": " "}


@given(
    st.lists(
        st.sampled_from(["peace", "talks", "Westland", "\u2019s", "\u201c", "\u201d", "\u2014"]),
        min_size=3,
        max_size=30,
    ),
    st.data(),
)
def test_a_quote_typed_plainly_is_found_where_it_was_taken(
    words: list[str], data: st.DataObject
) -> None:
    text = " ".join(words).replace(" \u2014 ", "\u00a0\u2014 ")
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    taken = text[start:end]
    if not taken.strip() or taken != taken.strip():
        return
    typed = "".join(_TYPOGRAPHIC.get(c, c) for c in taken)
    found = find_all(typed, text)
    assert found, (typed, text)
    assert all(text[s:e] and not text[s:e][0].isspace() for s, e in found)
    # The place it was taken from is among the matches, unless its edges are characters
    # a typist would leave out (white space next to a dash).
    if not re.match(r"^[\s\u2014-]|[\s\u2014-]$", taken):
        assert (start, end) in found, (typed, text, found)
