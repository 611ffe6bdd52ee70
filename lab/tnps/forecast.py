"""Where an agent's period may end: the chance of each bonus tier, from their answers so far.

The agent's answers are few and noisy, so the team's shares of promoters, passives and
detractors act as a prior worth PRIOR_STRENGTH answers (a Dirichlet). The answers still
to come this period follow the Dirichlet-multinomial; we enumerate the splits of them
that matter, in floating point, so the result is deterministic and needs no random
numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from fractions import Fraction
from itertools import accumulate

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


# Promoter counts whose weight is below exp(-_NEGLIGIBLE) of the likeliest one are left
# out: together they cannot move a chance the page shows as a whole percent.
_NEGLIGIBLE = 30.0


def _reach(alphas: tuple[float, float, float], m: int, needed: list[int]) -> list[float]:
    """For each k in `needed`, the chance that m more answers bring a net gain (new
    promoters minus new detractors) of at least k.

    The Dirichlet-multinomial splits in two steps: the promoters among the m answers are
    beta-binomial, and the detractors among the rest beta-binomial again. So each likely
    promoter count needs one cumulative row of detractor chances, read only at the few
    tier thresholds, in floating point (the inputs are a prior's pseudo-counts: exact
    arithmetic buys nothing). The rows are summed in C by itertools.accumulate.
    """
    a_p, a_pass, a_d = alphas
    rest = a_pass + a_d
    log_p, log_pass, log_d = _log_terms(a_p, m), _log_terms(a_pass, m), _log_terms(a_d, m)
    log_rest = _log_terms(rest, m)
    const = math.lgamma(m + 1) + math.lgamma(a_p + rest) - math.lgamma(m + a_p + rest)
    heads = [const + log_p[k] + log_rest[m - k] for k in range(m + 1)]
    cutoff = max(heads) - _NEGLIGIBLE
    reached = [0.0] * len(needed)
    weight = 0.0
    exp, lgamma = math.exp, math.lgamma
    for promoters, head in enumerate(heads):
        if head < cutoff:
            continue
        share = exp(head)
        weight += share
        left = m - promoters
        # Threshold k is reached with at most promoters - k detractors: certain when that
        # is all the rest, impossible below 0, else read from the row up to the largest.
        partial = [most for most in (promoters - k for k in needed) if 0 <= most < left]
        cumulative = []
        if partial:
            base = lgamma(left + 1) + lgamma(rest) - lgamma(left + rest)
            cumulative = list(accumulate(exp(base + log_d[d] + log_pass[left - d])
                                         for d in range(max(partial) + 1)))
        for index, k in enumerate(needed):
            most = promoters - k
            if most >= left:
                reached[index] += share
            elif most >= 0:
                reached[index] += share * cumulative[most]
    return [value / weight for value in reached]


def _thresholds(n: int, scheme: BonusScheme) -> list[int]:
    """The least net (promoters minus detractors) out of n that reaches each tier, exactly
    as bonus_for compares: 100 * net / n >= min_tnps, in integers (no float rounding)."""
    found = []
    for min_tnps, _ in scheme.tiers:
        exact = Fraction(str(min_tnps))
        # 100 * net * den >= num * n  <=>  net >= ceil(num * n / (100 * den))
        found.append(-((-exact.numerator * n) // (100 * exact.denominator)))
    return found


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
    start = agent.promoters - agent.detractors
    # Tier minimums rise strictly, so the thresholds do: tier i is reached and i + 1 not.
    needed = [least - start for least in _thresholds(final_n, scheme)]
    reach = _reach(alphas, remaining, needed)  # type: ignore[arg-type]
    tiers = [max(0.0, here - above) for here, above in zip(reach, [*reach[1:], 0.0], strict=True)]
    below = max(0.0, 1.0 - reach[0])
    # Rounding in many exp() terms: rescale so the outcomes add up to exactly 1.
    total = below + sum(tiers)
    return Forecast(remaining, final_n, 0.0, below / total, tuple(t / total for t in tiers))
