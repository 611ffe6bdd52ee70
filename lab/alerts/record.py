"""Recording an alert once and telling each person who wants it, grouped per team and minute.

Plain SQLAlchemy, no Flask: the ingest path (sync, push, import) and the team pages call it
inside their own transaction, so an alert commits with the answer or change it is about.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.roles import Role
from lab.alerts.kinds import AUDIENCE, EMAIL_BY_DEFAULT
from lab.alerts.models import AlertEvent, AlertPreference, Notification


def minute_of(moment: datetime) -> datetime:
    """The minute an alert is grouped into."""
    return moment.replace(second=0, microsecond=0)


def wants(session: Session, user: User, kind: str) -> tuple[bool, bool]:
    """(in the app, by e-mail) for this user and kind: their choice, else the default."""
    if user.role not in AUDIENCE[kind]:
        return False, False
    choice = session.get(AlertPreference, (user.id, kind))
    if choice is None:
        return True, user.role in EMAIL_BY_DEFAULT
    return choice.in_app, choice.email


def team_audience(session: Session, team_id: int) -> list[User]:
    """Who hears about a team: its leads and every active manager."""
    team = session.get(Team, team_id)
    leads = [lead for lead in team.leads if lead.active] if team is not None else []
    managers = session.scalars(
        select(User).where(User.role == Role.MANAGER, User.active.is_(True))).all()
    return [*leads, *managers]


def _new_event(session: Session, kind: str, ref: str, team_id: int | None,
               now: datetime) -> bool:
    """Record the event; False when it was recorded before (by this or another process)."""
    exists = session.scalar(select(AlertEvent.id).where(AlertEvent.kind == kind,
                                                        AlertEvent.ref == ref))
    if exists is not None:
        return False
    try:
        with session.begin_nested():
            session.add(AlertEvent(kind=kind, ref=ref, team_id=team_id, created_at=now))
    except IntegrityError:
        return False  # another writer recorded it between our look and our insert
    return True


def _group(session: Session, user: User, kind: str, team_id: int | None,
           minute: datetime) -> Notification | None:
    return session.scalar(select(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind,
        Notification.team_id.is_(None) if team_id is None else Notification.team_id == team_id,
        Notification.minute == minute))


def _tell(session: Session, user: User, kind: str, team_id: int | None, ref: str,
          detail: str | None, now: datetime, email: bool) -> None:
    minute = minute_of(now)
    group = _group(session, user, kind, team_id, minute)
    if group is None:
        try:
            with session.begin_nested():
                session.add(Notification(
                    user_id=user.id, kind=kind, team_id=team_id, minute=minute, count=1,
                    ref=ref, detail=detail, created_at=now, updated_at=now,
                    email_wanted=email and bool(user.email)))
            return
        except IntegrityError:
            # Another writer opened this minute's group first: count into theirs.
            group = _group(session, user, kind, team_id, minute)
            if group is None:
                raise
    group.count += 1
    group.ref, group.detail, group.updated_at = ref, detail, now
    group.read_at = None  # something new in the group: unread again
    if email and user.email and group.emailed_at is None:
        group.email_wanted = True


def record(session: Session, kind: str, ref: str, team_id: int | None,
           audience: Iterable[User], now: datetime, detail: str | None = None) -> bool:
    """Record one alert and notify its audience; False when it had been recorded already."""
    if not _new_event(session, kind, ref, team_id, now):
        return False
    for user in audience:
        in_app, email = wants(session, user, kind)
        if in_app or email:
            _tell(session, user, kind, team_id, ref, detail, now, email)
    return True
