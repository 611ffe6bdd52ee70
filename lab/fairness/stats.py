"""The tests behind the fairness flags: plain Python, no Flask, no database.

Two kinds of difference are judged: a share (IVR answers, promoters, 10s without a
comment) against another share, and a TNPS gap (IVR minus SMS) against another gap.
A flag is a judgement about a person, so the level is strict (z = 3.29, 99.9%): an
agent is checked several ways every month, and at 95% one honest agent in four would
trip one of them by chance. A difference must also be large, not only certain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lab.tnps.interval import adjusted
from lab.tnps.tally import Tally, tnps

FLAG_Z = 3.29  # two-sided 99.9%
FLAG_LEVEL = 99.9
# Below this many answers on either side nothing is judged, whatever the test says.
MIN_N = 30


@dataclass(frozen=True)
class Difference:
    """A (in points) minus B, its interval at the flag level, and the verdict."""

    a: float | None  # the agent's value, in points (a share in %, or a TNPS gap)
    b: float | None  # what it is compared with
    diff: float | None
    ci_low: float
    ci_high: float
    z: float
    n_a: int
    n_b: int
    significant: bool  # above b by more than noise (one direction only: the gamed one)


def _empty(n_a: int, n_b: int) -> Difference:
    return Difference(None, None, None, 0.0, 0.0, 0.0, n_a, n_b, False)


def two_proportions(x_a: int, n_a: int, x_b: int, n_b: int, z: float = FLAG_Z,
                    min_n: int = MIN_N) -> Difference:
    """Share x_a/n_a against x_b/n_b: the pooled two-proportion z test, and the
    Newcombe (Wilson score) interval of the difference, in percentage points.

    Newcombe's interval keeps its coverage near 0% and 100% and at small n, where the
    plain Wald interval is too narrow; a 100% share of 10s is exactly such a case.
    """
    if n_a < max(1, min_n) or n_b < max(1, min_n):
        return _empty(n_a, n_b)
    p_a, p_b = x_a / n_a, x_b / n_b
    pooled = (x_a + x_b) / (n_a + n_b)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n_a + 1 / n_b))
    score = (p_a - p_b) / se if se > 0 else 0.0
    low_a, high_a = wilson(x_a, n_a, z)
    low_b, high_b = wilson(x_b, n_b, z)
    diff = p_a - p_b
    low = diff - math.sqrt((p_a - low_a) ** 2 + (high_b - p_b) ** 2)
    high = diff + math.sqrt((high_a - p_a) ** 2 + (p_b - low_b) ** 2)
    return Difference(100 * p_a, 100 * p_b, 100 * diff, 100 * low, 100 * high, score,
                      n_a, n_b, score >= z and low > 0)


def wilson(x: int, n: int, z: float = FLAG_Z) -> tuple[float, float]:
    """The Wilson score interval of a share x/n, as proportions."""
    if n <= 0:
        return 0.0, 1.0
    p = x / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Gap:
    """TNPS by IVR minus TNPS by SMS, and the variance of that difference."""

    ivr: Tally
    sms: Tally

    @property
    def n(self) -> int:
        return min(self.ivr.n, self.sms.n)

    @property
    def points(self) -> float | None:
        """The raw gap in TNPS points (None without answers on both channels)."""
        a, b = tnps(self.ivr), tnps(self.sms)
        return None if a is None or b is None else a - b

    def _centre_var(self) -> tuple[float, float]:
        centre_i, var_i, _ = adjusted(self.ivr)
        centre_s, var_s, _ = adjusted(self.sms)
        return centre_i - centre_s, var_i + var_s


def gap_difference(a: Gap, b: Gap, z: float = FLAG_Z, min_n: int = MIN_N) -> Difference:
    """The agent's IVR-SMS gap against another gap (the team's, or their own before),
    with the adjusted-Wald variances of the four TNPS summed (independent samples)."""
    if a.n < max(1, min_n) or b.n < max(1, min_n):
        return _empty(a.n, b.n)
    centre_a, var_a = a._centre_var()
    centre_b, var_b = b._centre_var()
    se = math.sqrt(var_a + var_b)
    centre = centre_a - centre_b
    raw_a, raw_b = a.points, b.points
    diff = None if raw_a is None or raw_b is None else raw_a - raw_b
    score = centre / se if se > 0 else 0.0
    low, high = 100 * (centre - z * se), 100 * (centre + z * se)
    return Difference(raw_a, raw_b, diff, low, high, score, a.n, b.n,
                      diff is not None and score >= z and low > 0)
