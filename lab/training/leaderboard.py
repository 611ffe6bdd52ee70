"""The team leaderboard: by default only the places around the agent."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """One line of the board."""

    rank: int
    user_id: int
    name: str
    xp: int
    is_me: bool


def ranked(rows: Sequence[tuple[int, str, int]], me: int) -> list[Place]:
    """Rows (user_id, name, xp) ranked by XP; equal XP share a rank."""
    ordered = sorted(rows, key=lambda row: (-row[2], row[1]))
    places: list[Place] = []
    for index, (user_id, name, xp) in enumerate(ordered):
        rank = places[-1].rank if places and places[-1].xp == xp else index + 1
        places.append(Place(rank, user_id, name, xp, user_id == me))
    return places


def neighbours(places: Sequence[Place], radius: int = 2) -> list[Place]:
    """The agent's place with `radius` places above and below."""
    mine = next((i for i, place in enumerate(places) if place.is_me), None)
    if mine is None:
        return []
    return list(places[max(0, mine - radius): mine + radius + 1])
