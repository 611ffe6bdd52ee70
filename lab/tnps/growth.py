"""Which comment topics grow among detractors: this week's share against the last four.

The share of detractors whose comment has a topic is a proportion; the change between two
independent proportions gets the Agresti-Caffo 95% interval (one success and one failure
added to each side), which stays honest for the small counts a week of one topic gives.
A topic grows when the whole interval lies above zero.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lab.tnps.interval import Z_95

BASELINE_WEEKS = 4


@dataclass(frozen=True)
class TopicGrowth:
    """One topic among detractors: now (k of n) against the baseline weeks."""

    topic: str
    now_k: int
    now_n: int
    base_k: int
    base_n: int
    diff: float | None  # percentage points, raw shares
    ci_low: float
    ci_high: float

    @property
    def now_share(self) -> float | None:
        return None if self.now_n == 0 else 100 * self.now_k / self.now_n

    @property
    def base_share(self) -> float | None:
        return None if self.base_n == 0 else 100 * self.base_k / self.base_n

    @property
    def grows(self) -> bool:
        """True when the share rose by more than noise (the interval is above zero)."""
        return self.diff is not None and self.ci_low > 0


def share_change(k1: int, n1: int, k0: int, n0: int, z: float = Z_95) -> tuple[float, float]:
    """The Agresti-Caffo interval (percentage points) for share k1/n1 minus k0/n0."""
    if min(k1, n1, k0, n0) < 0 or k1 > n1 or k0 > n0:
        raise ValueError("counts must satisfy 0 <= k <= n")
    p1, p0 = (k1 + 1) / (n1 + 2), (k0 + 1) / (n0 + 2)
    half = z * math.sqrt(p1 * (1 - p1) / (n1 + 2) + p0 * (1 - p0) / (n0 + 2))
    centre = p1 - p0
    return max(-100.0, 100 * (centre - half)), min(100.0, 100 * (centre + half))


def topic_growth(now: Iterable[tuple[str, ...]], baseline: Iterable[tuple[str, ...]],
                 topics: Sequence[str]) -> list[TopicGrowth]:
    """Each topic's growth among detractors; `now` and `baseline` are detractors' topics.

    Sorted with the growing topics first, then by the size of the change.
    """
    now, baseline = list(now), list(baseline)
    rows = []
    for topic in topics:
        k1 = sum(1 for found in now if topic in found)
        k0 = sum(1 for found in baseline if topic in found)
        low, high = share_change(k1, len(now), k0, len(baseline))
        diff = (None if not now or not baseline
                else 100 * k1 / len(now) - 100 * k0 / len(baseline))
        rows.append(TopicGrowth(topic, k1, len(now), k0, len(baseline), diff, low, high))
    return sorted(rows, key=lambda row: (not row.grows, -(row.diff or 0), row.topic))
