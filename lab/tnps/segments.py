"""TNPS by segment (channel, topic, team, tenure band, time of day), now against before.

Plain Python over answers already read: the same numbers feed the page, the CSV, the JSON
and the digest. A topic segment holds every answer whose comment has that topic, so an
answer about two topics counts in both and the topic rows do not add up to the total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from lab.tnps.interval import Comparison, compare
from lab.tnps.periods import TrendPoint, trend
from lab.tnps.summary import Summary, summarize
from lab.tnps.tally import Tally

NO_TOPIC = "none"
# Tenure bands, in days with the centre at the time of the call: the first three months
# are the learning curve the Lab is for; after a year an agent is a veteran.
TENURE_BANDS: tuple[tuple[str, int], ...] = (("0-3m", 91), ("3-12m", 365), ("12m+", 10**6))
# Local hours of the call's end: the centre's shifts.
DAY_PARTS: tuple[tuple[str, int, int], ...] = (
    ("morning", 8, 12), ("afternoon", 12, 17), ("evening", 17, 22), ("night", 22, 8))
DIMENSIONS: tuple[str, ...] = ("channel", "topic", "team", "tenure", "daypart")


@dataclass(frozen=True)
class Answer:
    """One counted answer with what segments it: read once per page from the store."""

    ended_at: datetime
    score: int
    channel: str
    topics: tuple[str, ...]
    team: str
    tenure_days: int

    def local_hour(self, tz: tzinfo) -> int:
        return self.ended_at.astimezone(tz).hour


def tenure_band(days: int) -> str:
    """The band of an agent who had been with the centre this many days."""
    for name, below in TENURE_BANDS:
        if days < below:
            return name
    return TENURE_BANDS[-1][0]


def day_part(hour: int) -> str:
    """The part of the day a local hour belongs to."""
    if not 0 <= hour <= 23:
        raise ValueError(f"an hour is 0-23, got {hour!r}")
    for name, start, end in DAY_PARTS:
        if (start <= hour < end) if start < end else (hour >= start or hour < end):
            return name
    raise AssertionError("DAY_PARTS leave an hour out")  # pragma: no cover


def values_of(answer: Answer, dimension: str, tz: tzinfo) -> tuple[str, ...]:
    """The segment values an answer falls in (several for a comment with several topics)."""
    if dimension == "channel":
        return (answer.channel,)
    if dimension == "topic":
        return answer.topics or (NO_TOPIC,)
    if dimension == "team":
        return (answer.team,)
    if dimension == "tenure":
        return (tenure_band(answer.tenure_days),)
    if dimension == "daypart":
        return (day_part(answer.local_hour(tz)),)
    raise ValueError(f"a segment is one of {', '.join(DIMENSIONS)}, got {dimension!r}")


def order_of(dimension: str, topics: Sequence[str]) -> Callable[[str], tuple]:
    """A sort key that lists a dimension's values in their natural order."""
    natural = {"channel": ("ivr", "sms"), "topic": (*topics, NO_TOPIC),
               "tenure": tuple(name for name, _ in TENURE_BANDS),
               "daypart": tuple(name for name, _s, _e in DAY_PARTS)}.get(dimension, ())
    return lambda value: (natural.index(value) if value in natural else len(natural), value)


@dataclass(frozen=True)
class SegmentRow:
    """One segment value: now, before, the change and whether it is more than noise."""

    dimension: str
    value: str
    now: Summary
    before: Summary
    change: Comparison

    @property
    def enough(self) -> bool:
        """Both periods have enough answers for the change to be read at all."""
        return self.now.enough_data and self.before.enough_data


def _tallies(answers: Iterable[Answer], dimension: str, tz: tzinfo) -> dict[str, Tally]:
    scores: dict[str, list[int]] = {}
    for answer in answers:
        for value in values_of(answer, dimension, tz):
            scores.setdefault(value, []).append(answer.score)
    return {value: Tally.from_scores(found) for value, found in scores.items()}


def segment_rows(now: Sequence[Answer], before: Sequence[Answer], dimension: str,
                 tz: tzinfo, min_n: int, topics: Sequence[str] = (),
                 always: Sequence[str] = ()) -> list[SegmentRow]:
    """Every value seen in either period (and those in `always`), in natural order."""
    current, previous = _tallies(now, dimension, tz), _tallies(before, dimension, tz)
    values = sorted(set(current) | set(previous) | set(always),
                    key=order_of(dimension, topics))
    empty = Tally()
    return [SegmentRow(dimension, value, summarize(current.get(value, empty), min_n),
                       summarize(previous.get(value, empty), min_n),
                       compare(previous.get(value, empty), current.get(value, empty)))
            for value in values]


def segment_trends(answers: Sequence[Answer], dimension: str, tz: tzinfo, start: date,
                   end: date, values: Sequence[str]) -> dict[str, list[TrendPoint]]:
    """A weekly trend per segment value over [start, end]."""
    points: dict[str, list[tuple[datetime, int]]] = {value: [] for value in values}
    for answer in answers:
        for value in values_of(answer, dimension, tz):
            if value in points:
                points[value].append((answer.ended_at, answer.score))
    return {value: trend(found, "week", tz, start, end) for value, found in points.items()}


def masked(points: Sequence[TrendPoint], min_n: int) -> list[TrendPoint]:
    """The trend with too-small weeks emptied, so a chart draws nothing from them."""
    out = []
    for point in points:
        if point.tally.n >= min_n:
            out.append(point)
        else:
            out.append(TrendPoint(point.key, point.label, point.start, point.end, Tally(),
                                  None, -100.0, 100.0))
    return out


def weeks_back(first_day: date, count: int) -> date:
    """The Monday `count` weeks before the week starting on first_day."""
    return first_day - timedelta(weeks=count)
