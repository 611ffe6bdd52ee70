"""Practice results as plain maths: loyalty codes, stars, XP, levels, sector states.

No Flask and no database: the services pass in plain values and get plain values back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lab.tnps import Tally, tnps

# Practice TNPS needed for one, two and three stars (configurable: TRAINING_STAR_MARKS).
# With six trials: three promoters and three passives give 50; five promoters give 83.
DEFAULT_STAR_MARKS: tuple[float, float, float] = (50.0, 66.0, 83.0)
HINT_COST_XP = 10
XP_PER_STAR = 50
LEVEL_XP = 400  # XP from one level to the next; flat, so the next level is always in reach


def loyalty_code(ratings: Iterable[int]) -> float | None:
    """A sector's practice TNPS: % promoters minus % detractors among the customer's ratings."""
    return tnps(Tally.from_scores(ratings))


def stars_for(code: float | None, marks: Sequence[float] = DEFAULT_STAR_MARKS) -> int:
    """0-3 stars: one for each pass mark reached."""
    if code is None:
        return 0
    return sum(1 for mark in marks if code >= mark)


def code_category(code: float | None, marks: Sequence[float] = DEFAULT_STAR_MARKS) -> str:
    """How a loyalty code reads, for its colour: below zero more customers would warn others
    off than recommend (detractor); from the first star's mark it is a promoter's code."""
    if code is None or code < 0:
        return "detractor"
    return "promoter" if code >= marks[0] else "passive"


def reply_xp(rating: int, hint_used: bool) -> int:
    """XP for one reply: ten per rating point, less the hint's cost, never negative."""
    return max(0, rating * 10 - (HINT_COST_XP if hint_used else 0))


def sector_bonus_xp(stars: int, best_before: int) -> int:
    """Bonus for stars beyond the best already held: replaying for nothing earns nothing."""
    return XP_PER_STAR * max(0, stars - best_before)


@dataclass(frozen=True)
class Level:
    """Where an agent stands: level number and progress to the next."""

    number: int
    xp_into: int
    xp_needed: int

    @property
    def percent(self) -> int:
        """Progress to the next level, 0-100."""
        return round(100 * self.xp_into / self.xp_needed)


def level_for(xp: int) -> Level:
    """Level 1 at 0 XP, one more every LEVEL_XP."""
    return Level(number=1 + xp // LEVEL_XP, xp_into=xp % LEVEL_XP, xp_needed=LEVEL_XP)


@dataclass(frozen=True)
class SectorState:
    """What the map shows for one sector."""

    sector_id: str
    status: str  # locked | open | in_progress | passed
    stars: int
    best_code: float | None
    opened_by_lead: bool


def sector_states(
    order: Sequence[str],
    best: dict[str, tuple[float | None, int]],
    *,
    codex_done: bool,
    opened: set[str],
    in_progress: set[str],
) -> list[SectorState]:
    """States in map order: sector 1 opens after the Codex, each next one after a pass.

    `best` maps a sector to its best (loyalty code, stars); `opened` holds sectors a lead
    opened for this agent, which are open whatever came before.
    """
    states: list[SectorState] = []
    previous_passed = codex_done
    for sector_id in order:
        code, stars = best.get(sector_id, (None, 0))
        if stars > 0:
            status = "passed"
        elif sector_id in in_progress:
            status = "in_progress"
        elif previous_passed or sector_id in opened:
            status = "open"
        else:
            status = "locked"
        states.append(SectorState(sector_id, status, stars, code, sector_id in opened))
        previous_passed = stars > 0
    return states


def overall_code(ratings_by_sector: dict[str, Sequence[int]], sector_count: int) -> float | None:
    """The overall loyalty code: practice TNPS over the best attempt of every sector.

    Only once every sector has a result, so it is never a number made of one sector.
    """
    if len(ratings_by_sector) < sector_count:
        return None
    return loyalty_code(r for ratings in ratings_by_sector.values() for r in ratings)
