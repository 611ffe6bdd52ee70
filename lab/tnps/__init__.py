"""TNPS: buckets, tallies, intervals, periods and bonus rules (plain maths, re-exported
here), plus the rollup and report queries over SQLAlchemy sessions. No Flask anywhere."""

from lab.tnps.bonus import (
    DEFAULT_SCHEME,
    Bonus,
    BonusScheme,
    DetractorCost,
    bonus_for,
    bonus_for_tally,
    cost_of_one_detractor,
    promoters_to_next_tier,
    promoters_to_reach,
)
from lab.tnps.category import Category, category
from lab.tnps.interval import Z_95, Comparison, adjusted_wald, compare
from lab.tnps.periods import (
    PERIOD_KINDS,
    TrendPoint,
    bucket_key,
    period_bounds,
    period_label,
    trend,
)
from lab.tnps.summary import DEFAULT_MIN_N, Summary, summarize
from lab.tnps.tally import Tally, tnps

__all__ = [
    "DEFAULT_MIN_N",
    "DEFAULT_SCHEME",
    "PERIOD_KINDS",
    "Z_95",
    "Bonus",
    "BonusScheme",
    "Category",
    "Comparison",
    "DetractorCost",
    "Summary",
    "Tally",
    "TrendPoint",
    "adjusted_wald",
    "bonus_for",
    "bonus_for_tally",
    "bucket_key",
    "category",
    "compare",
    "cost_of_one_detractor",
    "period_bounds",
    "period_label",
    "promoters_to_next_tier",
    "promoters_to_reach",
    "summarize",
    "tnps",
    "trend",
]
