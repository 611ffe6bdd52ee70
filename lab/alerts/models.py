"""Stored alerts: what happened once (events), who was told (notifications), and choices."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from lab.db import Base, UTCDateTime, utcnow


class AlertEvent(Base):
    """One thing worth telling someone about, recorded once however often it is seen.

    The unique (kind, ref) lets every path that notices it (a sync, a push, the overdue
    check of two workers) try to record it without ever telling anyone twice.
    """

    __tablename__ = "alert_events"
    __table_args__ = (UniqueConstraint("kind", "ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    # A survey response id for detractors and overdue follow-ups, a user id for assignments.
    ref: Mapped[str] = mapped_column(String(100))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Notification(Base):
    """What one user sees under the bell: events of one kind on one team in one minute.

    Grouping by minute keeps a burst of detractors on a team to one line with a count.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        UniqueConstraint("user_id", "kind", "team_id", "minute"),
        Index("ix_notifications_user_unread", "user_id", "read_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    minute: Mapped[datetime] = mapped_column(UTCDateTime())
    count: Mapped[int] = mapped_column(Integer, default=1)
    # The newest event of the group: a survey response or a sector, for the link.
    ref: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Whether an e-mail is owed for this group, and when it went.
    email_wanted: Mapped[bool] = mapped_column(Boolean, default=False)
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AlertPreference(Base):
    """A user's choice for one kind; without a row the kind's default applies."""

    __tablename__ = "alert_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    in_app: Mapped[bool] = mapped_column(Boolean, default=True)
    email: Mapped[bool] = mapped_column(Boolean, default=False)
