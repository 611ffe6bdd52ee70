"""The centre page's numbers for one week: the centre and each team, segments, trends,
and the topics growing among detractors. Built once, shown as page, CSV and JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy.orm import Session

from lab.centre.data import answers_between, team_names
from lab.centre.weeks import Week
from lab.surveys.topics import TOPICS
from lab.tnps.category import Category, category
from lab.tnps.growth import BASELINE_WEEKS, TopicGrowth, topic_growth
from lab.tnps.interval import compare
from lab.tnps.periods import TrendPoint, trend
from lab.tnps.segments import DIMENSIONS, Answer, SegmentRow, segment_rows, segment_trends
from lab.tnps.summary import summarize
from lab.tnps.tally import Tally

TREND_WEEKS = 8
ALL = "all"


@dataclass(frozen=True)
class CentreReport:
    """Everything the centre page shows for one week."""

    week: Week
    previous: Week
    min_n: int
    centre: SegmentRow
    segments: dict[str, list[SegmentRow]]
    trends: dict[str, dict[str, list[TrendPoint]]]
    growth: list[TopicGrowth]
    centre_trend: list[TrendPoint]
    baseline_weeks: int = BASELINE_WEEKS

    @property
    def teams(self) -> list[SegmentRow]:
        return self.segments["team"]


def _in(answers: list[Answer], week: Week) -> list[Answer]:
    return [a for a in answers if week.start <= a.ended_at < week.end]


def _detractor_topics(answers: list[Answer]) -> list[tuple[str, ...]]:
    return [a.topics for a in answers if category(a.score) == Category.DETRACTOR]


def build(session: Session, week: Week, tz: tzinfo, min_n: int,
          dimensions: tuple[str, ...] = DIMENSIONS) -> CentreReport:
    """Read the answers of the week and the weeks before it once, and count everything."""
    first = week.back(TREND_WEEKS - 1, tz)
    answers = answers_between(session, first.start, week.end)
    now, previous = _in(answers, week), _in(answers, week.back(1, tz))
    baseline_start = week.back(BASELINE_WEEKS, tz).start
    baseline = [a for a in answers if baseline_start <= a.ended_at < week.start]
    teams = team_names(session)
    segments = {dimension: segment_rows(now, previous, dimension, tz, min_n, TOPICS,
                                        always=teams if dimension == "team" else ())
                for dimension in dimensions}
    trends = {dimension: segment_trends(answers, dimension, tz, first.monday, week.sunday,
                                        [row.value for row in rows])
              for dimension, rows in segments.items()}
    return CentreReport(
        week=week, previous=week.back(1, tz), min_n=min_n,
        centre=whole(now, previous, min_n), segments=segments, trends=trends,
        growth=topic_growth(_detractor_topics(now), _detractor_topics(baseline), TOPICS),
        centre_trend=trend([(a.ended_at, a.score) for a in answers], "week", tz, first.monday,
                           week.sunday))


def whole(now: list[Answer], before: list[Answer], min_n: int) -> SegmentRow:
    """The centre as one segment."""
    tally_now = Tally.from_scores(a.score for a in now)
    tally_before = Tally.from_scores(a.score for a in before)
    return SegmentRow("centre", ALL, summarize(tally_now, min_n), summarize(tally_before, min_n),
                      compare(tally_before, tally_now))
