"""Calendar periods (day, ISO week, month) in a local timezone, and TNPS trends over them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal

from lab.tnps.interval import adjusted_wald
from lab.tnps.tally import Tally, tnps

PeriodKind = Literal["day", "week", "month"]
PERIOD_KINDS: tuple[str, ...] = ("day", "week", "month")


def _first_day(kind: str, day: date) -> date:
    """Return the first calendar day of the period holding day."""
    if kind == "day":
        return day
    if kind == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    if kind == "month":
        return day.replace(day=1)
    raise ValueError(f"period kind must be one of {', '.join(PERIOD_KINDS)}, got {kind!r}")


def _next_first_day(kind: str, first: date) -> date:
    if kind == "day":
        return first + timedelta(days=1)
    if kind == "week":
        return first + timedelta(days=7)
    return date(first.year + first.month // 12, first.month % 12 + 1, 1)


def _local_midnight(day: date, tz: tzinfo) -> datetime:
    """Return the first instant of day in tz."""
    naive = datetime.combine(day, time(0), tzinfo=tz)
    # Where a DST jump skips midnight itself, the round trip lands on the first real
    # instant of the day instead of a wall time that never happened.
    return naive.astimezone(UTC).astimezone(tz)


def period_bounds(kind: str, day: date, tz: tzinfo) -> tuple[datetime, datetime]:
    """Return the aware [start, end) of the day, ISO week or month holding day, in tz.

    Python subtracts two datetimes of one zone by wall clock: convert to UTC first to
    get the real length (23 or 25 hours across a DST change).
    """
    first = _first_day(kind, day)
    return _local_midnight(first, tz), _local_midnight(_next_first_day(kind, first), tz)


def _require_aware(dt: datetime) -> None:
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"a naive datetime has no place in time: {dt.isoformat()}")


def bucket_key(dt: datetime, kind: str, tz: tzinfo) -> date:
    """Return the first day of the period, in tz, that the aware instant dt falls in."""
    _require_aware(dt)
    return _first_day(kind, dt.astimezone(tz).date())


def period_label(kind: str, first: date) -> str:
    """Return a short label: 2026-11-22 for a day, 2026-W47 for a week, 2026-11 for a month."""
    if kind == "day":
        return first.isoformat()
    if kind == "week":
        year, week, _ = first.isocalendar()
        return f"{year}-W{week:02d}"
    if kind == "month":
        return f"{first.year}-{first.month:02d}"
    raise ValueError(f"period kind must be one of {', '.join(PERIOD_KINDS)}, got {kind!r}")


@dataclass(frozen=True)
class TrendPoint:
    """One period of a trend: its key, bounds, counts, raw TNPS and 95% interval."""

    key: date
    label: str
    start: datetime
    end: datetime
    tally: Tally
    tnps: float | None
    ci_low: float
    ci_high: float


def trend(
    points: Iterable[tuple[datetime, int]],
    kind: str,
    tz: tzinfo,
    start: date,
    end: date,
) -> list[TrendPoint]:
    """Return one point per period from start to end (both days included), empty ones too.

    Each point counts the scores whose call ended inside the period, so the caller passes
    (call_ended_at, score) pairs. Periods cut by start or end cover only the range.
    """
    if end < start:
        raise ValueError(f"trend end {end} is before its start {start}")
    range_start = _local_midnight(start, tz)
    range_end = _local_midnight(end + timedelta(days=1), tz)
    # Compared in UTC: within one zone Python compares wall clocks and ignores fold.
    utc_start, utc_end = range_start.astimezone(UTC), range_end.astimezone(UTC)
    scores: dict[date, list[int]] = {}
    for ended_at, score in points:
        _require_aware(ended_at)
        if utc_start <= ended_at.astimezone(UTC) < utc_end:
            scores.setdefault(bucket_key(ended_at, kind, tz), []).append(score)
    result = []
    first = _first_day(kind, start)
    while first <= end:
        bound_start, bound_end = period_bounds(kind, first, tz)
        tally = Tally.from_scores(scores.get(first, []))
        low, high = adjusted_wald(tally)
        result.append(
            TrendPoint(
                key=first,
                label=period_label(kind, first),
                start=max(bound_start, range_start),
                end=min(bound_end, range_end),
                tally=tally,
                tnps=tnps(tally),
                ci_low=low,
                ci_high=high,
            )
        )
        first = _next_first_day(kind, first)
    return result
