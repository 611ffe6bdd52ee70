"""Who in a team needs help now: plain rules over numbers already computed."""

from __future__ import annotations

from lab.tnps.interval import compare
from lab.tnps.tally import Tally

BELOW_TEAM, DETRACTORS, OVERDUE = "below_team", "detractors", "overdue"
FLAGS: tuple[str, ...] = (BELOW_TEAM, DETRACTORS, OVERDUE)
# Three detractors within a week is more than one bad day: worth a talk.
RECENT_DETRACTORS = 3
RECENT_DAYS = 7


def rest_of(team: Tally, agent: Tally) -> Tally:
    """The team's tally without the agent's own answers."""
    return Tally(team.promoters - agent.promoters, team.passives - agent.passives,
                 team.detractors - agent.detractors)


def below_team(agent: Tally, team: Tally, min_n: int = 30) -> bool:
    """True when the agent's TNPS is below the rest of the team by more than noise (95%).

    Only with at least min_n answers: a flag is a judgement, and below min_n the page
    promises not to judge (three answers can be 'significant' and still mislead).
    """
    rest = rest_of(team, agent)
    if agent.n < max(1, min_n) or rest.n == 0:
        return False
    verdict = compare(rest, agent)
    return verdict.significant and verdict.diff is not None and verdict.diff < 0


def flags_for(agent: Tally, team: Tally, recent_detractors: int, overdue_sectors: int,
              min_n: int = 30) -> tuple[str, ...]:
    """The reasons an agent needs help now, in FLAGS order (empty when none)."""
    found = []
    if below_team(agent, team, min_n):
        found.append(BELOW_TEAM)
    if recent_detractors >= RECENT_DETRACTORS:
        found.append(DETRACTORS)
    if overdue_sectors:
        found.append(OVERDUE)
    return tuple(found)
