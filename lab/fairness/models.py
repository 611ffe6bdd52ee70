"""A lead's note that they looked into a fairness flag."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lab.db import Base, UTCDateTime, utcnow


class FairnessReview(Base):
    """Who looked into which agent's flag of which kind, for the period ending when, and
    what they found. A note never changes a number: it only tells the next reader."""

    __tablename__ = "fairness_reviews"
    __table_args__ = (Index("ix_fairness_reviews_agent", "agent_id", "kind", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    period_end: Mapped[date] = mapped_column(Date)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    reviewer = relationship("User", foreign_keys=[reviewer_id], lazy="joined")
