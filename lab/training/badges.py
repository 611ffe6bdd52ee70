"""Badges for real achievements, never for turning up."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

PROMOTER_MIN = 9
DETRACTOR_MAX = 6

# Order is the order the map shows them in.
BADGES = ("first_promoter", "comeback", "clean_sector", "all_codes", "codex_scholar")


@dataclass(frozen=True)
class FinishedAttempt:
    """What badges need to know of one finished attempt."""

    sector_id: str
    ratings: tuple[int, ...]
    stars: int


def earned(
    attempts: Sequence[tuple[str, Sequence[int]]],
    finished: Sequence[FinishedAttempt],
    *,
    sector_count: int,
    codex_done: bool,
) -> set[str]:
    """Every badge the history deserves.

    `attempts` are (sector, ratings in step order) for every attempt, finished or not.
    """
    badges: set[str] = set()
    for _sector, ratings in attempts:
        if any(r >= PROMOTER_MIN for r in ratings):
            badges.add("first_promoter")
        # A promoter-level reply straight after a detractor-level one: won back.
        pairs = zip(ratings, ratings[1:], strict=False)
        if any(a <= DETRACTOR_MAX and b >= PROMOTER_MIN for a, b in pairs):
            badges.add("comeback")
    for attempt in finished:
        if attempt.stars > 0 and all(r > DETRACTOR_MAX for r in attempt.ratings):
            badges.add("clean_sector")
    if len({a.sector_id for a in finished if a.stars > 0}) >= sector_count > 0:
        badges.add("all_codes")
    if codex_done:
        badges.add("codex_scholar")
    return badges
