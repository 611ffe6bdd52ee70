"""tnps_topic_monthly: the topic rollup's month sums, kept with the daily rows, and My
TNPS's topic tallies read from both (a month's days, then whole months)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String, column, func, insert, select, table, text

from lab import migrate
from lab.dashboard.period import month_of
from lab.dashboard.summary import read_history
from lab.db import UTCDateTime, make_engine
from lab.surveys.models import TnpsTopicDaily, TnpsTopicMonthly
from lab.surveys.sync import sync_once
from lab.tnps import rollup
from lab.tnps.tally import Tally
from tests.integration.surveys.rows import store_row
from tests.integration.surveys.test_tnps_monthly import old_database  # noqa: F401 (fixture)

MSK = ZoneInfo("Europe/Moscow")
LINE = "No signal at home, the internet is slow"
CHARGES = "Списали деньги за подписку, а тариф подорожал"  # charges and tariffs


def _monthly(db) -> dict[tuple, tuple[int, int, int]]:
    db.rollback()
    return {(agent, str(month), topic): (p, s, d) for agent, month, topic, p, s, d in
            db.execute(select(TnpsTopicMonthly.agent_id, TnpsTopicMonthly.month,
                              TnpsTopicMonthly.topic, TnpsTopicMonthly.promoters,
                              TnpsTopicMonthly.passives, TnpsTopicMonthly.detractors))}


def _at(day: str) -> dict[str, str]:
    return {"call_ended_at": f"{day}T10:00:00+03:00", "answered_at": f"{day}T10:01:00+03:00"}


def test_topic_months_and_the_pages_tallies(db, world, store, sessions, settings):
    store.append([store_row(score=score, comment=comment, **_at(day)) for day, score, comment
                  in (("2026-09-10", 2, LINE), ("2026-09-25", 9, LINE),
                      ("2026-10-03", 10, CHARGES), ("2026-10-31", 7, LINE),
                      ("2026-11-20", 1, CHARGES))])
    sync_once(sessions, store, settings)
    agent = world.agent_a.id
    expected = _monthly(db)
    assert expected[(agent, "2026-09-01", "connection")] == (1, 0, 1)
    assert expected[(agent, "2026-10-01", "connection")] == (0, 1, 0)
    assert expected[(agent, "2026-11-01", "charges")] == (0, 0, 1)
    for since in (date(2026, 9, 1), date(2026, 9, 20), date(2026, 10, 31), date(2026, 11, 21)):
        history, _facts = read_history(db, world.agent_a, since, date(2026, 11, 25), since,
                                       month_of(date(2026, 11, 25), MSK))
        sums = db.execute(select(TnpsTopicDaily.topic, func.sum(TnpsTopicDaily.promoters),
                                 func.sum(TnpsTopicDaily.passives),
                                 func.sum(TnpsTopicDaily.detractors))
                          .where(TnpsTopicDaily.agent_id == agent, TnpsTopicDaily.day >= since)
                          .group_by(TnpsTopicDaily.topic))
        assert history.topics == {topic: Tally(int(p), int(s), int(d))
                                  for topic, p, s, d in sums}, since
    db.execute(TnpsTopicMonthly.__table__.delete())  # drifted or emptied: rebuild repairs it
    db.commit()
    rollup.rebuild(db, MSK)
    db.commit()
    assert _monthly(db) == expected


def test_the_migration_sums_existing_topic_days(old_database):  # noqa: F811
    """Topic days counted before the monthly sums existed are summed per month."""
    migrate.upgrade(old_database, "p14b_team_daily")  # the revision before
    engine = make_engine(old_database)
    users = table("users", *(column(name) for name in ("login", "name", "role",
                  "password_hash", "active", "session_epoch")), column("id", Integer),
                  column("created_at", UTCDateTime()))
    days = table("tnps_topic_daily", column("agent_id", Integer), column("day"),
                 column("topic", String), *(column(name, Integer) for name in (
                     "promoters", "passives", "detractors")))
    with engine.begin() as connection:
        connection.execute(insert(users), [{
            "login": "agent_x", "name": "X", "role": "agent", "password_hash": "-",
            "active": True, "session_epoch": 0, "created_at": datetime(2026, 11, 1, tzinfo=UTC)}])
        agent = connection.scalar(select(users.c.id))
        connection.execute(insert(days), [
            {"agent_id": agent, "day": day, "topic": topic, "promoters": p, "passives": s,
             "detractors": d}
            for day, topic, p, s, d in (
                (date(2026, 10, 31), "charges", 1, 0, 0), (date(2026, 10, 1), "charges", 0, 1, 2),
                (date(2026, 11, 1), "charges", 0, 0, 1), (date(2026, 11, 2), "service", 3, 0, 0))])
    migrate.upgrade(old_database)
    with engine.connect() as connection:
        got = {(str(month), topic, p, s, d) for month, topic, p, s, d in connection.execute(text(
            "SELECT month, topic, promoters, passives, detractors FROM tnps_topic_monthly"))}
    engine.dispose()
    assert got == {("2026-10-01", "charges", 1, 1, 2), ("2026-11-01", "charges", 0, 0, 1),
                   ("2026-11-01", "service", 3, 0, 0)}
