"""Pulling the store by the cursor: batches, counts, idempotency, lateness, the rollup."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select

from lab.surveys.models import SurveyResponse, SyncState, TnpsDaily
from lab.surveys.sync import sync_once
from lab.tnps.tally import Tally
from tests.factories import make_user
from tests.integration.surveys.rows import (
    quarantine_reasons,
    recount,
    rollup_tally,
    sms_row,
    status,
    store_row,
    stored_ids,
)


def test_sync_takes_new_rows_once_and_reports_them(world, db, store, sessions, settings):
    """Valid rows are stored, bad ones quarantined, and a second sync takes nothing."""
    rows = [store_row(score=10), store_row(score=7), sms_row(score=3),
            store_row(score=11), store_row(agent_login="ghost")]
    store.append(rows)
    report = sync_once(sessions, store, settings)
    assert (report.seen, report.taken, report.duplicate, report.quarantined) == (5, 3, 0, 2)
    assert stored_ids(db) == sorted(row["response_id"] for row in rows[:3])
    assert quarantine_reasons(db) == ["bad_score", "unknown_agent"]
    again = sync_once(sessions, store, settings)
    assert again.seen == 0 and again.taken == 0
    assert rollup_tally(db) == Tally(promoters=1, passives=1, detractors=1)


def test_batches_and_cursor(world, db, store, sessions, settings):
    """Ten rows in batches of three: four batches, cursor at the last id, no lag."""
    store.append([store_row() for _ in range(10)])
    report = sync_once(sessions, store, replace(settings, batch_size=3))
    assert report.batches == 4 and report.taken == 10
    state = status(db)
    assert state.cursor == store.max_id() and state.lag == 0
    assert state.taken == 10 and state.last_success_at is not None and not state.failing


def test_lag_counts_rows_behind(world, db, store, sessions, settings):
    """Stopping after one batch leaves the rest as lag."""
    store.append([store_row() for _ in range(7)])
    sync_once(sessions, store, replace(settings, batch_size=3), max_batches=1)
    assert status(db).lag == 4


def test_late_answers_are_kept_marked_and_not_counted(world, db, store, sessions, settings):
    """An IVR answer 30 minutes after the call is stored as late and left out of TNPS."""
    store.append([store_row(answered_at="2026-11-20T10:30:00+03:00", score=0),
                  sms_row(sent_at="2026-11-21T11:00:00+03:00",
                          answered_at="2026-11-21T12:00:00+03:00", score=1),
                  store_row(score=10)])
    report = sync_once(sessions, store, settings)
    assert report.taken == 3 and report.late == 2
    late = db.scalars(select(SurveyResponse).where(SurveyResponse.late.is_(True))).all()
    assert sorted(item.late_reason for item in late) == ["ivr_answer_late", "sms_sent_late"]
    assert rollup_tally(db) == Tally(promoters=1) == recount(db)


def test_quarantined_row_passes_once_its_agent_exists(world, db, store, sessions, settings):
    """An unknown agent's row waits in quarantine and is stored by the sync after the
    agent is created; the rollup follows."""
    store.append([store_row(agent_login="newbie", score=10)])
    assert sync_once(sessions, store, settings).quarantined == 1
    make_user(db, "newbie", team=world.team_a)
    db.commit()
    report = sync_once(sessions, store, settings)
    assert report.reprocessed == 1
    assert quarantine_reasons(db) == []
    assert rollup_tally(db) == Tally(promoters=1)
    # Once released, it stays released.
    assert sync_once(sessions, store, settings).reprocessed == 0


def test_days_are_local_days_of_the_calls_end(world, db, store, sessions, settings):
    """A call ending 23:30 in Moscow (20:30 UTC) counts on that Moscow day."""
    store.append([store_row(call_ended_at="2026-11-20T20:30:00+00:00",
                            answered_at="2026-11-20T20:31:00+00:00")])
    sync_once(sessions, store, settings)
    assert [str(day) for day in db.scalars(select(TnpsDaily.day))] == ["2026-11-20"]


def test_another_store_restarts_the_cursor(world, db, store, sessions, settings):
    """The cursor belongs to a store: pointing at another one starts it from 0."""
    store.append([store_row()])
    sync_once(sessions, store, settings)
    db.execute(SyncState.__table__.update().values(store="elsewhere#t"))
    db.commit()
    report = sync_once(sessions, store, settings)
    assert report.seen == 1 and report.duplicate == 1 and report.taken == 0

