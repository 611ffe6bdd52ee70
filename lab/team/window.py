"""The period the team pages look at: the last N local days, and the N before them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

DAY_CHOICES: tuple[int, ...] = (7, 30, 90)
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Window:
    """Both ends included, in local days."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """Length in days."""
        return (self.end - self.start).days + 1

    def previous(self) -> Window:
        """The window of the same length just before this one."""
        return Window(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def since(self, tz: tzinfo) -> datetime:
        """The first instant of the window, aware."""
        return datetime.combine(self.start, time(0), tzinfo=tz)


def parse_days(value: str | None) -> int:
    """One of DAY_CHOICES from a query argument; anything else gives the default."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 6):
        return DEFAULT_DAYS  # "²" passes isdigit() but not int(); a huge one overflows
    days = int(text)
    return days if days in DAY_CHOICES else DEFAULT_DAYS


def last_days(today: date, days: int) -> Window:
    """The last `days` days up to today."""
    return Window(today - timedelta(days=days - 1), today)
