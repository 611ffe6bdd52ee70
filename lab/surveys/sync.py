"""Pulling new rows from the survey store by the id cursor, batch by batch.

Each batch is one transaction of the app database: its responses, rollup increments,
quarantine rows and the cursor move commit together, so a sync killed anywhere loses
nothing and doubles nothing. The batch is read from the store before the cursor is
locked (a slow store never holds the lock), then trimmed to what is still past the
cursor once the lock is ours: two nodes syncing at once take each row exactly once.
While one batch is written, a helper thread reads and validates the next. Each sync
first re-reads the ids just below the cursor (lab.surveys.lookback) for late commits.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session, sessionmaker

from lab.db import utcnow, writing
from lab.surveys.batch import store_prepared
from lab.surveys.fastpath import Prepared, prepare
from lab.surveys.ingest import IngestContext, load_context
from lab.surveys.lookback import look_back
from lab.surveys.report import SyncReport
from lab.surveys.reprocess import reprocess_quarantine
from lab.surveys.settings import SurveySettings
from lab.surveys.stamps import Stamp, native_stamp, sqlite_stamp
from lab.surveys.state import (
    advance_cursor,
    ensure_state,
    lock_cursor,
    read_cursor,
    record_run,
)
from lab.surveys.store import SurveyStore

log = logging.getLogger(__name__)
MAX_BACKOFF_S = 60.0


class SyncFailed(Exception):
    """A sync stopped on an error; the batches committed before it stay committed."""

    def __init__(self, message: str, report: SyncReport) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class _Context:
    """What validating a batch needs: the agents and windows, and the app database's
    form of a timestamp (text on SQLite, a datetime for PostgreSQL's COPY)."""

    ingest: IngestContext
    stamp: Stamp


@dataclass(frozen=True)
class _Fetched:
    """A batch read from the store after a cursor, already validated."""

    after: int
    raws: list[tuple]  # id first; kept to re-validate a suffix if another node took a part
    prepared: Prepared
    full: bool  # as many rows as asked for: the store may hold more

    @property
    def last(self) -> int:
        return int(self.raws[-1][0])  # type: ignore[call-overload]


def _prepare(raws: list[tuple], ctx: _Context) -> Prepared:
    return prepare(raws, ctx.ingest, ctx.stamp, "sync", utcnow())


def _fetch(store: SurveyStore, after: int, size: int, ctx: _Context) -> _Fetched:
    raws = store.fetch_after(after, size)
    return _Fetched(after, raws, _prepare(raws, ctx), len(raws) == size)


def _commit(sessions: sessionmaker[Session], fetched: _Fetched, ctx: _Context,
            top: int) -> tuple[SyncReport, int]:
    """Store what of a batch is still past the cursor; return its report and the cursor."""
    with writing(), sessions() as session, session.begin():
        cursor = lock_cursor(session)
        if cursor < fetched.after:
            return SyncReport(), cursor  # the cursor went back (another store): re-read
        prepared = fetched.prepared
        if cursor > fetched.after:
            # Another node moved the cursor while we read: keep what is still ours.
            mine = [raw for raw in fetched.raws if int(raw[0]) > cursor]  # type: ignore[call-overload]
            if not mine:
                return SyncReport(), cursor
            prepared = _prepare(mine, ctx)
        report = store_prepared(session, prepared, "sync", ctx.ingest)
        cursor = fetched.last
        advance_cursor(session, cursor, report, max(0, top - cursor))
    return replace(report, batches=1), cursor


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No garbage collection while batches are read, built and written: a batch makes
    some 100k short-lived tuples, freed by their counts, and each collection they trigger
    walks every object alive (the next batch's too), to find nothing to free. Paused for
    the whole pull, not batch by batch: re-enabled between batches, the collections it
    owed cost 1.5 us a row. The pull's few cycles (a session per batch) are collected
    when it is done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Later:
    """A read to do when its result is asked for (after the current batch's write)."""

    def __init__(self, fn, args) -> None:
        self._call = (fn, args)

    def result(self):
        fn, args = self._call
        return fn(*args)


class _Inline:
    """The read-ahead's interface, in the caller's thread: for an embedded store, whose
    reads are Python and SQLite work under the GIL, a second thread only adds switching
    (on two cores it was idle most of the time, and a net cost). The insert cannot give
    it time: sqlite3 lets go of the GIL only inside each row's step, and the validating
    thread then keeps it until the switch interval, whatever the interval (0.05-5 ms
    measured the same). A second process was no better while other work holds a core."""

    def submit(self, fn, *args) -> _Later:
        return _Later(fn, args)

    def __enter__(self) -> _Inline:
        return self

    def __exit__(self, *_exc) -> None:
        return None


def _reader(store: SurveyStore):
    """A thread that reads the next batch during a write, where the read waits on a
    server; inline for an embedded store."""
    if store.embedded:
        return _Inline()
    return ThreadPoolExecutor(1, thread_name_prefix="survey-read-ahead")


def _pull(sessions: sessionmaker[Session], store: SurveyStore, size: int, ctx: _Context,
          top: int, max_batches: int | None) -> Iterator[SyncReport]:
    """Take batches until the store has no more, reading each next one during a write."""
    taken = 0
    with sessions() as session:
        after = read_cursor(session)
    with _reader(store) as reader:
        pending: Future[_Fetched] | _Later | None = reader.submit(_fetch, store, after, size, ctx)
        while pending is not None:
            fetched = pending.result()
            if not fetched.raws:
                break
            more = fetched.full and (max_batches is None or taken + 1 < max_batches)
            # Validation is pure Python and the write mostly waits on the database:
            # overlapping them is most of the sync's speed with a store on a server.
            pending = reader.submit(_fetch, store, fetched.last, size, ctx) if more else None
            report, cursor = _commit(sessions, fetched, ctx, top)
            taken += report.batches
            yield report
            if cursor != fetched.last and more:
                # Another node moved the cursor (or it went back): read on from it.
                if pending is not None:
                    pending.result()
                pending = reader.submit(_fetch, store, cursor, size, ctx)


def _record_error(sessions: sessionmaker[Session], message: str) -> None:
    try:
        with writing(), sessions() as session, session.begin():
            record_run(session, error=message)
    except Exception:  # the app database is down too: the log is all we have
        log.exception("could not record the sync error")


def sync_once(sessions: sessionmaker[Session], store: SurveyStore, settings: SurveySettings,
              *, max_batches: int | None = None) -> SyncReport:
    """Pull everything new (or max_batches batches), then retry the quarantine."""
    total = SyncReport()
    try:
        with writing(), sessions() as session, session.begin():
            ensure_state(session, store.identity)
            ctx = load_context(session, settings)
            sqlite = session.get_bind().dialect.name == "sqlite"
        batch_ctx = _Context(ctx, sqlite_stamp if sqlite else native_stamp)
        if store.embedded:
            store.create()
        top = store.max_id()
        # Below the cursor first: rows committed late there, then the new ones above it.
        with _gc_paused():
            total += look_back(sessions, store, ctx, batch_ctx.stamp, settings.lookback_ids)
            for report in _pull(sessions, store, settings.batch_size, batch_ctx, top,
                                max_batches):
                total += report  # batch by batch: a failure still reports what was committed
        with sessions() as session:
            cursor = read_cursor(session)
        # Counted in the store, not as ids between the cursor and the top: ids have gaps,
        # and it must show rows that wait behind the cursor whatever the reason.
        lag = store.count_after(cursor)
        with writing(), sessions() as session, session.begin():
            total += reprocess_quarantine(session, ctx)
            record_run(session, lag=lag)
    except Exception as exc:
        message = f"{type(exc).__name__}: {exc}"
        _record_error(sessions, message)
        raise SyncFailed(message, total) from exc
    return total


def follow(
    sessions: sessionmaker[Session],
    store: SurveyStore,
    settings: SurveySettings,
    stop: threading.Event,
    on_report: Callable[[SyncReport], None] | None = None,
) -> None:
    """Sync every settings.interval seconds until stop is set; errors back off, not out."""
    failures = 0
    last_error = None
    while not stop.is_set():
        try:
            report = sync_once(sessions, store, settings)
            if on_report is not None and report.seen + report.reprocessed:
                on_report(report)
        except Exception as exc:  # a thread that dies stops the feed silently: never
            failures += 1
            # Logged loudly when it changes, quietly while the same store stays down.
            level = logging.WARNING if str(exc) != last_error else logging.DEBUG
            log.log(level, "survey sync failed (%d in a row): %s", failures, exc,
                    exc_info=not isinstance(exc, SyncFailed))
            last_error = str(exc)
        else:
            failures, last_error = 0, None
        delay = min(MAX_BACKOFF_S, settings.interval * 2 ** min(failures, 6))
        stop.wait(max(delay, settings.interval))
