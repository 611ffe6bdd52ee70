"""Several syncs at once on one store and one app database: each response exactly once."""

from __future__ import annotations

import multiprocessing
import threading
from dataclasses import replace

from lab.surveys.store import SurveyStore
from lab.surveys.sync import sync_once
from tests.integration.surveys.rows import recount, rollup_tally, status, store_row, stored_ids

ROWS = 600


def _rows() -> list[dict[str, object]]:
    agents = ("agent_a", "agent_a2", "agent_b")
    return [store_row(score=number % 11, agent_login=agents[number % 3])
            for number in range(ROWS)]


def _check(db, rows, reports) -> None:
    assert stored_ids(db) == sorted(row["response_id"] for row in rows)
    assert sum(report["taken"] for report in reports) == ROWS
    assert sum(report["duplicate"] for report in reports) == 0
    assert rollup_tally(db) == recount(db)
    assert rollup_tally(db).n == ROWS
    assert status(db).taken == ROWS


def test_threads_sync_at_once(world, db, store, sessions, settings):
    """Four threads, each with its own store connection, race through batches of 25."""
    rows = _rows()
    store.append(rows)
    small = replace(settings, batch_size=25)
    start = threading.Barrier(4)
    reports, errors = [], []

    def run() -> None:
        own = SurveyStore.from_settings(small)
        try:
            start.wait()
            reports.append(sync_once(sessions, own, small).as_dict())
        except Exception as exc:  # reported below
            errors.append(repr(exc))
        finally:
            own.dispose()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    _check(db, rows, reports)


def _process_worker(database_url: str, store_url: str, go, results) -> None:
    from lab.db import make_engine, make_sessionmaker
    from lab.surveys.settings import SurveySettings
    from lab.surveys.store import SurveyStore
    from lab.surveys.sync import sync_once

    engine = make_engine(database_url)
    settings = SurveySettings(store_url=store_url, batch_size=20)
    store = SurveyStore.from_settings(settings)
    go.wait(30)
    try:
        results.put(sync_once(make_sessionmaker(engine), store, settings).as_dict())
    except Exception as exc:
        results.put({"error": repr(exc)})


def test_processes_sync_at_once(world, db, store, database_url, store_url):
    """Three processes (three app nodes) sync the same store at the same moment."""
    rows = _rows()
    store.append(rows)
    context = multiprocessing.get_context("spawn")
    go, results = context.Event(), context.Queue()
    processes = [context.Process(target=_process_worker,
                                 args=(database_url, store_url, go, results))
                 for _ in range(3)]
    for process in processes:
        process.start()
    go.set()
    reports = [results.get(timeout=120) for _ in processes]
    for process in processes:
        process.join(30)
    assert [report for report in reports if "error" in report] == []
    _check(db, rows, reports)
