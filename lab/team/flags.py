"""Who in a team needs help now: plain rules over numbers already computed."""

from __future__ import annotations

import math

from lab.tnps.interval import compare
from lab.tnps.tally import Tally

BELOW_TEAM, DETRACTORS, OVERDUE = "below_team", "detractors", "overdue"
FLAGS: tuple[str, ...] = (BELOW_TEAM, DETRACTORS, OVERDUE)
# Fewer than three detractors in a week is a bad day, whatever the rate.
RECENT_DETRACTORS = 3
RECENT_DAYS = 7
# The week's detractors must be more than the team's rate makes likely by chance at the
# agent's volume (one-sided binomial, 5%): six detractors of 90 answers is a busy week
# of the team's best agent, six of ten is a talk.
SIGNIFICANCE = 0.05


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


def detractor_rate(team: Tally, agent: Tally) -> float:
    """The rest of the team's share of detractors, half an answer of smoothing each way so
    a team without a single detractor does not make one detractor a scandal."""
    rest = rest_of(team, agent)
    return (rest.detractors + 0.5) / (rest.n + 1)


def binomial_tail(n: int, k: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed exactly (n is one agent's week)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    below = sum(math.comb(n, i) * p ** i * (1 - p) ** (n - i) for i in range(k))
    return max(0.0, 1.0 - below)


def many_detractors(recent_n: int, recent_detractors: int, rate: float) -> bool:
    """True when the week's detractors are at least RECENT_DETRACTORS and more than the
    team's rate explains at this volume."""
    if recent_detractors < RECENT_DETRACTORS:
        return False
    return binomial_tail(max(recent_n, recent_detractors), recent_detractors,
                         rate) < SIGNIFICANCE


def flags_for(agent: Tally, team: Tally, recent_detractors: int, overdue_sectors: int,
              min_n: int = 30, recent_n: int | None = None) -> tuple[str, ...]:
    """The reasons an agent needs help now, in FLAGS order (empty when none).

    `recent_n` is the agent's answers in the same RECENT_DAYS (None: only the detractors
    are known, so every answer is taken to be one of them)."""
    found = []
    if below_team(agent, team, min_n):
        found.append(BELOW_TEAM)
    week = recent_detractors if recent_n is None else recent_n
    if many_detractors(week, recent_detractors, detractor_rate(team, agent)):
        found.append(DETRACTORS)
    if overdue_sectors:
        found.append(OVERDUE)
    return tuple(found)
