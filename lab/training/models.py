"""Practice in the Lab: attempts, replies, hints, Codex reading, access, XP and badges."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from lab.db import Base, UTCDateTime, utcnow


class LabProfile(Base):
    """An agent's XP and whether Eva's welcome tour was seen."""

    __tablename__ = "lab_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    xp: Mapped[int] = mapped_column(Integer, default=0)
    tour_done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CodexRead(Base):
    """A Codex chapter the user marked as read."""

    __tablename__ = "codex_reads"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    chapter: Mapped[str] = mapped_column(String(60), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SectorAccess(Base):
    """A sector a lead opened for an agent, optionally assigned with a due date."""

    __tablename__ = "sector_access"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    sector_id: Mapped[str] = mapped_column(String(60), primary_key=True)
    opened_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Attempt(Base):
    """One play of a sector; the best finished one counts."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    sector_id: Mapped[str] = mapped_column(String(60))
    # The sector file's hash when the attempt began: a reply to changed content is refused.
    content_version: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    loyalty_code: Mapped[float | None] = mapped_column(Float)
    stars: Mapped[int] = mapped_column(Integer, default=0)
    xp: Mapped[int] = mapped_column(Integer, default=0)

    replies: Mapped[list[Reply]] = relationship(
        back_populates="attempt", order_by="Reply.step", cascade="all, delete-orphan")


class Reply(Base):
    """The agent's reply at one step, as scored, kept for the lead to read."""

    __tablename__ = "replies"
    __table_args__ = (UniqueConstraint("attempt_id", "step"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    step: Mapped[int] = mapped_column(Integer)
    lang: Mapped[str] = mapped_column(String(5))
    text: Mapped[str] = mapped_column(Text)
    mood: Mapped[str] = mapped_column(String(20))
    reliability: Mapped[int] = mapped_column(Integer)
    empathy: Mapped[int] = mapped_column(Integer)
    inspiration: Mapped[int] = mapped_column(Integer)
    rating: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(10))
    feedback: Mapped[str] = mapped_column(Text)  # the result's feedback list as JSON
    # What the scorer found (needs met/missed, harms) as JSON: the customer's next words
    # and what later steps count as already said are read from it.
    findings: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")
    hint_used: Mapped[bool] = mapped_column(Boolean, default=False)
    xp: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    attempt: Mapped[Attempt] = relationship(back_populates="replies")


class HintUse(Base):
    """A hint asked for at one step of an attempt (it costs XP)."""

    __tablename__ = "hint_uses"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"),
                                            primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True)


class Badge(Base):
    """A badge an agent earned."""

    __tablename__ = "badges"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                         primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    earned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
