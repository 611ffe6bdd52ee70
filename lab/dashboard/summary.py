"""An agent's live TNPS this month: overall, by channel, the team beside it, the trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.dashboard.period import Month, trend_start
from lab.surveys.models import SurveyResponse
from lab.tnps import queries, report
from lab.tnps.periods import TrendPoint
from lab.tnps.summary import Summary, summarize

CHANNELS = ("ivr", "sms")


@dataclass(frozen=True)
class LiveSummary:
    """This month's numbers for one agent, and the team's beside them."""

    month: Month
    mine: Summary
    by_channel: dict[str, Summary]
    team: Summary | None
    team_name: str | None
    trend: list[TrendPoint]
    team_trend: list[TrendPoint]
    late: int


def latest_response_id(session: Session, agent_id: int) -> int:
    """The id of the agent's newest stored answer (0 for none): the live page's cursor."""
    return int(session.scalar(select(func.max(SurveyResponse.id))
                              .where(SurveyResponse.agent_id == agent_id)) or 0)


def answers_after(session: Session, agent_id: int, after: int) -> int:
    """How many of the agent's answers arrived after the cursor `after`."""
    return int(session.scalar(select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.agent_id == agent_id, SurveyResponse.id > after)) or 0)


def late_in(session: Session, agent_id: int, month: Month) -> int:
    """Late answers on the month's calls: kept for their comment, never counted."""
    return int(session.scalar(select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.agent_id == agent_id, SurveyResponse.late.is_(True),
        SurveyResponse.call_ended_at >= month.start,
        SurveyResponse.call_ended_at < month.end)) or 0)


def month_summary(session: Session, user: User, month: Month, min_n: int) -> Summary:
    """The agent's on-time answers this month, summarised (the rollup holds no late ones)."""
    return summarize(queries.total(session, month.first, month.last, agent_id=user.id), min_n)


def live_summary(session: Session, user: User, month: Month, today: date, tz: tzinfo,
                 min_n: int, with_trend: bool = True) -> LiveSummary:
    """Everything the summary cards and the trend chart show."""
    first, last = month.first, month.last
    channels = {channel: summarize(queries.total(session, first, last, channel, agent_id=user.id),
                                   min_n) for channel in CHANNELS}
    team = None
    if user.team_id is not None:
        team = summarize(queries.total(session, first, last, team_id=user.team_id), min_n)
    trend: list[TrendPoint] = []
    team_trend: list[TrendPoint] = []
    if with_trend:
        start = trend_start(today)
        trend = report.trend(session, "week", start, today, tz, agent_id=user.id)
        if user.team_id is not None:
            team_trend = report.trend(session, "week", start, today, tz, team_id=user.team_id)
    return LiveSummary(
        month=month, mine=month_summary(session, user, month, min_n), by_channel=channels,
        team=team, team_name=user.team.name if user.team else None,
        trend=trend, team_trend=team_trend, late=late_in(session, user.id, month))
