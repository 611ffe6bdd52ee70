"""Bonus tiers by TNPS, and what one more promoter or detractor does to an agent's bonus."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from lab.tnps.summary import DEFAULT_MIN_N, Summary
from lab.tnps.tally import Tally, tnps


def _exact(value: float | Fraction) -> Fraction:
    if isinstance(value, Fraction):
        return value
    return _exact_float(value)


@lru_cache(maxsize=256)
def _exact_float(value: float) -> Fraction:
    # Through str so a threshold of 33.3 means 33.3, not its nearest binary float. Kept:
    # a scheme's few thresholds are compared some thirty times a view of My TNPS.
    return Fraction(str(value))


def _reaches(tally: Tally, min_tnps: float | Fraction) -> bool:
    """Tell whether the tally's raw TNPS is at least min_tnps, compared exactly: as
    whole numbers, 100 (P - D) / n >= a / b being 100 (P - D) b >= a n (n, b > 0)."""
    if tally.n == 0:
        return False
    target = _exact(min_tnps)
    return (100 * (tally.promoters - tally.detractors) * target.denominator
            >= target.numerator * tally.n)


@dataclass(frozen=True)
class BonusScheme:
    """Tiers of (min TNPS, bonus percent), lowest first, and the n below which none is paid."""

    tiers: tuple[tuple[float, float], ...]
    min_n: int = DEFAULT_MIN_N

    def __init__(self, tiers: Sequence[tuple[float, float]], min_n: int = DEFAULT_MIN_N):
        # Stored as tuples so a scheme stays hashable and nobody edits it in place.
        object.__setattr__(self, "tiers", tuple((float(m), float(p)) for m, p in tiers))
        object.__setattr__(self, "min_n", min_n)
        if not self.tiers:
            raise ValueError("a bonus scheme needs at least one tier")
        if isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 1:
            raise ValueError(f"min_n must be a whole number >= 1, got {min_n!r}")
        mins = [m for m, _ in self.tiers]
        if any(b <= a for a, b in zip(mins, mins[1:], strict=False)):
            raise ValueError(f"tier minimums must rise strictly, got {mins}")
        for min_tnps, percent in self.tiers:
            if not -100 <= min_tnps <= 100:
                raise ValueError(f"a tier's min TNPS must be from -100 to 100, got {min_tnps}")
            if percent < 0:
                raise ValueError(f"a tier's bonus percent cannot be negative, got {percent}")


# Every TNPS earns a tier; below zero the bonus is nothing.
DEFAULT_SCHEME = BonusScheme(
    tiers=[(-100, 0), (0, 5), (30, 10), (50, 15), (70, 20)],
    min_n=DEFAULT_MIN_N,
)


@dataclass(frozen=True)
class Bonus:
    """The tier an agent's TNPS earns, or no percent at all when n is below the minimum."""

    enough_data: bool
    percent: float | None
    tier_min_tnps: float | None
    note: str


def _tier_index(tally: Tally, scheme: BonusScheme) -> int | None:
    """Return the index of the highest tier the tally reaches, None below all of them."""
    reached = [i for i, (m, _) in enumerate(scheme.tiers) if _reaches(tally, m)]
    return reached[-1] if reached else None


def bonus_for_tally(tally: Tally, scheme: BonusScheme = DEFAULT_SCHEME) -> Bonus:
    """Return the bonus a tally earns under the scheme; below min_n, not enough data."""
    if tally.n < scheme.min_n:
        # Paying on a handful of answers pays on noise: say so instead of a percent.
        return Bonus(False, None, None, f"not enough data: {tally.n} of {scheme.min_n} scores")
    index = _tier_index(tally, scheme)
    if index is None:
        return Bonus(True, 0.0, None, "below the lowest tier")
    min_tnps, percent = scheme.tiers[index]
    return Bonus(True, percent, min_tnps, f"tier from TNPS {min_tnps:g}: {percent:g}%")


def bonus_for(summary: Summary, scheme: BonusScheme = DEFAULT_SCHEME) -> Bonus:
    """Return the bonus a summarised period earns; the scheme's min_n decides enough data."""
    return bonus_for_tally(summary.tally, scheme)


def promoters_to_reach(tally: Tally, min_tnps: float | Fraction) -> int | None:
    """Return how many more promoters, with no new detractor, lift TNPS to min_tnps."""
    if _reaches(tally, min_tnps):
        return 0
    target = _exact(min_tnps)
    if target >= 100:
        # 100 needs every answer a promoter: extra promoters never erase past ones.
        return None
    # Solve 100 * (P + k - D) >= target * (n + k) for the smallest whole k.
    needed = (target * tally.n - 100 * (tally.promoters - tally.detractors)) / (100 - target)
    return max(1, math.ceil(needed))


def promoters_to_next_tier(tally: Tally, scheme: BonusScheme = DEFAULT_SCHEME) -> int | None:
    """Return how many more promoters reach the next tier's min TNPS; None at the top."""
    index = _tier_index(tally, scheme)
    next_index = 0 if index is None else index + 1
    if next_index >= len(scheme.tiers):
        return None
    return promoters_to_reach(tally, scheme.tiers[next_index][0])


@dataclass(frozen=True)
class DetractorCost:
    """What one more detractor does: TNPS and bonus before and after, and the way back.

    promoters_to_recover is None when there was no TNPS before, or it was 100 (which no
    number of promoters can give back once a detractor is in).
    """

    tnps_before: float | None
    tnps_after: float
    before: Bonus
    after: Bonus
    promoters_to_recover: int | None


def cost_of_one_detractor(tally: Tally, scheme: BonusScheme = DEFAULT_SCHEME) -> DetractorCost:
    """Return the tier and percent after one more detractor, and promoters to win it back."""
    after_tally = tally + Tally(detractors=1)
    before_tnps = tnps(tally)
    after_tnps = tnps(after_tally)
    assert after_tnps is not None  # n >= 1 after adding a detractor
    recover = None
    if before_tnps is not None:
        # Aim at the exact TNPS, 100 * (P - D) / n, not its float, or 33.33... would
        # ask for one promoter too many.
        exact_before = Fraction(100 * (tally.promoters - tally.detractors), tally.n)
        recover = promoters_to_reach(after_tally, exact_before)
    return DetractorCost(
        tnps_before=before_tnps,
        tnps_after=after_tnps,
        before=bonus_for_tally(tally, scheme),
        after=bonus_for_tally(after_tally, scheme),
        promoters_to_recover=recover,
    )
