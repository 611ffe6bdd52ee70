"""Several processes writing to one SQLite file at once never see "database is locked".

Each worker runs the pattern that breaks deferred transactions: read a row, then
update it, many times, all workers on the same row.
"""

from __future__ import annotations

import multiprocessing

import pytest
from sqlalchemy import select

from tests.conftest import PG_URL

WORKERS = 4
ROUNDS = 40


def _worker(url: str, errors) -> None:
    from lab.db import make_engine, make_sessionmaker, writing
    from lab.system.models import Setting

    engine = make_engine(url, busy_timeout_ms=30_000)
    sessions = make_sessionmaker(engine)
    try:
        for _ in range(ROUNDS):
            with writing(), sessions() as session:
                row = session.get(Setting, "counter")
                row.value = str(int(row.value) + 1)
                session.commit()
    except Exception as exc:  # reported to the parent, which fails the test
        errors.put(repr(exc))
    finally:
        engine.dispose()


@pytest.mark.skipif(bool(PG_URL), reason="the SQLite locking behaviour only")
def test_parallel_read_then_write_never_fails(database_url, db):
    """4 processes x 40 read-modify-write transactions: all succeed, none is lost."""
    from lab.system.models import Setting

    db.add(Setting(key="counter", value="0"))
    db.commit()
    context = multiprocessing.get_context("spawn")
    errors = context.Queue()
    processes = [context.Process(target=_worker, args=(database_url, errors))
                 for _ in range(WORKERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
    failures = []
    while not errors.empty():
        failures.append(errors.get())
    assert failures == []
    db.expire_all()
    value = db.scalar(select(Setting.value).where(Setting.key == "counter"))
    assert int(value) == WORKERS * ROUNDS


def test_wal_mode_and_busy_timeout(database_url):
    """The embedded database runs in WAL mode with a busy timeout."""
    if PG_URL:
        pytest.skip("SQLite settings")
    from lab.db import make_engine

    engine = make_engine(database_url, busy_timeout_ms=12_345)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 12_345
    engine.dispose()
