"""What the bell and the alerts page read: a user's notifications, newest first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from lab.alerts.models import Notification

LATEST = 20


def unread_count(user, session: Session | None = None) -> int:
    """How many alerts wait unread under the user's bell (a group counts its events)."""
    if session is None:
        from lab.web_db import get_session

        session = get_session()
    total = session.scalar(select(func.coalesce(func.sum(Notification.count), 0)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)))
    return int(total or 0)


def latest(session: Session, user, limit: int = LATEST) -> list[Notification]:
    """The user's newest notification groups."""
    return list(session.scalars(select(Notification).where(Notification.user_id == user.id)
                                .order_by(Notification.updated_at.desc(), Notification.id.desc())
                                .limit(limit)))


def mark_all_read(session: Session, user, now: datetime) -> None:
    """Everything under the bell is read."""
    session.execute(update(Notification).where(
        Notification.user_id == user.id, Notification.read_at.is_(None)).values(read_at=now))
