"""A sync meeting answers already stored (pushed first): each stored once, counted once in
the rollup, the others reported as duplicates (the batch insert's fallback path)."""

from __future__ import annotations

from lab.db import writing
from lab.surveys.ingest import ingest, load_context
from lab.surveys.models import SurveyResponse
from lab.surveys.sync import sync_once
from tests.integration.surveys.rows import (
    recount,
    rollup_tally,
    sms_row,
    status,
    store_row,
    stored_ids,
)


def test_sync_skips_answers_pushed_before(world, db, store, sessions, settings):
    """Two of five rows were pushed before the sync: three taken, two duplicates."""
    rows = [store_row(score=10), sms_row(score=3), store_row(score=8), store_row(score=1),
            store_row(score=9, answered_at="2026-11-20T11:00:00+03:00")]  # late
    with writing(), sessions() as session, session.begin():
        pushed = ingest(session, [rows[1], rows[3]], "push", load_context(session, settings))
    assert pushed.taken == 2
    store.append(rows)
    report = sync_once(sessions, store, settings)
    assert (report.seen, report.taken, report.duplicate, report.late) == (5, 3, 2, 1)
    assert stored_ids(db) == sorted(row["response_id"] for row in rows)
    assert rollup_tally(db) == recount(db) and rollup_tally(db).n == 4
    sources = dict(db.query(SurveyResponse.response_id, SurveyResponse.source))
    assert sources[rows[1]["response_id"]] == "push" and sources[rows[0]["response_id"]] == "sync"
    assert status(db).taken == 3 and status(db).duplicate == 2

