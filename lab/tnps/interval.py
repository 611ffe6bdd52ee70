"""95% intervals for one TNPS and for the change between two: adjusted Wald (Rocks 2016)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from lab.tnps.tally import Tally, tnps

Z_95 = 1.96

# Rocks' adjustment: three pseudo-answers spread 0.75 / 1.5 / 0.75 over the buckets.
# It keeps the interval honest at small n and at 100% promoters, where plain Wald
# collapses to zero width.
_EXTRA_N = 3
_EXTRA_EACH = 0.75


def _adjusted(tally: Tally) -> tuple[float, float, float]:
    """Return (centre, variance, n') of the adjusted TNPS, as proportions, not points."""
    n_adj = tally.n + _EXTRA_N
    p = (tally.promoters + _EXTRA_EACH) / n_adj
    d = (tally.detractors + _EXTRA_EACH) / n_adj
    centre = p - d
    variance = (p + d - centre**2) / n_adj
    return centre, variance, n_adj


def adjusted(tally: Tally) -> tuple[float, float, float]:
    """The adjusted TNPS as a proportion, its variance and n' (for other tests to build on)."""
    return _adjusted(tally)


def adjusted_wald(tally: Tally, z: float = Z_95) -> tuple[float, float]:
    """Return the (low, high) adjusted-Wald interval in TNPS points, clipped to [-100, 100]."""
    centre, variance, _ = _adjusted(tally)
    half = z * math.sqrt(variance)
    low = max(-100.0, 100 * (centre - half))
    high = min(100.0, 100 * (centre + half))
    return low, high


@dataclass(frozen=True)
class Comparison:
    """The change in TNPS from period a to period b, with its interval and verdict."""

    diff: float | None
    ci_low: float
    ci_high: float
    significant: bool


def compare(a: Tally, b: Tally, z: float = Z_95) -> Comparison:
    """Tell whether TNPS moved from a (before) to b (after) by more than noise, at 95%."""
    centre_a, var_a, _ = _adjusted(a)
    centre_b, var_b, _ = _adjusted(b)
    # Independent samples: the variance of the difference is the sum of the two.
    half = z * math.sqrt(var_a + var_b)
    centre = centre_b - centre_a
    low = max(-200.0, 100 * (centre - half))
    high = min(200.0, 100 * (centre + half))
    before, after = tnps(a), tnps(b)
    # The reported change is the raw one, like the reported TNPS; the interval is the
    # adjusted one. A period without any score can never make a change significant.
    diff = None if before is None or after is None else after - before
    significant = diff is not None and (low > 0 or high < 0)
    return Comparison(diff=diff, ci_low=low, ci_high=high, significant=significant)
