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
from functools import lru_cache

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

    The Dirichlet-multinomial splits in two steps: the promoters p among the m answers
    are beta-binomial, and the detractors among the other m - p beta-binomial again, so
    the gain reaches k when at most p - k of them are detractors. That chance, F(m - p,
    p - k), is walked along p with the beta-binomial's own ratios (one answer fewer, one
    detractor more allowed), a few multiplications a step: m steps per threshold instead
    of m^2 / 2 terms. Floating point: the inputs are a prior's pseudo-counts, so exact
    arithmetic buys nothing.
    """
    a_p, a_pass, a_d = alphas
    rest = a_pass + a_d
    log_p, log_rest = _log_terms(a_p, m), _log_terms(rest, m)
    const = math.lgamma(m + 1) + math.lgamma(a_p + rest) - math.lgamma(m + a_p + rest)
    heads = [const + log_p[k] + log_rest[m - k] for k in range(m + 1)]
    cutoff = max(heads) - _NEGLIGIBLE
    weights = [math.exp(h) if h >= cutoff else 0.0 for h in heads]
    total = sum(weights)
    return [_reach_one(weights, a_d, a_pass, m, k) / total for k in needed]


def _log_pmf(n: int, x: int, a: float, b: float) -> float:
    """log of the beta-binomial pmf: x detractors among n, Beta(a, b) behind them."""
    lg = math.lgamma
    return (lg(n + 1) - lg(x + 1) - lg(n - x + 1) + lg(x + a) + lg(n - x + b) - lg(n + a + b)
            - lg(a) - lg(b) + lg(a + b))


def _reach_one(weights: list[float], a: float, b: float, m: int, k: int) -> float:
    """Sum over p of weights[p] * F(m - p, p - k), F the detractors' cumulative chance."""
    first = max(0, k)  # fewer promoters than k can never reach it
    if first > m:
        return 0.0
    n, x = m - first, first - k
    if x >= n:  # all the rest may be detractors: certain from here on
        return sum(weights[first:])
    log_f = _log_pmf(n, x, a, b)
    cdf = sum(math.exp(_log_pmf(n, d, a, b)) for d in range(x + 1))
    reached = weights[first] * cdf
    total_ab = a + b
    log, exp = math.log, math.exp
    for p in range(first + 1, m + 1):
        # From (n, x) to (n - 1, x + 1). One answer fewer with x allowed (Polya urn):
        # F(n-1, x) = F(n, x) + f(n-1, x) (a + x) / (a + b + n - 1); then one more
        # detractor allowed: F(n-1, x+1) = F(n-1, x) + f(n-1, x+1).
        if x + 1 >= n - 1:
            return reached + sum(weights[p:])
        log_f += log((n - x) * (n - 1 + total_ab) / (n * (n - 1 - x + b)))
        cdf += exp(log_f) * (a + x) / (total_ab + n - 1)
        n -= 1
        log_f += log((n - x) * (x + a) / ((x + 1) * (n - x - 1 + b)))
        x += 1
        cdf += exp(log_f)
        reached += weights[p] * min(cdf, 1.0)
    return reached


def _thresholds(n: int, scheme: BonusScheme) -> list[int]:
    """The least net (promoters minus detractors) out of n that reaches each tier, exactly
    as bonus_for compares: 100 * net / n >= min_tnps, in integers (no float rounding)."""
    found = []
    for min_tnps, _ in scheme.tiers:
        exact = Fraction(str(min_tnps))
        # 100 * net * den >= num * n  <=>  net >= ceil(num * n / (100 * den))
        found.append(-((-exact.numerator * n) // (100 * exact.denominator)))
    return found


@lru_cache(maxsize=4096)
def forecast(agent: Tally, team: Tally, remaining: int, scheme: BonusScheme,
             strength: float = PRIOR_STRENGTH) -> Forecast:
    """The chance of each way the period can end, given `remaining` more answers.

    A pure function of frozen values, remembered: My TNPS asks the same question on every
    view until a new answer changes a tally, and each costs some thousand lgamma calls."""
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
