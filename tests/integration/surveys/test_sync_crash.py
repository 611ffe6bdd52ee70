"""A sync that dies between or inside batches loses nothing and doubles nothing."""

from __future__ import annotations

import multiprocessing
import os
import signal
from dataclasses import replace

import pytest

from lab.surveys import sync as sync_module
from lab.surveys.sync import SyncFailed, sync_once
from tests.integration.surveys.rows import recount, rollup_tally, status, store_row, stored_ids


class Boom(Exception):
    """The crash we cause."""


def _fail_on_call(real, number: int):
    calls = {"n": 0}

    def wrapper(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == number:
            raise Boom(f"crash on call {number}")
        return real(*args, **kwargs)

    return wrapper


def _rows(count: int) -> list[dict[str, object]]:
    return [store_row(score=number % 11) for number in range(count)]


def test_crash_inside_a_batch_after_its_inserts(world, db, store, sessions, settings,
                                                 monkeypatch):
    """The third batch raises after inserting its rows, before the cursor moves: its rows
    roll back with it; the next sync takes them, once."""
    rows = _rows(25)
    store.append(rows)
    small = replace(settings, batch_size=10)
    monkeypatch.setattr(sync_module, "advance_cursor",
                        _fail_on_call(sync_module.advance_cursor, 3))
    with pytest.raises(SyncFailed) as failed:
        sync_once(sessions, store, small)
    assert failed.value.report.taken == 20  # two batches committed before the crash
    assert len(stored_ids(db)) == 20
    state = status(db)
    assert state.failing and "crash on call 3" in state.last_error
    monkeypatch.undo()
    report = sync_once(sessions, store, small)
    assert report.taken == 5 and report.duplicate == 0
    assert stored_ids(db) == sorted(row["response_id"] for row in rows)
    assert rollup_tally(db) == recount(db)
    assert not status(db).failing


def test_crash_between_batches(world, db, store, sessions, settings, monkeypatch):
    """The store read of the second batch fails: the first batch stays, the rest follows."""
    rows = _rows(15)
    store.append(rows)
    small = replace(settings, batch_size=10)
    monkeypatch.setattr(store, "fetch_after", _fail_on_call(store.fetch_after, 2))
    with pytest.raises(SyncFailed):
        sync_once(sessions, store, small)
    assert len(stored_ids(db)) == 10
    monkeypatch.undo()
    assert sync_once(sessions, store, small).taken == 5
    assert stored_ids(db) == sorted(row["response_id"] for row in rows)
    assert rollup_tally(db) == recount(db)


def _killed_worker(database_url: str, store_url: str, kill_on: int) -> None:
    """Sync in batches of 10 and SIGKILL ourselves inside batch kill_on, before commit."""
    from lab.db import make_engine, make_sessionmaker
    from lab.surveys import sync
    from lab.surveys.settings import SurveySettings
    from lab.surveys.store import SurveyStore

    real = sync.advance_cursor
    calls = {"n": 0}

    def advance_then_die(*args, **kwargs):
        real(*args, **kwargs)
        calls["n"] += 1
        if calls["n"] == kill_on:
            os.kill(os.getpid(), signal.SIGKILL)

    sync.advance_cursor = advance_then_die
    engine = make_engine(database_url)
    settings = SurveySettings(store_url=store_url, batch_size=10)
    sync.sync_once(make_sessionmaker(engine), SurveyStore.from_settings(settings), settings)


def test_process_killed_mid_transaction(world, db, store, sessions, settings, database_url,
                                        store_url):
    """A real kill -9 inside the third batch's transaction (rows inserted, cursor moved,
    nothing committed): the restart takes exactly the rest."""
    rows = _rows(45)
    store.append(rows)
    process = multiprocessing.get_context("spawn").Process(
        target=_killed_worker, args=(database_url, store_url, 3))
    process.start()
    process.join(60)
    assert process.exitcode == -signal.SIGKILL
    assert len(stored_ids(db)) == 20
    report = sync_once(sessions, store, replace(settings, batch_size=10))
    assert report.taken == 25 and report.duplicate == 0
    assert stored_ids(db) == sorted(row["response_id"] for row in rows)
    assert rollup_tally(db) == recount(db)
