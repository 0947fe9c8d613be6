"""What becomes of each position in its actor's thread on a topic."""

from dipos.report.evolution import DROPPED_AFTER_DAYS, Dated, Step, opposes, threads


def _p(
    pid: str,
    move: str,
    day: int,
    *,
    topics: tuple[str, ...] = ("ceasefire",),
    holders: tuple[str, ...] = ("a",),
    reaffirms: tuple[str, ...] = (),
) -> Dated:
    return Dated(pid, holders, topics, move, day, day, reaffirms)


def test_the_last_word_is_current() -> None:
    result = threads([_p("p1", "demand", 10)])
    assert result == {"a": {"ceasefire": [Step("p1", "current")]}}


def test_same_move_again_is_restated_and_an_explicit_link_is_reaffirmed() -> None:
    steps = threads(
        [_p("p1", "demand", 10), _p("p2", "demand", 20), _p("p3", "demand", 30, reaffirms=("p2",))]
    )["a"]["ceasefire"]
    assert steps == [
        Step("p1", "restated", "p2"),
        Step("p2", "reaffirmed", "p3"),
        Step("p3", "current"),
    ]


def test_another_move_is_a_change_and_the_opposite_line_a_contradiction() -> None:
    steps = threads([_p("p1", "demand", 10), _p("p2", "offer", 20), _p("p3", "refusal", 30)])["a"][
        "ceasefire"
    ]
    assert [s.fate for s in steps] == ["changed", "contradicted", "current"]
    assert steps[1].by == "p3"


def test_opposition_is_only_between_yielding_and_refusing() -> None:
    assert opposes("offer", "refusal")
    assert opposes("refusal", "acceptance")
    assert opposes("rejection", "acceptance")
    assert not opposes("offer", "rejection")  # answers someone else: a change
    assert not opposes("demand", "refusal")
    assert not opposes("offer", "acceptance")


def test_a_topic_left_while_the_actor_speaks_on_others_is_no_longer_reaffirmed() -> None:
    later = DROPPED_AFTER_DAYS + 11
    result = threads([_p("p1", "demand", 10), _p("p2", "offer", later, topics=("sanctions",))])
    assert result["a"]["ceasefire"] == [Step("p1", "dropped")]
    assert result["a"]["sanctions"] == [Step("p2", "current")]


def test_a_short_silence_is_not_a_drop() -> None:
    result = threads([_p("p1", "demand", 10), _p("p2", "offer", 40, topics=("sanctions",))])
    assert result["a"]["ceasefire"] == [Step("p1", "current")]


def test_joint_positions_and_several_topics_go_in_every_thread() -> None:
    result = threads(
        [_p("p1", "agreement", 5, holders=("a", "b"), topics=("prisoners", "ceasefire"))]
    )
    assert set(result) == {"a", "b"}
    assert set(result["b"]) == {"prisoners", "ceasefire"}
