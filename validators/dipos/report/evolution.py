"""How each party's positions on a topic evolved: what became of each one.

A *thread* is the dated positions one actor holds on one topic, in date order. Each
position in it gets a *fate*, read from what the same actor said next on the same topic:

* ``current``: nothing later on the topic, and the actor has not gone quiet since;
* ``reaffirmed``: a later position names it in ``reaffirms``;
* ``restated``: the next position on the topic has the same move (said again, not linked);
* ``changed``: the next position on the topic has another move (a demand became an offer);
* ``contradicted``: the next position on the topic takes the opposite line: a refusal
  after an offer, acceptance, agreement, assurance or proposal, or one of these after a
  refusal or a rejection. A rejection *after* a yielding move is only a change: it
  answers another party's proposal, which need not reverse the actor's own offer;
* ``dropped``: nothing later on the topic, not reaffirmed, while the actor went on taking
  positions on other topics for more than :data:`DROPPED_AFTER_DAYS` days: it is *no
  longer reaffirmed*, which the report shows, without claiming it was abandoned.

These are readings of the data for a reader to check, not facts: the report says so.
Positions without a date are not in a thread (their order is unknown).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

Fate = Literal["current", "reaffirmed", "restated", "changed", "contradicted", "dropped"]

DROPPED_AFTER_DAYS: Final = 365
"""How long an actor must have gone on taking other positions, after its last word on a
topic, before that last word is shown as no longer reaffirmed."""

YIELDING: Final = frozenset({"offer", "acceptance", "agreement", "assurance", "proposal"})
REFUSING: Final = frozenset({"rejection", "refusal"})
"""Moves that a later yielding move reverses."""
RULING_OUT: Final = frozenset({"refusal"})
"""Moves that reverse an earlier yielding move (a rejection answers someone else)."""


@dataclass(frozen=True, slots=True)
class Dated:
    """What the evolution needs of a position: its id, holders, topics, move, the days
    its date covers (as ordinal day numbers) and the positions it reaffirms."""

    id: str
    holders: tuple[str, ...]
    topics: tuple[str, ...]
    move: str
    first: int
    last: int
    reaffirms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One position of a thread and its fate; ``by`` is the later position that decided
    it (the reaffirming, restating, changing or contradicting one), if any."""

    position: str
    fate: Fate
    by: str | None = None


def opposes(earlier: str, later: str) -> bool:
    """Whether a later move reverses an earlier one (an offer, then a refusal; a
    rejection, then an acceptance)."""
    return (earlier in YIELDING and later in RULING_OUT) or (
        earlier in REFUSING and later in YIELDING
    )


def threads(positions: Iterable[Dated]) -> dict[str, dict[str, list[Step]]]:
    """The threads of every actor, by actor id then topic, each in date order."""
    items = sorted(positions, key=lambda p: (p.first, p.last, p.id))
    reaffirmed_by: dict[str, str] = {}
    for position in items:
        for earlier in position.reaffirms:
            reaffirmed_by.setdefault(earlier, position.id)
    last_seen: dict[str, int] = {}
    grouped: dict[str, dict[str, list[Dated]]] = {}
    for position in items:
        for holder in position.holders:
            last_seen[holder] = max(last_seen.get(holder, position.last), position.last)
            by_topic = grouped.setdefault(holder, {})
            for topic in dict.fromkeys(position.topics):
                by_topic.setdefault(topic, []).append(position)
    result: dict[str, dict[str, list[Step]]] = {}
    for holder, by_topic in grouped.items():
        result[holder] = {
            topic: _steps(thread, reaffirmed_by, last_seen[holder])
            for topic, thread in by_topic.items()
        }
    return result


def _steps(thread: list[Dated], reaffirmed_by: dict[str, str], quiet_from: int) -> list[Step]:
    steps = []
    for number, position in enumerate(thread):
        later = thread[number + 1 :]
        explicit = reaffirmed_by.get(position.id)
        if later:
            following = later[0]
            if explicit is not None and any(p.id == explicit for p in later):
                steps.append(Step(position.id, "reaffirmed", explicit))
            elif following.move == position.move:
                steps.append(Step(position.id, "restated", following.id))
            elif opposes(position.move, following.move):
                steps.append(Step(position.id, "contradicted", following.id))
            else:
                steps.append(Step(position.id, "changed", following.id))
        elif explicit is not None:
            steps.append(Step(position.id, "reaffirmed", explicit))
        elif quiet_from - position.last > DROPPED_AFTER_DAYS:
            steps.append(Step(position.id, "dropped"))
        else:
            steps.append(Step(position.id, "current"))
    return steps
