"""Comment topics tagged on arrival and counted per day: by the sync, the rebuild and the
migration that tags the rows an existing install already holds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, column, insert, select, table, text

from lab import migrate
from lab.db import UTCDateTime, make_engine
from lab.surveys.models import SurveyResponse, TnpsTopicDaily
from lab.surveys.sync import sync_once
from lab.surveys.topics import TOPIC_BIT
from lab.tnps import rollup
from tests.integration.surveys.rows import store_row
from tests.integration.surveys.test_tnps_monthly import old_database  # noqa: F401 (fixture)

MSK = ZoneInfo("Europe/Moscow")
CHARGES = "Списали деньги за подписку, а тариф подорожал"  # charges and tariffs
LINE = "No signal at home, the internet is slow"


def _topic_rows(db) -> dict[tuple, tuple[int, int, int]]:
    db.rollback()
    return {(str(day), topic): (p, s, d) for day, topic, p, s, d in db.execute(select(
        TnpsTopicDaily.day, TnpsTopicDaily.topic, TnpsTopicDaily.promoters,
        TnpsTopicDaily.passives, TnpsTopicDaily.detractors))}


def test_sync_tags_and_counts_topics(db, world, store, sessions, settings):
    """Each answer keeps its comment's topics; on-time ones count per day and topic, a late
    one (kept for its comment) and one without a comment count under no topic."""
    store.append([
        store_row(score=2, comment=CHARGES),
        store_row(score=10, comment=CHARGES),
        store_row(score=8, comment=LINE, call_ended_at="2026-11-21T10:00:00+03:00",
                  answered_at="2026-11-21T10:01:00+03:00"),
        store_row(score=1, comment=LINE, answered_at="2026-11-20T11:30:00+03:00"),  # late
        store_row(score=9),
    ])
    sync_once(sessions, store, settings)
    masks = sorted(db.scalars(select(SurveyResponse.topics)))
    both = TOPIC_BIT["charges"] | TOPIC_BIT["tariffs"]
    assert masks == sorted([both, both, TOPIC_BIT["connection"], TOPIC_BIT["connection"], 0])
    expected = {("2026-11-20", "charges"): (1, 0, 1), ("2026-11-20", "tariffs"): (1, 0, 1),
                ("2026-11-21", "connection"): (0, 1, 0)}
    assert _topic_rows(db) == expected
    db.execute(TnpsTopicDaily.__table__.delete())  # drifted or emptied: rebuild repairs it
    db.commit()
    rollup.rebuild(db, MSK)
    db.commit()
    assert _topic_rows(db) == expected


def test_the_migration_tags_existing_comments(old_database):  # noqa: F811
    """Rows stored before topics existed are tagged, and their on-time ones counted."""
    migrate.upgrade(old_database, "89d25f16458d")  # the revision before p13_topics_rollup
    engine = make_engine(old_database)
    users = table("users", *(column(name) for name in ("login", "name", "role",
                  "password_hash", "active", "session_epoch")), column("id", Integer),
                  column("created_at", UTCDateTime()))
    responses = table("survey_responses", *(column(name) for name in (
        "response_id", "call_id", "agent_id", "channel", "score", "comment", "late", "source")),
        *(column(name, UTCDateTime()) for name in (
            "call_ended_at", "answered_at", "received_at")))
    # 23:30 UTC on 19 November is 02:30 on the 20th in Moscow: the local day counts.
    ended = datetime(2026, 11, 19, 23, 30, tzinfo=UTC)
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
                [(3, CHARGES, False), (9, LINE, False), (0, LINE, True), (7, None, False)])])
    migrate.upgrade(old_database)
    with engine.connect() as connection:
        masks = {row[0]: row[1] for row in connection.execute(
            text("SELECT response_id, topics FROM survey_responses"))}
        got = {(str(day), topic): (p, s, d) for day, topic, p, s, d in connection.execute(
            text("SELECT day, topic, promoters, passives, detractors FROM tnps_topic_daily"))}
    engine.dispose()
    assert masks == {"r0": TOPIC_BIT["charges"] | TOPIC_BIT["tariffs"],
                     "r1": TOPIC_BIT["connection"], "r2": TOPIC_BIT["connection"], "r3": 0}
    day = str(date(2026, 11, 20))
    assert got == {(day, "charges"): (0, 0, 1), (day, "tariffs"): (0, 0, 1),
                   (day, "connection"): (1, 0, 0)}
