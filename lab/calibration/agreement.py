"""How the scorer agrees with the leads' reviews: plain figures, no database, no Flask.

Spearman comes from lab.scoring.agreement (average ranks for ties), the same statistic the
corpus is measured with, so the figures on real replies compare with the README's.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from lab.scoring.agreement import spearman
from lab.scoring.result import category_for

# Below this many reviews a rank correlation (or a chart of one) says more about chance
# than about the scorer: with 10 pairs a rho of 0.55 is still within the noise at 5%.
MIN_REVIEWS = 10


@dataclass(frozen=True)
class Pair:
    """One reviewed reply: what the scorer said and what the lead would give."""

    scorer: int
    lead: int
    sector: str = ""
    lang: str = ""
    at: datetime | None = None  # when the scorer rated the reply


@dataclass(frozen=True)
class Figures:
    """Agreement of one group of reviewed replies."""

    n: int
    spearman: float | None  # None: too few reviews, or one side gave a single rating
    mean_gap: float | None  # lead minus scorer; None without reviews
    exact: float | None  # share rated exactly as the lead would
    same_category: float | None  # share in the lead's category (promoter/passive/detractor)

    @property
    def enough(self) -> bool:
        """Whether there are enough reviews to read the Spearman."""
        return self.spearman is not None


def mean_gap(scorer: Sequence[int], lead: Sequence[int]) -> float | None:
    """The mean of lead minus scorer: above zero, leads rate higher than the scorer."""
    if not scorer:
        return None
    return sum(b - a for a, b in zip(scorer, lead, strict=True)) / len(scorer)


def rank_agreement(scorer: Sequence[int], lead: Sequence[int],
                   min_n: int = MIN_REVIEWS) -> float | None:
    """Spearman's rho, or None below min_n pairs or when either side never varies
    (ranks are then undefined, and 0 would read as 'no agreement')."""
    if len(scorer) < max(min_n, 3) or len(set(scorer)) < 2 or len(set(lead)) < 2:
        return None
    return spearman(list(scorer), list(lead))


def figures(pairs: Sequence[Pair], min_n: int = MIN_REVIEWS) -> Figures:
    """The figures of one group."""
    scorer = [p.scorer for p in pairs]
    lead = [p.lead for p in pairs]
    n = len(pairs)
    return Figures(
        n=n,
        spearman=rank_agreement(scorer, lead, min_n),
        mean_gap=mean_gap(scorer, lead),
        exact=sum(a == b for a, b in zip(scorer, lead, strict=True)) / n if n else None,
        same_category=sum(category_for(a) == category_for(b)
                          for a, b in zip(scorer, lead, strict=True)) / n if n else None,
    )


def grouped(pairs: Sequence[Pair], key: Callable[[Pair], Hashable],
            min_n: int = MIN_REVIEWS) -> list[tuple[Hashable, Figures]]:
    """Figures per value of `key`, in the order of the keys."""
    groups: dict[Hashable, list[Pair]] = {}
    for pair in pairs:
        groups.setdefault(key(pair), []).append(pair)
    return [(k, figures(groups[k], min_n)) for k in sorted(groups)]


def iso_week(moment: datetime) -> str:
    """'2026-W48': the ISO week a moment falls in."""
    year, week, _day = moment.isocalendar()
    return f"{year}-W{week:02d}"


def week_label(key: str) -> str:
    """'2026-W49' as its dates, '30.11–06.12.2026': the same in every language."""
    monday = datetime.strptime(f"{key}-1", "%G-W%V-%u")
    return f"{monday:%d.%m}–{monday + timedelta(days=6):%d.%m.%Y}"


def grid(pairs: Sequence[Pair]) -> list[list[int]]:
    """Counts of replies by lead rating (rows, 10 at the top) and scorer rating (columns)."""
    counts = [[0] * 11 for _ in range(11)]
    for pair in pairs:
        counts[10 - pair.lead][pair.scorer] += 1
    return counts
