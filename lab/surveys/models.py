"""Stored survey responses, quarantined rows, the sync cursor and the TNPS rollups."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    delete,
    event,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import get_history

from lab.accounts.models import User
from lab.db import Base, UTCDateTime, utcnow

SOURCES = ("sync", "push", "import")


class SurveyResponse(Base):
    """One valid answer, stored once per response_id however often it arrives."""

    __tablename__ = "survey_responses"
    __table_args__ = (
        # The database refuses what validation refuses, in case a future path skips it.
        CheckConstraint("score BETWEEN 0 AND 10", name="score"),
        CheckConstraint("channel IN ('ivr', 'sms')", name="channel"),
        CheckConstraint("source IN ('sync', 'push', 'import')", name="source"),
        Index("ix_survey_responses_agent_ended", "agent_id", "call_ended_at"),
        # My TNPS: the newest answer's id and "what came since" without reading history.
        Index("ix_survey_responses_agent_id", "agent_id", "id"),
        # The comment list, newest first, a page at a time; only rows with a comment.
        Index("ix_survey_responses_agent_comments", "agent_id", "answered_at", "id",
              sqlite_where=text("comment IS NOT NULL"),
              postgresql_where=text("comment IS NOT NULL")),
        # One customer's answers, for the one-voice rule; only rows that have a customer.
        Index("ix_survey_responses_customer", "customer_hash", "call_ended_at",
              sqlite_where=text("customer_hash IS NOT NULL"),
              postgresql_where=text("customer_hash IS NOT NULL")),
        # The team overview's recent answers and detractors, without reading each agent's
        # whole history.
        Index("ix_survey_responses_agent_answered", "agent_id", "answered_at"),
        # My TNPS counts this month's late answers and repeats: through the agent's index
        # that read each of the month's answers (1,600 rows, 1.4 ms each count, late in
        # the month). Only the few late or repeat rows are in these, so inserts of the
        # others pay nothing but the check of the condition.
        Index("ix_survey_responses_agent_late", "agent_id", "call_ended_at",
              sqlite_where=text("late IS 1"), postgresql_where=text("late IS true")),
        Index("ix_survey_responses_agent_repeats", "agent_id", "call_ended_at",
              sqlite_where=text("repeat_of IS NOT NULL"),
              postgresql_where=text("repeat_of IS NOT NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[str] = mapped_column(String(100), unique=True)
    store_id: Mapped[int | None] = mapped_column(BigInteger)
    call_id: Mapped[str] = mapped_column(String(100))
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    channel: Mapped[str] = mapped_column(String(3))
    # Indexed with agent_id only: every index costs each of millions of inserts, and
    # time-range reports read the rollup, not this table.
    call_ended_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    score: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    # The comment's topics as a bit mask (lab.surveys.topics), tagged when it arrives.
    topics: Mapped[int] = mapped_column(SmallInteger, default=0, server_default="0")
    # Late answers are kept for their comment but never counted in TNPS.
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    late_reason: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(6))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # HMAC-SHA256 of the store's customer_key (lab.fairness.customers); null without one.
    customer_hash: Mapped[str | None] = mapped_column(String(64))
    # Not counted: the same customer's answer that counts instead (one customer, one
    # voice within the window). Kept, shown as not counted, and in no rollup.
    repeat_of: Mapped[int | None] = mapped_column(Integer)


class QuarantinedRow(Base):
    """A row that failed validation: why, and the raw row, until it passes or stays."""

    __tablename__ = "quarantine"
    __table_args__ = (Index("ix_quarantine_open", "resolved_at", "reason"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    source: Mapped[str] = mapped_column(String(6))
    reason: Mapped[str] = mapped_column(String(40))
    field: Mapped[str | None] = mapped_column(String(40))
    detail: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    # SHA-256 of the raw row: the same bad row replayed is quarantined once.
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    response_id: Mapped[str | None] = mapped_column(String(200))
    agent_login: Mapped[str | None] = mapped_column(String(200))
    store_id: Mapped[int | None] = mapped_column(BigInteger)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    resolution: Mapped[str | None] = mapped_column(String(20))


class SyncState(Base):
    """The pull cursor of a store and how the last syncs went (for admins and health)."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    # Which store and table the cursor belongs to: another store starts again from 0.
    store: Mapped[str] = mapped_column(String(400), default="")
    cursor_id: Mapped[int] = mapped_column(BigInteger, default=0)
    last_run_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    lag: Mapped[int | None] = mapped_column(BigInteger)
    taken: Mapped[int] = mapped_column(BigInteger, default=0)
    duplicate: Mapped[int] = mapped_column(BigInteger, default=0)
    quarantined: Mapped[int] = mapped_column(BigInteger, default=0)
    late: Mapped[int] = mapped_column(BigInteger, default=0)


class TnpsDaily(Base):
    """Counts per local day (of the call's end), agent and channel; reports read these."""

    __tablename__ = "tnps_daily"
    __table_args__ = (Index("ix_tnps_daily_agent_day", "agent_id", "day"),)

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(3), primary_key=True)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    passives: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)


class TnpsMonthly(Base):
    """tnps_daily summed by local month (day 1 of it): a year's report reads ~12 rows per
    agent and channel instead of ~365. Written in the same transaction as tnps_daily."""

    __tablename__ = "tnps_monthly"
    __table_args__ = (Index("ix_tnps_monthly_agent_month", "agent_id", "month"),)

    month: Mapped[date] = mapped_column(Date, primary_key=True)
    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(3), primary_key=True)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    passives: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)


class TnpsTopicDaily(Base):
    """Counts per local day, agent and comment topic (on-time answers with a comment about
    it): My TNPS reads six months of these instead of every comment."""

    __tablename__ = "tnps_topic_daily"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    topic: Mapped[str] = mapped_column(String(12), primary_key=True)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    passives: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)


class TnpsTopicMonthly(Base):
    """tnps_topic_daily summed by local month (day 1 of it): My TNPS's six months of topic
    tallies read ~30 of these and one month's days instead of ~900 daily rows."""

    __tablename__ = "tnps_topic_monthly"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    topic: Mapped[str] = mapped_column(String(12), primary_key=True)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    passives: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)

class CommentMonthly(Base):
    """Stored answers with a comment per local month (of the call's end), agent and
    channel, by bucket; late answers and a customer's repeats too, as the comment list
    shows them. My TNPS reads the list's total from here: counting an agent's commented
    answers made SQLite read every one of those rows (the partial index's condition is
    checked again on each table row), 0.8 ms for 14,000 comments on every view."""

    __tablename__ = "comment_monthly"

    agent_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(3), primary_key=True)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    passives: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)


class TnpsTeamDaily(Base):
    """tnps_daily summed per local day over each team's current members (channels
    together): My TNPS shows the team beside the agent, and summing the members' rows
    read every agent's days of six months (0.6 ms a view). Written by rollup.apply with
    tnps_daily; recounted for both teams whenever an agent changes team."""

    __tablename__ = "tnps_team_daily"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    promoters: Mapped[int] = mapped_column(Integer, default=0)
    passives: Mapped[int] = mapped_column(Integer, default=0)
    detractors: Mapped[int] = mapped_column(Integer, default=0)


def recount_team_days(session: Session, team_ids: set[int] | None = None) -> None:
    """Recount tnps_team_daily from tnps_daily and the teams' members (all teams for
    None), in the caller's transaction."""
    daily = TnpsDaily.__table__
    team_days = TnpsTeamDaily.__table__
    cleared = delete(team_days)
    sums = (select(User.team_id, daily.c.day, func.sum(daily.c.promoters),
                   func.sum(daily.c.passives), func.sum(daily.c.detractors))
            .join(User, User.id == daily.c.agent_id).where(User.team_id.is_not(None))
            .group_by(User.team_id, daily.c.day))
    if team_ids is not None:
        cleared = cleared.where(team_days.c.team_id.in_(team_ids))
        sums = sums.where(User.team_id.in_(team_ids))
    # On the connection: this runs inside a flush, where the session must not flush again.
    connection = session.connection()
    connection.execute(cleared)
    connection.execute(insert(team_days).from_select(
        ["team_id", "day", "promoters", "passives", "detractors"], sums))


def _moved_teams(session: Session) -> set[int]:
    """The teams an existing user joined or left in this flush (a new user has no
    answers yet)."""
    found: set[int] = set()
    for user in (*session.dirty, *session.deleted):
        if not isinstance(user, User):
            continue
        by_id, by_team = get_history(user, "team_id"), get_history(user, "team")
        if not (by_id.has_changes() or by_team.has_changes()):
            continue
        found.update(value for value in (*by_id.added, *by_id.deleted) if value is not None)
        found.update(team.id for team in (*by_team.added, *by_team.deleted)
                     if team is not None and team.id is not None)
        if user.team_id is not None:
            found.add(user.team_id)
    return found


@event.listens_for(Session, "after_flush")
def _recount_moved_teams(session: Session, _context) -> None:
    """Membership changes through the ORM (the only way the app changes a team) recount
    the teams they touch in the same transaction, so the team's days never drift."""
    moved = _moved_teams(session)
    if moved:
        recount_team_days(session, moved)
