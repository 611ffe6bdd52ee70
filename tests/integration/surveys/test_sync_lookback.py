"""The cursor look-back: a row an external store commits late, below the cursor, is taken
once by the next sync; re-reading an unchanged window takes, counts and quarantines nothing."""

from __future__ import annotations

from dataclasses import replace

from lab.surveys.settings import settings_from
from lab.surveys.sync import sync_once
from lab.tnps.tally import Tally
from tests.integration.surveys.rows import (
    quarantine_reasons,
    recount,
    rollup_tally,
    status,
    store_row,
    stored_ids,
)


def _with_id(store_id: int, **changes) -> dict[str, object]:
    return {"id": store_id, **store_row(**changes)}


def test_a_late_commit_below_the_cursor_is_counted_once(world, db, store, sessions, settings):
    """Ids 1..5 are written while a sixth writer, holding id 3, has not committed yet: the
    sync sees 1, 2, 4, 5, 6 (cursor 6). Id 3 commits late and is taken by the next sync,
    counted once; later syncs of the unchanged store take nothing."""
    store.append([_with_id(n, score=10) for n in (1, 2, 4, 5, 6)])
    first = sync_once(sessions, store, settings)
    assert first.taken == 5 and status(db).cursor == 6
    store.append([_with_id(3, response_id="late-3", score=0)])  # the late commit
    second = sync_once(sessions, store, settings)
    assert (second.seen, second.taken, second.duplicate) == (1, 1, 0)
    assert "late-3" in stored_ids(db) and len(stored_ids(db)) == 6
    assert rollup_tally(db) == recount(db) == Tally(promoters=5, detractors=1)
    for _ in range(2):
        again = sync_once(sessions, store, settings)
        assert again.seen == again.taken == again.duplicate == again.quarantined == 0
    assert rollup_tally(db) == Tally(promoters=5, detractors=1)
    state = status(db)
    assert (state.cursor, state.taken, state.duplicate, state.quarantined) == (6, 6, 0, 0)


def test_a_late_bad_row_is_quarantined_once(world, db, store, sessions, settings):
    """A late row that fails validation is quarantined by the look-back, and only once:
    the window holds it on every later sync, its fingerprint keeps it out."""
    store.append([_with_id(1), _with_id(2, score=11), _with_id(4)])
    assert sync_once(sessions, store, settings).quarantined == 1
    store.append([_with_id(3, score=6.5)])
    assert sync_once(sessions, store, settings).quarantined == 1
    for _ in range(2):
        again = sync_once(sessions, store, settings)
        assert (again.seen, again.quarantined, again.duplicate) == (0, 0, 0)
    assert quarantine_reasons(db) == ["bad_score", "bad_score"]
    assert status(db).quarantined == 2 and status(db).duplicate == 0


def test_the_window_is_the_last_n_ids_and_zero_turns_it_off(world, db, store, sessions,
                                                            settings):
    """Only ids within SYNC_LOOKBACK_IDS of the cursor are read again; 0 reads none."""
    store.append([_with_id(1), _with_id(10)])
    sync_once(sessions, store, settings)
    store.append([_with_id(5, response_id="in-5"), _with_id(8, response_id="in-8")])
    assert sync_once(sessions, store, replace(settings, lookback_ids=0)).taken == 0
    assert sync_once(sessions, store, replace(settings, lookback_ids=3)).taken == 1  # 8
    assert "in-5" not in stored_ids(db) and "in-8" in stored_ids(db)
    assert sync_once(sessions, store, settings).taken == 1  # 5, with the default 1000
    assert rollup_tally(db) == recount(db) and rollup_tally(db).n == 4


def test_the_window_comes_from_the_environment(monkeypatch):
    """LAB_SYNC_LOOKBACK_IDS reaches the settings, 0 included."""
    from lab.config import from_environment

    monkeypatch.setenv("LAB_SYNC_LOOKBACK_IDS", "0")
    assert settings_from({**from_environment(), "SURVEY_STORE_URL": "sqlite://"}
                         ).lookback_ids == 0
    monkeypatch.setenv("LAB_SYNC_LOOKBACK_IDS", "5000")
    assert settings_from(from_environment()).lookback_ids == 5000
