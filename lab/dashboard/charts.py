"""Geometry of the page's SVG charts: plain numbers and path strings for the templates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lab.tnps.periods import TrendPoint

WIDTH, HEIGHT = 640, 250
LEFT, RIGHT, TOP, BOTTOM = 46, 12, 14, 34
Y_TICKS = (100, 50, 0, -50, -100)


def _y(value: float) -> float:
    """TNPS -100..100 to the SVG's y (100 at the top)."""
    return round(TOP + (100 - value) / 200 * (HEIGHT - TOP - BOTTOM), 1)


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + (index * span / (count - 1) if count > 1 else span / 2), 1)


def _runs(points: Sequence[TrendPoint], upto: int | None = None) -> list[list[int]]:
    """Indexes of consecutive weeks with answers: empty weeks break the line and band.
    Only weeks before `upto` (the running, partial week is drawn on its own)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, point in enumerate(points[:upto]):
        if point.tally.n:
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _band(run: list[int], xs: Sequence[float], lows: Sequence[float],
          highs: Sequence[float]) -> str:
    if len(run) == 1:
        # One lone week: a narrow bar, or the band would have no width at all.
        i = run[0]
        x, low, high = xs[i], lows[i], highs[i]
        return f"M{x - 4},{high} L{x + 4},{high} L{x + 4},{low} L{x - 4},{low} Z"
    upper = [f"{xs[i]},{highs[i]}" for i in run]
    lower = [f"{xs[i]},{lows[i]}" for i in reversed(run)]
    return "M" + " L".join(upper + lower) + " Z"


def _line(run: list[int], xs: Sequence[float], ys: Sequence[float]) -> str:
    return "M" + " L".join(f"{xs[i]},{ys[i]}" for i in run)


@dataclass(frozen=True)
class Dot:
    """One week with answers, where it is drawn."""

    x: float
    y: float
    point: TrendPoint


@dataclass(frozen=True)
class TrendChart:
    """Everything the trend template draws."""

    width: int
    height: int
    bands: list[str]
    lines: list[str]
    team_lines: list[str]
    dots: list[Dot]
    y_ticks: list[tuple[float, int]]
    x_ticks: list[tuple[float, date]]
    plot_left: int
    plot_right: int
    empty: bool
    partial: Dot | None = None


def trend_chart(points: Sequence[TrendPoint], team: Sequence[TrendPoint] = (),
                today: date | None = None) -> TrendChart:
    """The weekly trend: the 95% interval as a band, TNPS as a line, the team's dashed.

    The week still running on `today` is not a full point: a Monday with ten answers
    once read as a drop to +30. It stays out of the line and band and is drawn as a
    hollow dot of its own, marked "so far".
    """
    count = len(points)
    running = count - 1 if today is not None and count and is_partial(points[-1], today) \
        else None
    runs = _runs(points, running)
    team_runs = _runs(team, running) if len(team) == count else []
    # Each week's x and y's worked out once: the band, line and dots share them.
    xs = [_x(i, count) for i in range(count)]
    ys = [_y(point.tnps or 0) for point in points]
    drawn = {i for run in runs for i in run}
    lows = [_y(point.ci_low) if i in drawn else 0.0 for i, point in enumerate(points)]
    highs = [_y(point.ci_high) if i in drawn else 0.0 for i, point in enumerate(points)]
    team_ys = [_y(point.tnps or 0) for point in team] if team_runs else []
    # A label at the first week of each month, so six months read as six names.
    ticks = [(xs[i], p.key) for i, p in enumerate(points)
             if i == 0 or p.key.month != points[i - 1].key.month]
    return TrendChart(
        width=WIDTH, height=HEIGHT,
        bands=[_band(run, xs, lows, highs) for run in runs],
        lines=[_line(run, xs, ys) for run in runs if len(run) > 1],
        team_lines=[_line(run, xs, team_ys) for run in team_runs if len(run) > 1],
        dots=[Dot(xs[i], ys[i], points[i]) for run in runs for i in run],
        y_ticks=[(_y(value), value) for value in Y_TICKS],
        x_ticks=ticks[1:] if len(ticks) > 1 and ticks[1][0] - ticks[0][0] < 40 else ticks,
        plot_left=LEFT, plot_right=WIDTH - RIGHT,
        empty=not runs and (running is None or not points[running].tally.n),
        partial=Dot(xs[running], ys[running], points[running])
        if running is not None and points[running].tally.n else None,
    )


def is_partial(point: TrendPoint, today: date) -> bool:
    """True when the point's week has not ended by the end of `today`."""
    return point.key + timedelta(days=7) > today + timedelta(days=1)


def scale(value: float | None, low: float = -100, high: float = 100) -> float:
    """A TNPS as a percentage of the width of a -100..100 strip (for interval rows)."""
    if value is None:
        return 50.0
    return round((min(max(value, low), high) - low) / (high - low) * 100, 2)
