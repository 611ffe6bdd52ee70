"""A lead's review of one reply's rating."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lab.db import Base, UTCDateTime, utcnow

if TYPE_CHECKING:  # the training package imports this one's services at start-up
    from lab.training.models import Reply

RIGHT = "right"
OVERRIDE = "override"


class ReplyReview(Base):
    """The current review of a reply: the rating a lead would give, and why.

    One row per reply: a later review replaces it (the audit log keeps the history).
    """

    __tablename__ = "reply_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("replies.id", ondelete="CASCADE"),
                                          unique=True)
    verdict: Mapped[str] = mapped_column(String(10))  # right | override
    # The rating the lead stands behind: the scorer's own when the verdict is "right".
    lead_rating: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reviewer_label: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    reply: Mapped[Reply] = relationship("Reply")

    @property
    def gap(self) -> int:
        """Lead minus scorer."""
        return self.lead_rating - self.reply.rating
