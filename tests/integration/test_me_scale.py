"""My TNPS runs the same few SQL statements for 10 answers of history and for 10,000."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text

from lab.surveys.comments import COMMENTS
from lab.surveys.domain import DEFAULT_WINDOWS
from lab.surveys.ingest import IngestContext, ingest, known_agents
from tests.factories import make_team, make_user
from tests.sqlcount import page_statements

MAX_STATEMENTS = 5  # BEGIN, the user, the rollups with the facts, sector states, comments


def _history(app, db, login: str, count: int, seed: int) -> None:
    """`count` IVR answers over the last 200 days, most with a comment on some topic."""
    rng = random.Random(seed)
    now = datetime.now(UTC)
    texts = [text for by_lang in COMMENTS.values() for lang in by_lang.values() for text in lang]
    rows = []
    for number in range(count):
        ended = now - timedelta(seconds=rng.uniform(120, 200 * 86400))
        rows.append({"response_id": f"{login}-{number}", "call_id": f"{login}-c{number}",
                     "agent_login": login, "channel": "ivr", "sent_at": None,
                     "call_ended_at": ended.isoformat(),
                     "answered_at": (ended + timedelta(seconds=60)).isoformat(),
                     "score": rng.randint(0, 10),
                     "comment": rng.choice(texts) if rng.random() < 0.6 else None})
    ctx = IngestContext(known_agents(db), DEFAULT_WINDOWS, ZoneInfo(app.config["TIMEZONE"]))
    assert ingest(db, rows, "import", ctx).taken == count
    db.commit()


def test_me_does_not_grow_with_history(app, auth, client, db):
    """/me (plain and filtered by topic) and its JSON: the same count at 10 and 10,000
    answers, and at most MAX_STATEMENTS for the page."""
    team = make_team(db, "Team")
    make_user(db, "few", team=team)
    make_user(db, "many", team=team)
    db.commit()
    _history(app, db, "few", 10, seed=1)
    _history(app, db, "many", 10_000, seed=2)
    counts = {}
    for login in ("few", "many"):
        auth.login(login)
        counts[login] = [page_statements(app, client, path) for path in (
            "/me", "/me?topic=charges&period=90d", "/api/v1/me/tnps?after=1",
            "/api/v1/me/comments?category=detractor")]
        auth.logout()
    assert counts["few"] == counts["many"], counts
    assert counts["many"][0] <= MAX_STATEMENTS, counts



def test_sqlite_statistics_follow_the_history(app, db):
    """Stored answers leave SQLite statistics that describe them, refreshed as the history
    grows, so the comment count reads the partial comment index instead of walking every
    answer through another index that starts with the agent (38 ms against 1.4 ms at 35k)."""
    if db.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL keeps its own statistics (autovacuum)
    team = make_team(db, "Team")
    agent = make_user(db, "many", team=team)
    make_user(db, "more", team=team)
    db.commit()

    def described() -> int:
        return db.execute(text("SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1"
                               " WHERE tbl = 'survey_responses'")).scalar() or 0

    _history(app, db, "many", 50, seed=3)
    assert 0 < described() <= 50
    _history(app, db, "more", 500, seed=4)  # the table grew tenfold: described again
    assert described() > 250
    plan = " ".join(str(row) for row in db.execute(text(
        "EXPLAIN QUERY PLAN SELECT count(*) FROM survey_responses"
        " WHERE agent_id = :agent AND comment IS NOT NULL"), {"agent": agent.id}))
    assert "ix_survey_responses_agent_comments" in plan, plan
