"""The bonus period (the calendar month in the centre's zone) and the ranges the page reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from lab.tnps.periods import period_bounds

# Six months of weekly points: long enough to see a trend, short enough to read on a phone.
TREND_WEEKS = 26


@dataclass(frozen=True)
class Month:
    """One calendar month: its local days and its aware [start, end)."""

    first: date
    last: date
    start: datetime
    end: datetime

    @property
    def key(self) -> str:
        """2026-11."""
        return f"{self.first.year}-{self.first.month:02d}"

    def elapsed(self, now: datetime) -> timedelta:
        """Time gone in the month at `now` (zero before it, the whole month after)."""
        return min(max(now - self.start, timedelta(0)), self.end - self.start)

    def left(self, now: datetime) -> timedelta:
        """Time still to come in the month at `now`."""
        return (self.end - self.start) - self.elapsed(now)


def month_of(day: date, tz: tzinfo) -> Month:
    """The month holding `day`."""
    start, end = period_bounds("month", day, tz)
    last = end.astimezone(tz).date() - timedelta(days=1)
    return Month(day.replace(day=1), last, start, end)


def previous_month(month: Month, tz: tzinfo) -> Month:
    """The month before."""
    return month_of(month.first - timedelta(days=1), tz)


def trend_start(today: date) -> date:
    """The Monday that opens the six-month weekly trend ending this week."""
    monday = today - timedelta(days=today.weekday())
    return monday - timedelta(weeks=TREND_WEEKS - 1)
