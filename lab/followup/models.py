"""A detractor answer's follow-up and every change made to it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lab.db import Base, UTCDateTime, utcnow


class FollowUp(Base):
    """The call-back state of one detractor answer; absent until a lead first acts."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        CheckConstraint(
            "status IN ('new', 'in_progress', 'called_back', 'resolved', 'unreachable')",
            name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="new")
    outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    events: Mapped[list[FollowUpEvent]] = relationship(
        back_populates="follow_up", order_by="FollowUpEvent.id", cascade="all, delete-orphan")


class FollowUpEvent(Base):
    """One change of a follow-up: who, when, from which status to which, and the note."""

    __tablename__ = "follow_up_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    follow_up_id: Mapped[int] = mapped_column(
        ForeignKey("follow_ups.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_label: Mapped[str] = mapped_column(String(60))
    status_from: Mapped[str] = mapped_column(String(12))
    status_to: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

    follow_up: Mapped[FollowUp] = relationship(back_populates="events")
