"""A slow or unreachable store fails the sync, is recorded, and never breaks a page."""

from __future__ import annotations

import pytest

from lab.cli import cli
from lab.surveys.settings import SurveySettings
from lab.surveys.store import SurveyStore
from lab.surveys.sync import SyncFailed, sync_once
from tests.integration.surveys.rows import status, store_row

# A port nobody listens on: the connection is refused at once.
DEAD_STORE = "postgresql+psycopg://nobody@127.0.0.1:9/nowhere"


def test_unreachable_store_is_recorded_not_raised_into_pages(app, client, world, db, sessions):
    """The error lands in sync_state; the app's pages keep answering."""
    settings = SurveySettings(store_url=DEAD_STORE)
    store = SurveyStore.from_settings(settings)
    with pytest.raises(SyncFailed) as failed:
        sync_once(sessions, store, settings)
    store.dispose()
    assert "OperationalError" in str(failed.value)
    state = status(db)
    assert state.failing and state.last_error_at is not None and state.last_success_at is None
    assert client.get("/api/v1/health").status_code == 200


def test_recovery_clears_the_failing_flag(world, db, store, sessions, settings):
    """After an error, a good sync makes the status healthy again; the error stays readable."""
    dead = SurveySettings(store_url=DEAD_STORE)
    dead_store = SurveyStore.from_settings(dead)
    with pytest.raises(SyncFailed):
        sync_once(sessions, dead_store, dead)
    dead_store.dispose()
    store.append([store_row()])
    sync_once(sessions, store, settings)
    state = status(db)
    assert not state.failing and state.last_error is not None and state.taken == 1


def test_cli_sync_and_status(app, world, store):
    """`lab surveys sync` prints the report; `lab surveys status` the cursor and quarantine."""
    store.append([store_row(), store_row(score=11)])
    runner = app.test_cli_runner()
    result = runner.invoke(cli, ["surveys", "sync"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "2 rows read: 1 taken (0 marked late), 0 duplicate, 1 quarantined" in result.output
    shown = runner.invoke(cli, ["surveys", "status"], catch_exceptions=False).output
    assert "cursor 2, lag 0" in shown and "open quarantine: bad_score 1" in shown


def test_cli_sync_failure_is_one_line(database_url, world):
    """A dead store: non-zero exit and the reason, no traceback."""
    from tests.integration.surveys.conftest import make_app

    app = make_app(database_url, DEAD_STORE)
    result = app.test_cli_runner().invoke(cli, ["surveys", "sync"])
    app.extensions["lab.db"].engine.dispose()
    assert result.exit_code != 0 and "sync failed: OperationalError" in result.output
    assert "Traceback" not in result.output
