"""The quote search forgives what a person changes when copying by hand, and nothing else."""

import pytest

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
