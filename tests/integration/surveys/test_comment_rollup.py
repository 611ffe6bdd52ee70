"""Stored comments counted per local month, agent and channel (comment_monthly): by the
sync, by ingest (push, import), by the rebuild and by the migration; My TNPS reads the
comment list's total from it, which must be the count of the rows the list shows."""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import product
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, column, func, insert, select, table, text

from lab import migrate
from lab.dashboard.comments import _SCORES, Filters, _since, comment_page
from lab.db import UTCDateTime, make_engine
from lab.surveys.ingest import ingest, load_context
from lab.surveys.models import CommentMonthly, SurveyResponse
from lab.surveys.sync import sync_once
from lab.tnps import rollup
from tests.integration.surveys.rows import sms_row, store_row
from tests.integration.surveys.test_tnps_monthly import old_database  # noqa: F401 (fixture)

MSK = ZoneInfo("Europe/Moscow")
TODAY = date(2026, 11, 25)


def _rollup_rows(db) -> dict[tuple, tuple[int, int, int]]:
    db.rollback()
    return {(agent, str(month), channel): (p, s, d) for agent, month, channel, p, s, d
            in db.execute(select(CommentMonthly.agent_id, CommentMonthly.month,
                                 CommentMonthly.channel, CommentMonthly.promoters,
                                 CommentMonthly.passives, CommentMonthly.detractors))}


def _counted(db, agent_id: int, filters: Filters) -> int:
    """The rows the list shows for the filters, counted one by one."""
    stmt = select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.agent_id == agent_id, SurveyResponse.comment.is_not(None))
    if filters.channel:
        stmt = stmt.where(SurveyResponse.channel == filters.channel)
    if filters.category:
        low, high = _SCORES[filters.category]
        stmt = stmt.where(SurveyResponse.score.between(low, high))
    start, end = _since(filters.period, TODAY, MSK)
    if start is not None:
        stmt = stmt.where(SurveyResponse.call_ended_at >= start)
    if end is not None:
        stmt = stmt.where(SurveyResponse.call_ended_at < end)
    return int(db.scalar(stmt))


def test_comment_totals_match_the_rows(db, world, store, sessions, settings):
    """Late answers and SMS keep their comments in the count; a row synced twice counts
    once, and so does one pushed before the sync brings it; a call ended late on the last
    night of October counts in October (Moscow); every filter's total is the rows'
    count, and the rebuild gives the same rollup."""
    first = store_row(score=2, comment="No signal at home, the internet is slow")
    ingest(db, [first], "push", load_context(db, settings))
    db.commit()
    store.append([
        first,
        store_row(score=10, comment="Great"),
        store_row(score=8, comment="Fine", call_ended_at="2026-11-21T10:00:00+03:00",
                  answered_at="2026-11-21T10:01:00+03:00"),
        store_row(score=1, comment="Too late", answered_at="2026-11-20T11:30:00+03:00"),
        sms_row(score=6, comment="SMS said"),
        store_row(score=9, call_ended_at="2026-10-31T23:30:00+03:00",
                  answered_at="2026-10-31T23:31:00+03:00", comment="October"),
        store_row(score=9),  # no comment
    ])
    sync_once(sessions, store, settings)
    sync_once(sessions, store, settings)
    agent = world.agent_a.id
    ctx = load_context(db, settings)
    pushed = store_row(score=7, comment="Pushed", call_ended_at="2026-11-22T10:00:00+03:00",
                       answered_at="2026-11-22T10:01:00+03:00")
    ingest(db, [pushed, pushed, store_row(score=4, comment="Pushed late",
                                           answered_at="2026-11-20T13:00:00+03:00")],
           "push", ctx)
    db.commit()
    expected = _rollup_rows(db)
    assert expected == {(agent, "2026-11-01", "ivr"): (1, 2, 3),
                        (agent, "2026-11-01", "sms"): (0, 0, 1),
                        (agent, "2026-10-01", "ivr"): (1, 0, 0)}
    for category, channel, period in product((None, "promoter", "passive", "detractor"),
                                             (None, "ivr", "sms"),
                                             ("all", "month", "last_month", "90d")):
        filters = Filters(category=category, channel=channel, period=period)
        page = comment_page(db, agent, filters, TODAY, MSK)
        assert page.total == _counted(db, agent, filters), filters
    assert comment_page(db, agent, Filters(topic="connection"), TODAY, MSK).total == 1
    db.execute(CommentMonthly.__table__.delete())  # drifted or emptied: rebuild repairs it
    db.commit()
    rollup.rebuild(db, MSK)
    db.commit()
    assert _rollup_rows(db) == expected


def test_the_migration_counts_existing_comments(old_database):  # noqa: F811
    """Comments stored before the rollup existed are counted, late ones too."""
    migrate.upgrade(old_database, "p13b_agent_answered_index")  # before p14_comment_monthly
    engine = make_engine(old_database)
    users = table("users", *(column(name) for name in ("login", "name", "role",
                  "password_hash", "active", "session_epoch")), column("id", Integer),
                  column("created_at", UTCDateTime()))
    responses = table("survey_responses", *(column(name) for name in (
        "response_id", "call_id", "agent_id", "channel", "score", "comment", "late", "source")),
        *(column(name, UTCDateTime()) for name in (
            "call_ended_at", "answered_at", "received_at")))
    # 22:30 UTC on 30 November is 01:30 on 1 December in Moscow: the local month counts.
    ended = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(insert(users), [{
            "login": "agent_x", "name": "X", "role": "agent", "password_hash": "-",
            "active": True, "session_epoch": 0, "created_at": ended}])
        agent = connection.scalar(select(users.c.id))
        connection.execute(insert(responses), [
            {"response_id": f"r{n}", "call_id": f"c{n}", "agent_id": agent, "channel": "ivr",
             "score": score, "comment": comment, "late": late, "source": "sync",
             "call_ended_at": ended, "answered_at": ended, "received_at": ended}
            for n, (score, comment, late) in enumerate(
                [(3, "a", False), (9, "b", False), (0, "c", True), (7, None, False)])])
    migrate.upgrade(old_database)
    with engine.connect() as connection:
        got = {(str(month), channel): (p, s, d) for month, channel, p, s, d in connection.execute(
            text("SELECT month, channel, promoters, passives, detractors FROM comment_monthly"))}
    engine.dispose()
    assert got == {("2026-12-01", "ivr"): (1, 0, 2)}
