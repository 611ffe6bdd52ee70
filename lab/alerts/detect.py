"""When an alert is due: an alarming detractor arriving, a follow-up passing its SLA, a
sector assigned. Plain rules over the stored data; the callers own the transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.alerts.kinds import ALARMING_DETRACTOR, FOLLOWUP_OVERDUE, SECTOR_ASSIGNED
from lab.alerts.record import record, team_audience
from lab.followup.alarm import alarm_of
from lab.followup.models import FollowUp
from lab.followup.rules import CLOSED, DEFAULT_SLA_HOURS
from lab.surveys.models import SurveyResponse
from lab.tnps.category import Category, category

# An answer older than this when it arrives is history being loaded, not news.
FRESH = timedelta(hours=24)
# Overdue follow-ups are looked for among answers at most this long past their SLA, so
# a first start on years of history does not announce every old case.
OVERDUE_LOOKBACK = timedelta(hours=24)


@dataclass(frozen=True)
class Arrived:
    """The little of a newly stored answer that decides whether it alarms."""

    response_id: str
    agent_id: int
    score: int
    comment: str | None
    late: bool
    answered_at: datetime | None = None


def is_alarming(score: int, comment: str | None) -> bool:
    """A detractor whose answer the follow-up queue marks high (its alarm rules)."""
    return category(score) == Category.DETRACTOR and alarm_of(score, comment).level == "high"


def answers_arrived(session: Session, arrived: Iterable[Arrived], now: datetime) -> int:
    """Alert the team for each fresh, alarming detractor among the arrived answers."""
    alarming = [item for item in arrived if not item.late and item.score <= 6
                and (item.answered_at is None or now - item.answered_at <= FRESH)
                and is_alarming(item.score, item.comment)]
    if not alarming:
        return 0
    ids = dict(session.execute(select(SurveyResponse.response_id, SurveyResponse.id).where(
        SurveyResponse.response_id.in_([item.response_id for item in alarming]))).all())
    teams = dict(session.execute(select(User.id, User.team_id).where(
        User.id.in_({item.agent_id for item in alarming}))).all())
    audiences: dict[int, list[User]] = {}
    told = 0
    for item in alarming:
        team_id = teams.get(item.agent_id)
        stored = ids.get(item.response_id)
        if team_id is None or stored is None:
            continue
        if team_id not in audiences:
            audiences[team_id] = team_audience(session, team_id)
        kinds = ", ".join(alarm_of(item.score, item.comment).kinds)
        detail = f"{item.score}" + (f" · {kinds}" if kinds else "")
        told += record(session, ALARMING_DETRACTOR, str(stored), team_id, audiences[team_id],
                       now, detail)
    return told


def overdue_follow_ups(session: Session, now: datetime,
                       sla_hours: int = DEFAULT_SLA_HOURS) -> int:
    """Alert the team for each detractor answer that passed its SLA without being closed."""
    due_before = now - timedelta(hours=sla_hours)
    rows = session.execute(
        select(SurveyResponse.id, User.team_id, FollowUp.status)
        .join(User, User.id == SurveyResponse.agent_id)
        .outerjoin(FollowUp, FollowUp.response_id == SurveyResponse.id)
        .where(SurveyResponse.score <= 6, SurveyResponse.late.is_(False),
               SurveyResponse.answered_at < due_before,
               SurveyResponse.answered_at >= due_before - OVERDUE_LOOKBACK,
               User.team_id.is_not(None))).all()
    audiences: dict[int, list[User]] = {}
    told = 0
    for response_id, team_id, status in rows:
        if status in CLOSED:
            continue
        if team_id not in audiences:
            audiences[team_id] = team_audience(session, team_id)
        told += record(session, FOLLOWUP_OVERDUE, str(response_id), team_id,
                       audiences[team_id], now)
    return told


def sector_assigned(session: Session, agent: User, sector_id: str, due_on: object,
                    now: datetime) -> bool:
    """Tell the agent that a lead opened or assigned a sector for them."""
    ref = f"{agent.id}:{sector_id}:{due_on}:{now.isoformat()}"
    return record(session, SECTOR_ASSIGNED, ref[:100], agent.team_id, [agent], now, sector_id)
