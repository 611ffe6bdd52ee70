"""The team's days (tnps_team_daily): tnps_daily summed over each team's current members,
kept by the sync and ingest, recounted when an agent changes team, and by the rebuild and
the migration."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String, column, func, insert, select, table, text

from lab import migrate
from lab.accounts.models import User
from lab.admin.accounts import change_role
from lab.db import UTCDateTime, make_engine
from lab.surveys.ingest import ingest, load_context
from lab.surveys.models import TnpsDaily, TnpsTeamDaily
from lab.surveys.sync import sync_once
from lab.tnps import rollup
from tests.integration.surveys.rows import sms_row, store_row
from tests.integration.surveys.test_tnps_monthly import old_database  # noqa: F401 (fixture)

MSK = ZoneInfo("Europe/Moscow")


def _team_rows(db) -> dict[tuple, tuple[int, int, int]]:
    db.rollback()
    return {(team, str(day)): (p, s, d) for team, day, p, s, d in db.execute(select(
        TnpsTeamDaily.team_id, TnpsTeamDaily.day, TnpsTeamDaily.promoters,
        TnpsTeamDaily.passives, TnpsTeamDaily.detractors)) if (p, s, d) != (0, 0, 0)}


def _summed(db) -> dict[tuple, tuple[int, int, int]]:
    """The same sums, read from tnps_daily and the users' teams."""
    db.rollback()
    rows = db.execute(select(User.team_id, TnpsDaily.day, func.sum(TnpsDaily.promoters),
                             func.sum(TnpsDaily.passives), func.sum(TnpsDaily.detractors))
                      .join(User, User.id == TnpsDaily.agent_id)
                      .where(User.team_id.is_not(None))
                      .group_by(User.team_id, TnpsDaily.day))
    return {(team, str(day)): (int(p), int(s), int(d)) for team, day, p, s, d in rows
            if (p, s, d) != (0, 0, 0)}


def test_team_days_follow_answers_and_moves(db, world, store, sessions, settings):
    store.append([
        store_row(score=10), store_row(score=2, agent_login="agent_a2"),
        sms_row(score=8), store_row(score=9, agent_login="agent_b"),
        store_row(score=1, call_ended_at="2026-11-21T10:00:00+03:00",
                  answered_at="2026-11-21T10:01:00+03:00"),
        store_row(score=3, answered_at="2026-11-20T11:30:00+03:00"),  # late: no count
    ])
    sync_once(sessions, store, settings)
    ingest(db, [store_row(score=7, agent_login="agent_b")], "push", load_context(db, settings))
    db.commit()
    alpha, beta = world.team_a.id, world.team_b.id
    assert _team_rows(db) == _summed(db) == {
        (alpha, "2026-11-20"): (1, 1, 1), (alpha, "2026-11-21"): (0, 0, 1),
        (beta, "2026-11-20"): (1, 1, 0)}
    # Anna moves to Beta: both teams are recounted in the same transaction.
    agent = db.get(User, world.agent_a.id)
    change_role(db, agent, "agent", db.get(type(world.team_b), beta), actor=world.admin)
    db.commit()
    assert _team_rows(db) == _summed(db) == {
        (alpha, "2026-11-20"): (0, 0, 1), (beta, "2026-11-20"): (2, 2, 0),
        (beta, "2026-11-21"): (0, 0, 1)}
    # A lead belongs to no team: her old answers leave Beta's days.
    change_role(db, agent, "lead", None, actor=world.admin)
    db.commit()
    assert _team_rows(db) == _summed(db)
    assert (beta, "2026-11-21") not in _team_rows(db)
    db.execute(TnpsTeamDaily.__table__.delete())  # drifted or emptied: rebuild repairs it
    db.commit()
    rollup.rebuild(db, MSK)
    db.commit()
    assert _team_rows(db) == _summed(db)


def test_the_migration_sums_existing_days(old_database):  # noqa: F811
    """Days counted before the team rollup existed are summed per team."""
    migrate.upgrade(old_database, "p14_comment_monthly")  # the revision before
    engine = make_engine(old_database)
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO teams (name, leaderboard_anonymous, created_at) "
                                "VALUES ('T', false, '2026-11-01 00:00:00')"))
        team = connection.scalar(text("SELECT id FROM teams"))
        users = table("users", *(column(name) for name in ("login", "name", "role",
                      "password_hash", "active", "session_epoch")), column("id", Integer),
                      column("team_id", Integer), column("created_at", UTCDateTime()))
        connection.execute(insert(users), [
            {"login": login, "name": login, "role": "agent", "password_hash": "-",
             "active": True, "session_epoch": 0, "team_id": team_id,
             "created_at": datetime(2026, 11, 1, tzinfo=UTC)}
            for login, team_id in (("a", team), ("b", team), ("c", None))])
        ids = dict(connection.execute(text("SELECT login, id FROM users")).all())
        daily = table("tnps_daily", column("day"), column("agent_id", Integer),
                      column("channel", String), *(column(name, Integer) for name in (
                          "promoters", "passives", "detractors")))
        connection.execute(insert(daily), [
            {"day": day, "agent_id": ids[login], "channel": channel, "promoters": p,
             "passives": s, "detractors": d}
            for day, login, channel, p, s, d in (
                ("2026-11-20", "a", "ivr", 1, 0, 0), ("2026-11-20", "a", "sms", 0, 1, 0),
                ("2026-11-20", "b", "ivr", 2, 0, 1), ("2026-11-21", "c", "ivr", 5, 5, 5))])
    migrate.upgrade(old_database)
    with engine.connect() as connection:
        got = {(str(day), p, s, d) for day, p, s, d in connection.execute(text(
            "SELECT day, promoters, passives, detractors FROM tnps_team_daily"))}
    engine.dispose()
    assert got == {("2026-11-20", 3, 1, 1)}
