"""ISO weeks as the centre names them (2026-W48) and their local bounds."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from lab.tnps.periods import period_bounds, period_label

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


class WeekError(ValueError):
    """A week that cannot be read, with the reason to show."""


@dataclass(frozen=True)
class Week:
    """One ISO week: its Monday, its label and its aware bounds in the centre's zone."""

    monday: date
    start: datetime
    end: datetime

    @property
    def label(self) -> str:
        return period_label("week", self.monday)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def back(self, weeks: int, tz: tzinfo) -> Week:
        return week_of(self.monday - timedelta(weeks=weeks), tz)


def week_of(day: date, tz: tzinfo) -> Week:
    """The week holding day."""
    monday = day - timedelta(days=day.weekday())
    start, end = period_bounds("week", monday, tz)
    return Week(monday, start, end)


def parse_week(text: str, tz: tzinfo) -> Week:
    """2026-W48 to its week; anything else is a WeekError that says what is expected."""
    found = _WEEK.match((text or "").strip())
    if not found:
        raise WeekError(f"a week is written like 2026-W48, got {text[:20]!r}")
    try:
        monday = date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
    except ValueError:
        raise WeekError(f"there is no week {text[:20]!r}") from None
    return week_of(monday, tz)
