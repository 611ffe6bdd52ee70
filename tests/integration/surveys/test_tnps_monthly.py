"""The monthly rollup: reports reading whole months from it give exactly what the daily
rollup alone gives; `lab tnps rebuild` and the migration fill it from the same counts."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Integer, String, column, insert, select, table, text
from sqlalchemy.engine import make_url

from lab import migrate
from lab.accounts.models import User
from lab.db import UTCDateTime, make_engine
from lab.surveys.models import TnpsDaily, TnpsMonthly
from lab.surveys.sync import sync_once
from lab.tnps import queries, rollup
from lab.tnps.tally import Tally
from tests.conftest import PG_URL
from tests.integration.surveys.rows import daily_by_month, monthly_rows, store_row

MSK = ZoneInfo("Europe/Moscow")
FIRST = date(2023, 11, 1)  # 2024 is a leap year: its February is in the data
SPAN = 800  # days


def _fill(db, agent_ids: list[int], rng: random.Random) -> None:
    """Random answers over SPAN days, applied in several increments (each one a
    transaction, as syncs are): later ones add to rows earlier ones created."""
    for _round in range(4):
        answers = []
        for _ in range(600):
            day = FIRST + timedelta(days=rng.randrange(SPAN))
            ended = datetime(day.year, day.month, day.day, rng.randrange(24), tzinfo=MSK)
            answers.append(rollup.Counted(ended, rng.choice(agent_ids), rng.choice(("ivr", "sms")),
                                          rng.randrange(11)))
        rollup.apply(db, rollup.increments(answers, MSK))
        db.commit()


def _daily_only(db, start: date, end: date, channel: str | None) -> list[tuple]:
    """The daily rows in the range: the computation reports used before the monthly one."""
    stmt = (select(User.login, User.team_id, User.id, TnpsDaily.promoters, TnpsDaily.passives,
                   TnpsDaily.detractors).join(User, User.id == TnpsDaily.agent_id)
            .where(TnpsDaily.day >= start, TnpsDaily.day <= end))
    if channel is not None:
        stmt = stmt.where(TnpsDaily.channel == channel)
    return list(db.execute(stmt))


def _sum(rows, key=lambda row: None) -> dict:
    sums: dict = {}
    for row in rows:
        sums[key(row)] = sums.get(key(row), Tally()) + Tally(*row[3:])
    return sums


def _ranges(rng: random.Random):
    """Month edges, single days, ranges within a month, and random ones."""
    yield date(2024, 2, 1), date(2024, 2, 29)  # a leap February, whole
    yield date(2024, 2, 29), date(2024, 3, 1)
    yield date(2023, 12, 31), date(2024, 1, 1)
    yield date(2024, 1, 15), date(2024, 1, 15)
    yield FIRST, FIRST + timedelta(days=SPAN)
    for _ in range(60):
        start = FIRST + timedelta(days=rng.randrange(-20, SPAN))
        yield start, start + timedelta(days=rng.choice((0, 5, 30, 60, 364, rng.randrange(500))))


def test_monthly_reports_equal_the_daily_only_computation(db, world):
    rng = random.Random(11)
    agents = [world.agent_a, world.agent_a2, world.agent_b]
    _fill(db, [agent.id for agent in agents], rng)
    assert monthly_rows(db) == daily_by_month(db)
    for start, end in _ranges(rng):
        for channel in (None, "ivr", "sms"):
            rows = _daily_only(db, start, end, channel)
            assert queries.by_agent(db, start, end, channel) == _sum(rows, lambda r: r[0])
            by_team = {world.team_a.name if team == world.team_a.id else world.team_b.name: t
                       for team, t in _sum(rows, lambda r: r[1]).items()}
            assert queries.by_team(db, start, end, channel) == by_team
            assert queries.total(db, start, end, channel) == _sum(rows).get(None, Tally())
            for agent in agents:
                expected = _sum([r for r in rows if r[2] == agent.id]).get(None, Tally())
                assert queries.total(db, start, end, channel, agent_id=agent.id) == expected
            team = world.team_a.id
            in_team = [r for r in rows if r[1] == team]
            assert queries.total(db, start, end, channel, team_id=team) == _sum(in_team).get(
                None, Tally())
            assert queries.by_agent(db, start, end, channel, team_id=team) == _sum(
                in_team, lambda r: r[0])


def test_rebuild_recounts_both_rollups(db, world, store, sessions, settings):
    """`lab tnps rebuild` (after a zone change moves days and months) recounts both tables
    from the responses, whatever they held."""
    store.append([store_row(call_ended_at=f"{day}T12:00:00+03:00",
                            answered_at=f"{day}T12:01:00+03:00", score=score)
                  for day, score in (("2026-10-31", 10), ("2026-11-01", 3), ("2026-11-02", 8))])
    sync_once(sessions, store, settings)
    expected = monthly_rows(db)
    db.execute(TnpsMonthly.__table__.delete())  # drifted or emptied: the rebuild repairs it
    db.commit()
    assert rollup.rebuild(db, MSK) == 3
    db.commit()
    assert monthly_rows(db) == daily_by_month(db) == expected
    assert sorted(str(month) for month, _a, _c in expected) == ["2026-10-01", "2026-11-01"]


@pytest.fixture
def old_database(tmp_path):
    """An empty database for migrating by hand: a file, or a PostgreSQL database of its own
    (the shared test schema stays at head for the other tests)."""
    if not PG_URL:
        yield f"sqlite:///{tmp_path / 'old.db'}"
        return
    url = make_url(PG_URL).set(database="tnps_lab_test_migration")
    admin = make_engine(PG_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS tnps_lab_test_migration"))
        connection.execute(text("CREATE DATABASE tnps_lab_test_migration"))
    yield url.render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text("DROP DATABASE IF EXISTS tnps_lab_test_migration WITH (FORCE)"))
    admin.dispose()


def test_the_migration_fills_months_from_existing_days(old_database):
    migrate.upgrade(old_database, "adf2050e1d6d")  # the revision before tnps_monthly
    engine = make_engine(old_database)
    users = table("users", *(column(name) for name in ("login", "name", "role",
                  "password_hash", "active", "session_epoch")), column("id", Integer),
                  column("created_at", UTCDateTime()))
    daily = table("tnps_daily", column("day"), column("agent_id", Integer),
                  column("channel", String), *(column(name, Integer) for name in (
                      "promoters", "passives", "detractors")))
    with engine.begin() as connection:
        connection.execute(insert(users), [{
            "login": "agent_x", "name": "X", "role": "agent", "password_hash": "-",
            "active": True, "session_epoch": 0, "created_at": datetime.now(UTC)}])
        agent = connection.scalar(select(users.c.id))
        connection.execute(insert(daily), [
            {"day": date(2024, 2, 28), "agent_id": agent, "channel": "ivr", "promoters": 1,
             "passives": 2, "detractors": 3},
            {"day": date(2024, 2, 29), "agent_id": agent, "channel": "ivr", "promoters": 4,
             "passives": 0, "detractors": 1},
            {"day": date(2024, 3, 1), "agent_id": agent, "channel": "ivr", "promoters": 7,
             "passives": 0, "detractors": 0},
            {"day": date(2024, 2, 29), "agent_id": agent, "channel": "sms", "promoters": 0,
             "passives": 1, "detractors": 0}])
    migrate.upgrade(old_database)
    with engine.connect() as connection:
        got = {(str(month), channel): (p, pa, d) for month, channel, p, pa, d in
               connection.execute(text("SELECT month, channel, promoters, passives, detractors "
                                       "FROM tnps_monthly"))}
    engine.dispose()
    assert got == {("2024-02-01", "ivr"): (5, 2, 4), ("2024-03-01", "ivr"): (7, 0, 0),
                   ("2024-02-01", "sms"): (0, 1, 0)}
