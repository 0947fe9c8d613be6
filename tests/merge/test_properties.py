"""Merging is independent of the order of the inputs, and idempotent (hypothesis)."""

from itertools import permutations
from typing import Any

from hypothesis import given as for_all
from hypothesis import settings
from hypothesis import strategies as st

from dipos.merge.combine import MergeInput

from ._support import actor, from_dataset, given, merged, position

_actor = st.builds(
    lambda record_id, name, qid, iso, alternatives, description: actor(
        record_id,
        name,
        **({"wikidata": qid} if qid else {}),
        **({"iso3166_1_alpha3": iso} if iso else {}),
        **({"alternative_names": alternatives} if alternatives else {}),
        **({"description": description} if description else {}),
    ),
    st.sampled_from(["a", "b", "c", "d"]),
    st.sampled_from(["N1", "N2"]),
    st.sampled_from([None, "Q1", "Q2"]),
    st.sampled_from([None, "AAA"]),
    st.lists(st.sampled_from(["x", "y", "N1"]), unique=True, max_size=2),
    st.sampled_from([None, "d1"]),
)
_position = st.builds(
    lambda record_id, holders: position(record_id, *holders),
    st.sampled_from(["p1", "p2"]),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), min_size=1, max_size=2, unique=True),
)


@st.composite
def _inputs(draw: st.DrawFn) -> list[MergeInput]:
    count = draw(st.integers(min_value=1, max_value=3))
    made = []
    for number in range(count):
        actors = draw(st.lists(_actor, max_size=3, unique_by=lambda a: a["id"]))
        positions = draw(st.lists(_position, max_size=2, unique_by=lambda p: p["id"]))
        made.append(given(f"in-{number}", *actors, *positions))
    return made


def _summary(inputs: list[MergeInput]) -> tuple[dict[str, Any], list[str]]:
    result = merged(*inputs)
    return result.dataset, [c.message() for c in result.conflicts]


@settings(max_examples=150)
@for_all(_inputs())
def test_the_order_of_the_inputs_does_not_matter(inputs: list[MergeInput]) -> None:
    first = _summary(inputs)
    for order in permutations(inputs):
        assert _summary(list(order)) == first


@settings(max_examples=150)
@for_all(_inputs())
def test_merging_the_result_again_with_any_input_changes_nothing(
    inputs: list[MergeInput],
) -> None:
    result = merged(*inputs)
    if result.conflicts:
        return
    for one in inputs:
        again = merged(from_dataset("merged.json", result.dataset), one)
        assert not again.conflicts
        assert again.dataset == result.dataset
    assert merged(from_dataset("merged.json", result.dataset)).dataset == result.dataset
