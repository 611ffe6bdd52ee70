"""Coordinates for the SVG charts the coaching pages draw (plain numbers, no markup)."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Room on the right and at the top for the last tick's label ("+100" was cut off).
WIDTH, HEIGHT = 360, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 24, 16, 36
# Axes span whole steps of 25 points around the data, never less than 50 points wide,
# so three agents between +40 and +70 are not squeezed into one corner of -100..100.
STEP = 25
MIN_SPAN = 50


@dataclass(frozen=True)
class Range:
    """One axis's span, in TNPS points, with its ticks."""

    low: int
    high: int

    @property
    def ticks(self) -> list[int]:
        """Every STEP from low to high."""
        return list(range(self.low, self.high + 1, STEP))


def span_of(values: list[float]) -> Range:
    """The smallest whole-STEP span holding the values, at least MIN_SPAN wide, in -100..100."""
    if not values:
        return Range(-100, 100)
    low = max(-100, STEP * math.floor(min(values) / STEP))
    high = min(100, STEP * math.ceil(max(values) / STEP))
    while high - low < MIN_SPAN:
        if high < 100:
            high += STEP
        if high - low < MIN_SPAN and low > -100:
            low -= STEP
    return Range(low, high)


@dataclass(frozen=True)
class Axes:
    """The scatter's two spans and the pixel maps they give."""

    x: Range
    y: Range

    def x_of(self, value: float) -> float:
        """The x pixel of a practice code."""
        return round(LEFT + (value - self.x.low) / (self.x.high - self.x.low)
                     * (WIDTH - LEFT - RIGHT), 1)

    def y_of(self, value: float) -> float:
        """The y pixel of a TNPS, up is higher (clipped to the plot)."""
        value = min(max(value, self.y.low), self.y.high)
        return round(TOP + (self.y.high - value) / (self.y.high - self.y.low)
                     * (HEIGHT - TOP - BOTTOM), 1)


@dataclass(frozen=True)
class Dot:
    """One agent on the scatter chart; the whisker is the live TNPS's 95% interval.
    `number` is the label drawn beside the dot and shown in the table's first column."""

    number: int
    label: str
    x: float
    y: float
    y_low: float
    y_high: float
    enough_data: bool
    code: float
    live: float


def axes_for(points: list[tuple[str, float, float, float, float, bool]]) -> Axes:
    """Spans that hold every dot and its whisker."""
    return Axes(span_of([p[1] for p in points]),
                span_of([v for p in points for v in (p[2], p[3], p[4])]))


def scatter(points: list[tuple[str, float, float, float, float, bool]],
            frame: Axes | None = None) -> list[Dot]:
    """(label, practice code, live TNPS, low, high, enough data) to pixel positions."""
    frame = frame or axes_for(points)
    return [Dot(number, label, frame.x_of(code), frame.y_of(live), frame.y_of(low),
                frame.y_of(high), enough, code, live)
            for number, (label, code, live, low, high, enough) in enumerate(points, start=1)]


def axes(frame: Axes | None = None) -> dict[str, object]:
    """Tick positions and the plot's corners, for the template."""
    frame = frame or Axes(Range(-100, 100), Range(-100, 100))
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
            "top": TOP, "bottom": HEIGHT - BOTTOM,
            "xticks": [(t, frame.x_of(t)) for t in frame.x.ticks],
            "yticks": [(t, frame.y_of(t)) for t in frame.y.ticks]}
