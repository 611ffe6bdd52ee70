"""What the one-voice rule left out, for the admin's store page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from lab.accounts.models import User
from lab.surveys.models import SurveyResponse


@dataclass(frozen=True)
class Repeat:
    """One answer not counted: who, when, the score, and the answer that counts instead."""

    id: int
    agent_login: str
    channel: str
    score: int
    call_ended_at: datetime
    comment: str | None
    counted_id: int
    counted_call_ended_at: datetime


@dataclass(frozen=True)
class RepeatOverview:
    with_key: int  # stored answers that name their customer
    not_counted: int
    latest: list[Repeat]


def repeat_overview(session: Session, limit: int = 10) -> RepeatOverview:
    """Counts and the newest answers left out as repeats."""
    with_key = session.scalar(select(func.count()).select_from(SurveyResponse)
                              .where(SurveyResponse.customer_hash.is_not(None))) or 0
    not_counted = session.scalar(select(func.count()).select_from(SurveyResponse)
                                 .where(SurveyResponse.repeat_of.is_not(None))) or 0
    counted = aliased(SurveyResponse)
    rows = session.execute(
        select(SurveyResponse.id, User.login, SurveyResponse.channel, SurveyResponse.score,
               SurveyResponse.call_ended_at, SurveyResponse.comment, counted.id,
               counted.call_ended_at)
        .join(User, User.id == SurveyResponse.agent_id)
        .join(counted, counted.id == SurveyResponse.repeat_of)
        .where(SurveyResponse.repeat_of.is_not(None))
        .order_by(SurveyResponse.id.desc()).limit(limit)).all()
    return RepeatOverview(int(with_key), int(not_counted), [Repeat(*row) for row in rows])
