"""Does training work? Live answers before and after an agent passed a sector (plain maths)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from lab.tnps.interval import Comparison, compare
from lab.tnps.summary import Summary, summarize
from lab.tnps.tally import Tally

DEFAULT_DAYS = 30


@dataclass(frozen=True)
class BeforeAfter:
    """Live TNPS in the days before and after a moment, and whether it moved beyond noise."""

    before: Summary
    after: Summary
    change: Comparison


def before_after(answers: Iterable[tuple[datetime, int]], moment: datetime,
                 days: int = DEFAULT_DAYS, min_n: int = 30) -> BeforeAfter:
    """Split (call_ended_at, score) pairs into `days` before and `days` after the moment."""
    start, end = moment - timedelta(days=days), moment + timedelta(days=days)
    before: list[int] = []
    after: list[int] = []
    for ended, score in answers:
        if start <= ended < moment:
            before.append(score)
        elif moment <= ended < end:
            after.append(score)
    tally_before, tally_after = Tally.from_scores(before), Tally.from_scores(after)
    return BeforeAfter(summarize(tally_before, min_n), summarize(tally_after, min_n),
                       compare(tally_before, tally_after))
