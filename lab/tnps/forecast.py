"""Where an agent's period may end: the chance of each bonus tier, from their answers so far.

The agent's answers are few and noisy, so the team's shares of promoters, passives and
detractors act as a prior worth PRIOR_STRENGTH answers (a Dirichlet). The answers still
to come this period follow the Dirichlet-multinomial; we enumerate every split of them
exactly, so the result is deterministic and needs no random numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction

from lab.tnps.bonus import BonusScheme
from lab.tnps.tally import Tally

# A modest prior: ten answers' worth of team behaviour. An agent with thirty answers of
# their own already outweighs it three to one; one with none is the team until they speak.
PRIOR_STRENGTH = 10.0
# Half an answer in each bucket keeps a team without a single detractor from claiming
# that detractors are impossible.
_SMOOTHING = 0.5
# Enumeration costs (m + 1)(m + 2) / 2 terms; a month of one agent's answers stays far below.
MAX_REMAINING = 1000


@dataclass(frozen=True)
class Forecast:
    """Chances of how the period ends: too few answers, below every tier, or each tier."""

    remaining: int
    final_n: int
    not_enough: float
    below: float
    tiers: tuple[float, ...]

    def at_least(self, index: int) -> float:
        """The chance of ending in tier `index` or a higher one."""
        return sum(self.tiers[index:])

    @property
    def total(self) -> float:
        """All outcomes together: 1, up to rounding."""
        return self.not_enough + self.below + sum(self.tiers)


def prior(team: Tally, strength: float = PRIOR_STRENGTH) -> tuple[float, float, float]:
    """Dirichlet pseudo-counts (promoters, passives, detractors) from the team's shares."""
    if strength <= 0:
        raise ValueError(f"the prior's strength must be positive, got {strength}")
    counts = (team.promoters, team.passives, team.detractors)
    total = team.n + 3 * _SMOOTHING
    return tuple(strength * (count + _SMOOTHING) / total for count in counts)  # type: ignore[return-value]


def expected_remaining(answered: int, elapsed: timedelta, left: timedelta) -> int:
    """Answers still to come if the agent keeps the pace of the period so far."""
    if answered <= 0 or left <= timedelta(0):
        return 0
    # At least a day of history: three answers in the first hour say little about a month.
    days = max(elapsed, timedelta(days=1)) / timedelta(days=1)
    return min(MAX_REMAINING, round(answered / days * (left / timedelta(days=1))))


def _log_terms(alpha: float, m: int) -> list[float]:
    """log of Gamma(k + alpha) / (Gamma(alpha) k!) for k = 0..m."""
    base = math.lgamma(alpha)
    return [math.lgamma(k + alpha) - base - math.lgamma(k + 1) for k in range(m + 1)]


def _net_distribution(alphas: tuple[float, float, float], m: int) -> dict[int, float]:
    """Chance of each net gain (new promoters minus new detractors) over m more answers."""
    a_p, a_pass, a_d = alphas
    total = a_p + a_pass + a_d
    const = math.lgamma(m + 1) + math.lgamma(total) - math.lgamma(m + total)
    log_p, log_pass, log_d = _log_terms(a_p, m), _log_terms(a_pass, m), _log_terms(a_d, m)
    mass: dict[int, float] = {}
    for promoters in range(m + 1):
        head = const + log_p[promoters]
        for detractors in range(m - promoters + 1):
            value = math.exp(head + log_d[detractors] + log_pass[m - promoters - detractors])
            net = promoters - detractors
            mass[net] = mass.get(net, 0.0) + value
    return mass


def _tier_at(net: int, n: int, scheme: BonusScheme) -> int | None:
    """The highest tier a TNPS of 100 * net / n reaches, compared exactly like bonus_for."""
    reached = None
    for index, (min_tnps, _) in enumerate(scheme.tiers):
        if Fraction(100 * net, n) >= Fraction(str(min_tnps)):
            reached = index
    return reached


def forecast(agent: Tally, team: Tally, remaining: int, scheme: BonusScheme,
             strength: float = PRIOR_STRENGTH) -> Forecast:
    """The chance of each way the period can end, given `remaining` more answers."""
    if remaining < 0:
        raise ValueError(f"remaining answers cannot be negative, got {remaining}")
    remaining = min(remaining, MAX_REMAINING)
    final_n = agent.n + remaining
    empty = tuple(0.0 for _ in scheme.tiers)
    if final_n < scheme.min_n:
        return Forecast(remaining, final_n, 1.0, 0.0, empty)
    alphas = tuple(p + c for p, c in zip(
        prior(team, strength), (agent.promoters, agent.passives, agent.detractors),
        strict=True))
    tiers = [0.0] * len(scheme.tiers)
    below = 0.0
    start = agent.promoters - agent.detractors
    for net, chance in _net_distribution(alphas, remaining).items():  # type: ignore[arg-type]
        index = _tier_at(start + net, final_n, scheme)
        if index is None:
            below += chance
        else:
            tiers[index] += chance
    # Rounding in thousands of exp() terms: rescale so the outcomes add up to exactly 1.
    total = below + sum(tiers)
    return Forecast(remaining, final_n, 0.0, below / total, tuple(t / total for t in tiers))
