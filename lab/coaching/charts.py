"""Coordinates for the SVG charts the coaching pages draw (plain numbers, no markup)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT = 360, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36
TICKS = (-100, -50, 0, 50, 100)


def x_of(value: float) -> float:
    """The x pixel of a practice code (-100..100)."""
    return round(LEFT + (value + 100) / 200 * (WIDTH - LEFT - RIGHT), 1)


def y_of(value: float) -> float:
    """The y pixel of a TNPS (-100..100), up is higher."""
    return round(TOP + (100 - value) / 200 * (HEIGHT - TOP - BOTTOM), 1)


@dataclass(frozen=True)
class Dot:
    """One agent on the scatter chart; the whisker is the live TNPS's 95% interval."""

    label: str
    x: float
    y: float
    y_low: float
    y_high: float
    enough_data: bool


def scatter(points: list[tuple[str, float, float, float, float, bool]]) -> list[Dot]:
    """(label, practice code, live TNPS, low, high, enough data) to pixel positions."""
    return [Dot(label, x_of(code), y_of(live), y_of(low), y_of(high), enough)
            for label, code, live, low, high, enough in points]


def axes() -> dict[str, object]:
    """Tick positions and the plot's corners, for the template."""
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "right": WIDTH - RIGHT,
            "top": TOP, "bottom": HEIGHT - BOTTOM,
            "xticks": [(t, x_of(t)) for t in TICKS], "yticks": [(t, y_of(t)) for t in TICKS]}
