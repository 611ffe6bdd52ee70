"""The follow-up queue of a team and the changes a lead makes to one follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.db import utcnow
from lab.followup import rules
from lab.followup.alarm import Alarm, alarm_of
from lab.followup.models import FollowUp, FollowUpEvent
from lab.surveys.models import SurveyResponse
from lab.system.settings import audit

DETRACTOR_MAX = 6


@dataclass(frozen=True)
class QueueItem:
    """One detractor answer with its agent, follow-up state, alarm and SLA."""

    response: SurveyResponse
    agent: User
    follow_up: FollowUp | None
    alarm: Alarm
    due_at: datetime
    overdue: bool

    @property
    def status(self) -> str:
        """The follow-up's status; new until someone acts."""
        return self.follow_up.status if self.follow_up else rules.NEW

    @property
    def is_open(self) -> bool:
        """Not resolved nor closed as unreachable."""
        return self.status in rules.OPEN

    def as_case(self) -> rules.Case:
        """The SLA's view of this item."""
        follow_up = self.follow_up
        return rules.Case(self.response.answered_at, self.status,
                          follow_up.closed_at if follow_up else None,
                          follow_up.outcome if follow_up else None)


def _detractors(team_id: int, since: datetime | None = None):
    stmt = (select(SurveyResponse, User, FollowUp)
            .join(User, User.id == SurveyResponse.agent_id)
            .outerjoin(FollowUp, FollowUp.response_id == SurveyResponse.id)
            .where(User.team_id == team_id, SurveyResponse.score <= DETRACTOR_MAX,
                   SurveyResponse.late.is_(False)))
    return stmt if since is None else stmt.where(SurveyResponse.answered_at >= since)


def _item(response: SurveyResponse, agent: User, follow_up: FollowUp | None, now: datetime,
          sla_hours: int) -> QueueItem:
    closed_at = follow_up.closed_at if follow_up else None
    return QueueItem(
        response=response, agent=agent, follow_up=follow_up,
        alarm=alarm_of(response.score, response.comment),
        due_at=rules.due_at(response.answered_at, sla_hours),
        overdue=rules.is_overdue(response.answered_at, closed_at, now, sla_hours))


def queue(session: Session, team_id: int, since: datetime, sla_hours: int,
          now: datetime | None = None) -> list[QueueItem]:
    """The team's detractor answers since a time: open first, the most alarming first."""
    now = now or utcnow()
    items = [_item(r, a, f, now, sla_hours)
             for r, a, f in session.execute(_detractors(team_id, since))]
    # Among open ones: most alarming, then the lowest score, then the oldest (nearest its SLA).
    items.sort(key=lambda i: (not i.is_open, -i.alarm.points, i.response.score,
                              i.response.answered_at))
    return items


def find_item(session: Session, team_id: int, response_id: int, sla_hours: int,
              now: datetime | None = None) -> QueueItem | None:
    """One of the team's detractor answers, or None (other teams' answers are not found)."""
    stmt = _detractors(team_id).where(SurveyResponse.id == response_id)
    row = session.execute(stmt).first()
    return None if row is None else _item(*row, now or utcnow(), sla_hours)


def change(session: Session, response: SurveyResponse, actor: User, status: str,
           outcome: str | None = None, note: str | None = None) -> FollowUp:
    """Move a follow-up to a status; recorded in its history and the audit log."""
    note = (note or "").strip() or None
    outcome = outcome or None
    rules.check_change(status, outcome, note)
    follow_up = session.scalar(select(FollowUp).where(FollowUp.response_id == response.id))
    if follow_up is None:
        follow_up = FollowUp(response_id=response.id, status=rules.NEW)
        session.add(follow_up)
    now = utcnow()
    before = follow_up.status
    follow_up.events.append(FollowUpEvent(
        at=now, actor_id=actor.id, actor_label=actor.login, status_from=before,
        status_to=status, outcome=outcome, note=note))
    follow_up.status, follow_up.updated_at, follow_up.updated_by_id = status, now, actor.id
    if note:
        follow_up.note = note
    if status in rules.CLOSED:
        follow_up.outcome, follow_up.closed_at = outcome, now
    else:  # reopened or still open: the earlier outcome no longer holds
        follow_up.outcome, follow_up.closed_at = None, None
    audit(session, "followup.status", f"response {response.response_id}",
          f"{before} -> {status}" + (f" outcome={outcome}" if outcome else ""), actor=actor)
    session.flush()
    return follow_up
