"""Counts of promoters, passives and detractors, and the raw TNPS they give."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lab.tnps.category import Category, category


@dataclass(frozen=True)
class Tally:
    """How many real scores fell in each bucket; n is always their sum."""

    promoters: int = 0
    passives: int = 0
    detractors: int = 0

    def __post_init__(self) -> None:
        promoters, passives, detractors = self.promoters, self.passives, self.detractors
        # The common case in one test (pages build hundreds of tallies a view); anything
        # else gets the full check below, which names the wrong field.
        if (type(promoters) is int and type(passives) is int and type(detractors) is int
                and promoters >= 0 and passives >= 0 and detractors >= 0):
            return
        for name in ("promoters", "passives", "detractors"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")

    @property
    def n(self) -> int:
        """Number of real scores: derived, so it can never disagree with the buckets."""
        return self.promoters + self.passives + self.detractors

    @classmethod
    def from_scores(cls, scores: Iterable[int]) -> Tally:
        """Count real 0-10 scores; a dismissed answer (None) is refused, not counted."""
        counts = {Category.PROMOTER: 0, Category.PASSIVE: 0, Category.DETRACTOR: 0}
        for score in scores:
            # A dismissed or empty survey has no score; letting it into n would drag
            # every bucket's share down (a known bug in other NPS products).
            if score is None:
                raise ValueError("a dismissed or empty answer is not a score; leave it out")
            counts[category(score)] += 1
        return cls(
            promoters=counts[Category.PROMOTER],
            passives=counts[Category.PASSIVE],
            detractors=counts[Category.DETRACTOR],
        )

    def with_score(self, score: int) -> Tally:
        """Return a new tally with one more real score counted."""
        return self + Tally.from_scores([score])

    def __add__(self, other: object) -> Tally:
        if not isinstance(other, Tally):
            return NotImplemented
        return Tally(
            promoters=self.promoters + other.promoters,
            passives=self.passives + other.passives,
            detractors=self.detractors + other.detractors,
        )

    def __radd__(self, other: object) -> Tally:
        # Lets the built-in sum() start from its default 0.
        if other == 0:
            return self
        return NotImplemented


def tnps(tally: Tally) -> float | None:
    """Raw TNPS, 100 * (P - D) / n, from -100 to 100; None when there is no score at all."""
    if tally.n == 0:
        return None
    return 100 * (tally.promoters - tally.detractors) / tally.n
