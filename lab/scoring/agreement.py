"""How well ratings agree with team leads' labels: the figures the issue's targets name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lab.scoring.result import category_for

# The targets, per language, on the holdout and in leave-one-trial-out.
TARGETS = {"spearman": 0.85, "excellent_promoters": 0.85, "gaming_above_3": 0,
           "poor_at_7": 0, "category_accuracy": 0.75}
SECTOR_SPEARMAN = 0.8


def average_ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, with tied values sharing the average of their ranks."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for k in range(start, end + 1):
            ranks[order[k]] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho: the Pearson correlation of average ranks."""
    rx, ry = average_ranks(xs), average_ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)
    return cov / var**0.5 if var else 0.0


@dataclass(frozen=True)
class Agreement:
    """The figures for one set of rated replies."""

    n: int
    spearman: float
    excellent_promoters: float
    gaming_above_3: int
    poor_at_7: int
    category_accuracy: float

    def meets(self) -> dict[str, bool]:
        """Which targets these figures meet."""
        return {
            "spearman": self.spearman >= TARGETS["spearman"],
            "excellent_promoters": self.excellent_promoters >= TARGETS["excellent_promoters"],
            "gaming_above_3": self.gaming_above_3 <= TARGETS["gaming_above_3"],
            "poor_at_7": self.poor_at_7 <= TARGETS["poor_at_7"],
            "category_accuracy": self.category_accuracy >= TARGETS["category_accuracy"],
        }


def agreement(kinds: Sequence[str], labels: Sequence[int], ratings: Sequence[int]
              ) -> Agreement:
    """Spearman, excellent replies rated promoters, gaming above 3, poor at 7+, categories."""
    n = len(labels)
    excellent = [r for k, r in zip(kinds, ratings, strict=True) if k == "excellent"]
    return Agreement(
        n=n,
        spearman=spearman(list(ratings), list(labels)) if n > 2 else 0.0,
        excellent_promoters=(sum(r >= 9 for r in excellent) / len(excellent)) if excellent
        else 1.0,
        gaming_above_3=sum(1 for k, r in zip(kinds, ratings, strict=True)
                           if k == "gaming" and r > 3),
        poor_at_7=sum(1 for k, r in zip(kinds, ratings, strict=True) if k == "poor" and r >= 7),
        category_accuracy=sum(category_for(int(r)) == category_for(int(label))
                              for r, label in zip(ratings, labels, strict=True)) / n if n
        else 0.0,
    )
