"""Reading the counted answers of a time range, with what the segments need."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.surveys.models import SurveyResponse
from lab.surveys.topics import topics_in
from lab.tnps.segments import Answer


def answers_between(session: Session, start: datetime, end: datetime) -> list[Answer]:
    """Every counted answer whose call ended in [start, end) (late ones are not counted)."""
    rows = session.execute(
        select(SurveyResponse.call_ended_at, SurveyResponse.score, SurveyResponse.channel,
               SurveyResponse.topics, Team.name, User.created_at)
        .join(User, User.id == SurveyResponse.agent_id)
        .outerjoin(Team, Team.id == User.team_id)
        .where(SurveyResponse.late.is_(False), SurveyResponse.call_ended_at >= start,
               SurveyResponse.call_ended_at < end))
    return [Answer(ended, score, channel, topics_in(mask), team or "—",
                   max(0, (ended - joined).days))
            for ended, score, channel, mask, team, joined in rows]


@dataclass(frozen=True)
class Comment:
    """One customer's comment of the period, for the digest."""

    id: int
    answered_at: datetime
    score: int
    channel: str
    comment: str
    topics: tuple[str, ...]
    team: str
    agent: str


def comments_between(session: Session, start: datetime, end: datetime) -> list[Comment]:
    """Every comment answered in [start, end), late ones too: the words count all the same."""
    rows = session.execute(
        select(SurveyResponse.id, SurveyResponse.answered_at, SurveyResponse.score,
               SurveyResponse.channel, SurveyResponse.comment, SurveyResponse.topics,
               Team.name, User.name)
        .join(User, User.id == SurveyResponse.agent_id)
        .outerjoin(Team, Team.id == User.team_id)
        .where(SurveyResponse.comment.is_not(None), SurveyResponse.answered_at >= start,
               SurveyResponse.answered_at < end)
        .order_by(SurveyResponse.answered_at, SurveyResponse.id))
    return [Comment(ident, answered, score, channel, text, topics_in(mask), team or "—", agent)
            for ident, answered, score, channel, text, mask, team, agent in rows]


def team_names(session: Session) -> list[str]:
    """Every team, so a team without answers still has its row."""
    return list(session.scalars(select(Team.name).order_by(Team.name)))
