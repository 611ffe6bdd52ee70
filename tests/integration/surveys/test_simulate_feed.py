"""The simulator writes into the store (never the app database); the demo feed; the
background sync thread that takes what lands in the store."""

from __future__ import annotations

import time

import pytest

from lab.accounts.demo import load_demo
from lab.cli import cli
from lab.surveys import background
from lab.surveys import cli as surveys_cli
from lab.surveys.demo import demo_feed
from tests.integration.surveys.conftest import make_app
from tests.integration.surveys.rows import recount, rollup_tally, store_row, stored_ids


def test_simulate_writes_the_store_then_sync_takes_it(app, world, db, store):
    """History for two agents lands in the store only; a sync then takes it."""
    runner = app.test_cli_runner()
    result = runner.invoke(cli, ["surveys", "simulate", "--days", "5", "--seed", "7",
                                 "--agents", "agent_a,agent_b"], catch_exceptions=False)
    assert result.exit_code == 0 and "(5 days, 2 agents)" in result.output
    written = store.count()
    assert written > 20
    assert stored_ids(db) == []
    synced = runner.invoke(cli, ["surveys", "sync"], catch_exceptions=False).output
    assert f"{written} rows read" in synced
    assert rollup_tally(db) == recount(db)


def test_simulate_follow_writes_until_interrupted(app, world, store, monkeypatch):
    """--follow keeps writing rows as they happen; Ctrl-C ends it with a count."""
    ticks = {"n": 0}

    def sleep(_seconds):
        ticks["n"] += 1
        if ticks["n"] > 20:
            raise KeyboardInterrupt

    monkeypatch.setattr(surveys_cli.time, "sleep", sleep)
    result = app.test_cli_runner().invoke(
        cli, ["surveys", "simulate", "--days", "0", "--follow", "--rate", "20", "--seed", "1"],
        catch_exceptions=False)
    assert result.exit_code == 0 and "live rows" in result.output
    assert store.count() > 15


def test_demo_feed_fills_an_empty_store_once(app, db, store, sessions):
    """90 days for agent1..agent12, synced; a second call writes and takes nothing."""
    load_demo(db)
    db.commit()
    first = demo_feed(app.config, sessions)
    assert first.written > 3000 and first.report.taken > 0.9 * first.written
    assert first.report.quarantined > 0  # the feed carries a few bad rows, as real ones do
    second = demo_feed(app.config, sessions)
    assert second.written == 0 and second.report.taken == 0
    assert rollup_tally(db) == recount(db)


def test_background_thread_syncs_what_arrives(database_url, store_url, world, db, store):
    """With TESTING off, the thread starts with the first request and takes new rows."""
    app = make_app(database_url, store_url, TESTING=False, SYNC_INTERVAL_SECONDS=0.1)
    try:
        app.test_client().get("/api/v1/health")
        thread = app.extensions[background.EXTENSION]
        assert thread.is_alive()
        store.append([store_row(response_id="bg-1")])
        deadline = time.monotonic() + 20
        while stored_ids(db) != ["bg-1"] and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stored_ids(db) == ["bg-1"]
        assert background.start(app) is thread  # once per process
    finally:
        thread.stop.set()
        thread.join(10)
        app.extensions["lab.db"].engine.dispose()


@pytest.mark.parametrize("config", [{"TESTING": True}, {"TESTING": False, "SYNC_IN_APP": False},
                                    {"TESTING": False, "SYNC_INTERVAL_SECONDS": 0}])
def test_background_is_off_when_asked(database_url, store_url, config):
    """Off in tests, with LAB_SYNC_IN_APP=0, or with no interval."""
    app = make_app(database_url, store_url, **config)
    app.test_client().get("/api/v1/health")
    assert background.EXTENSION not in app.extensions
    app.extensions["lab.db"].engine.dispose()


def test_sync_in_app_flag_from_the_environment(monkeypatch):
    """LAB_SYNC_IN_APP=0 turns the thread off."""
    from lab.config import from_environment

    monkeypatch.setenv("LAB_SYNC_IN_APP", "0")
    assert from_environment()["SYNC_IN_APP"] is False
