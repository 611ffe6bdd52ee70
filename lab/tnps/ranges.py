"""Splitting a range of local days into whole months and the partial months at its ends.

Reports read whole months from tnps_monthly (one row per agent and channel per month)
and only the days of the partial months at either end from tnps_daily: a year costs
~12 monthly rows plus at most two months of days per agent, not ~365 daily rows.
Plain dates, no database: the month edges are tested on their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

DayRange = tuple[date, date]  # first and last day, both included


@dataclass(frozen=True)
class Split:
    """A range as whole months and leftover days; together they cover it exactly once."""

    # First days of the first and last whole month (both included), None when no month
    # of the range is whole.
    months: DayRange | None
    # Leftover day ranges (the partial month at the start, then at the end), 0 to 2 of them.
    days: tuple[DayRange, ...]


def month_start(day: date) -> date:
    """The first day of the day's month."""
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first day of the month after the day's month."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def split_range(start: date, end: date) -> Split:
    """Whole months of [start, end] and the days around them."""
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    first_whole = start if start.day == 1 else next_month(start)
    # The month holding the day after `end` is not whole; every month before it that
    # starts on or after first_whole is.
    after_whole = month_start(end + timedelta(days=1))
    if first_whole >= after_whole:
        return Split(None, ((start, end),))
    days: list[DayRange] = []
    if start < first_whole:
        days.append((start, first_whole - timedelta(days=1)))
    if after_whole <= end:
        days.append((after_whole, end))
    last_whole = month_start(after_whole - timedelta(days=1))
    return Split((first_whole, last_whole), tuple(days))
