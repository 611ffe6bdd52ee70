"""TNPS report rows by agent or team, trends by day/week/month, and their text forms."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from sqlalchemy.orm import Session

from lab.system.csvsafe import SafeWriter
from lab.tnps import queries
from lab.tnps.interval import adjusted_wald
from lab.tnps.periods import PERIOD_KINDS, TrendPoint, period_bounds, period_label
from lab.tnps.summary import DEFAULT_MIN_N, Summary, summarize
from lab.tnps.tally import Tally, tnps

ROW_FIELDS = ("n", "promoters", "passives", "detractors", "tnps", "ci_low", "ci_high")


@dataclass(frozen=True)
class ReportRow:
    """One agent or team: the summary behind the brief's report row."""

    key_name: str
    key: str
    summary: Summary

    def to_row(self) -> dict[str, object]:
        """The report row JSON of the brief."""
        return self.summary.to_row(self.key_name, self.key)


def report(session: Session, by: str, start: date, end: date, channel: str | None = None,
           min_n: int = DEFAULT_MIN_N) -> list[ReportRow]:
    """One row per active agent (or team), those without answers included, by name."""
    if by == "agent":
        tallies = queries.by_agent(session, start, end, channel)
        names = set(queries.agent_logins(session)) | set(tallies)
    elif by == "team":
        tallies = queries.by_team(session, start, end, channel)
        names = set(queries.team_names(session)) | set(tallies)
    else:
        raise ValueError(f"a report is by 'agent' or 'team', got {by!r}")
    # By name, not by TNPS: ranking agents on small n ranks noise.
    return [ReportRow(by, name, summarize(tallies.get(name, Tally()), min_n))
            for name in sorted(names, key=natural_key)]


def natural_key(name: str) -> tuple:
    """agent2 before agent10."""
    return tuple(int(part) if part.isdigit() else part.lower()
                 for part in re.split(r"(\d+)", name))


def _first_day(kind: str, day: date) -> date:
    if kind == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if kind == "month" else day


def trend(session: Session, kind: str, start: date, end: date, tz: tzinfo,
          channel: str | None = None, agent_id: int | None = None,
          team_id: int | None = None) -> list[TrendPoint]:
    """One point per day, ISO week or month from start to end, empty periods included."""
    if kind not in PERIOD_KINDS:
        raise ValueError(f"period kind must be one of {', '.join(PERIOD_KINDS)}, got {kind!r}")
    days = queries.by_day(session, start, end, channel, agent_id, team_id)
    return trend_from_days(kind, days, start, end, tz)


def trend_from_days(kind: str, days: dict[date, Tally], start: date, end: date, tz: tzinfo
                    ) -> list[TrendPoint]:
    """The points of `trend` from tallies per day already read (days outside are ignored)."""
    counts = {day: (t.promoters, t.passives, t.detractors) for day, t in days.items()}
    return trends_from_days(kind, [counts], start, end, tz)[0]


def trends_from_days(kind: str, series: Sequence[Mapping[date, Sequence[int]]], start: date,
                     end: date, tz: tzinfo) -> list[list[TrendPoint]]:
    """One trend per mapping of day -> (promoters, passives, detractors), over the same
    periods: their bounds and labels (zone arithmetic, the costly part) are worked out
    once for all of them (My TNPS draws the agent's trend and the team's)."""
    if kind not in PERIOD_KINDS:
        raise ValueError(f"period kind must be one of {', '.join(PERIOD_KINDS)}, got {kind!r}")
    periods = _periods(kind, start, end, tz)
    index_of = {period[0]: index for index, period in enumerate(periods)}
    week = kind == "week"
    base = periods[0][0].toordinal() if periods else 0
    found = []
    for days in series:
        sums = [[0, 0, 0] for _ in periods]
        for day, (promoters, passives, detractors) in days.items():
            if start <= day <= end:
                # A week's index straight from the day's number: periods are whole weeks
                # from a Monday (a month or day is looked up).
                held = sums[(day.toordinal() - base) // 7] if week \
                    else sums[index_of[_first_day(kind, day)]]
                held[0] += promoters
                held[1] += passives
                held[2] += detractors
        points = []
        for (key, label, bound_start, bound_end), counts in zip(periods, sums, strict=True):
            tally = Tally(*counts)
            low, high = adjusted_wald(tally)
            points.append(TrendPoint(key, label, bound_start, bound_end, tally, tnps(tally),
                                     low, high))
        found.append(points)
    return found


@lru_cache(maxsize=64)
def _periods(kind: str, start: date, end: date, tz: tzinfo
             ) -> tuple[tuple[date, str, datetime, datetime], ...]:
    """Each period's first day, label and [start, end) within start..end (cut to it).

    Remembered: only the calendar and the zone's rules go into it (the same weeks every
    view of My TNPS on a day), and the zone arithmetic is most of a trend's cost."""
    range_start, _ = period_bounds("day", start, tz)
    _, range_end = period_bounds("day", end, tz)
    periods = []
    first = _first_day(kind, start)
    while first <= end:
        bound_start, bound_end = period_bounds(kind, first, tz)
        periods.append((first, period_label(kind, first), max(bound_start, range_start),
                        min(bound_end, range_end)))
        first = bound_end.astimezone(tz).date()
    return tuple(periods)


def as_table(rows: list[ReportRow], min_n: int) -> str:
    """A readable table; below min_n the TNPS says 'not enough data', not a number."""
    if not rows:
        return "no agents or teams"
    key_name = rows[0].key_name
    width = max(len(key_name), *(len(row.key) for row in rows))
    lines = [f"{key_name:<{width}}  {'n':>6} {'prom':>6} {'pass':>6} {'detr':>6}  "
             f"{'TNPS':>6}  95% interval"]
    for row in rows:
        data = row.to_row()
        counts = " ".join(f"{data[f]:>6}" for f in ("n", "promoters", "passives", "detractors"))
        if data["n"] == 0:
            verdict = f"{'—':>6}  no answers"
        elif not row.summary.enough_data:
            verdict = f"{data['tnps']:>6}  not enough data (n < {min_n})"
        else:
            verdict = f"{data['tnps']:>6}  {data['ci_low']} .. {data['ci_high']}"
        lines.append(f"{row.key:<{width}}  {counts}  {verdict}")
    return "\n".join(lines)


def as_csv(rows: list[ReportRow], key_name: str) -> str:
    """The rows as CSV, the same columns as the JSON rows."""
    out = io.StringIO()
    writer = SafeWriter(out)  # a team named "=HYPERLINK(...)" stays text
    writer.writerow((key_name, *ROW_FIELDS))
    for row in rows:
        data = row.to_row()
        writer.writerow((row.key, *("" if data[f] is None else data[f] for f in ROW_FIELDS)))
    return out.getvalue()
