"""The sync_state row: the pull cursor, locked while a batch moves it, and the sync's health."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from lab.db import utcnow
from lab.surveys.models import SyncState
from lab.surveys.report import SyncReport
from lab.surveys.sqlinsert import insert_for

NAME = "store"
log = logging.getLogger(__name__)


def ensure_state(session: Session, identity: str) -> None:
    """Create the cursor row once; a different store than last time starts from 0."""
    table = SyncState.__table__
    session.execute(
        insert_for(session, table)
        .values(name=NAME, store=identity, cursor_id=0, taken=0, duplicate=0, quarantined=0,
                late=0)
        .on_conflict_do_nothing(index_elements=[table.c.name])
    )
    current = session.execute(
        select(SyncState.store).where(SyncState.name == NAME).with_for_update()
    ).scalar_one()
    if current != identity:
        # Ids of another store mean nothing here; re-reading is safe (idempotent inserts).
        log.warning("survey store changed from %s to %s: cursor reset", current, identity)
        session.execute(
            update(SyncState).where(SyncState.name == NAME).values(store=identity, cursor_id=0)
        )


def read_cursor(session: Session) -> int:
    """The cursor as last committed, without locking (to fetch ahead of the lock)."""
    return int(session.execute(
        select(SyncState.cursor_id).where(SyncState.name == NAME)).scalar_one())


def lock_cursor(session: Session) -> int:
    """The cursor, locked until the transaction ends (PostgreSQL: SELECT ... FOR UPDATE).

    On SQLite the caller's transaction already began IMMEDIATE (`lab.db.writing()`),
    which holds the database's single write lock just as firmly.
    """
    return int(session.execute(
        select(SyncState.cursor_id).where(SyncState.name == NAME).with_for_update()
    ).scalar_one())


def advance_cursor(session: Session, cursor: int, report: SyncReport, lag: int) -> None:
    """Move the cursor past a batch and add its counts, in the batch's own transaction."""
    session.execute(
        update(SyncState).where(SyncState.name == NAME).values(
            cursor_id=cursor,
            lag=lag,
            taken=SyncState.taken + report.taken,
            duplicate=SyncState.duplicate + report.duplicate,
            quarantined=SyncState.quarantined + report.quarantined,
            late=SyncState.late + report.late,
        )
    )


def add_counts(session: Session, report: SyncReport) -> None:
    """Add counts of rows taken below the cursor (the look-back), leaving the cursor."""
    session.execute(
        update(SyncState).where(SyncState.name == NAME).values(
            taken=SyncState.taken + report.taken,
            duplicate=SyncState.duplicate + report.duplicate,
            quarantined=SyncState.quarantined + report.quarantined,
            late=SyncState.late + report.late,
        )
    )


def record_run(session: Session, *, error: str | None = None, lag: int | None = None) -> None:
    """Note a finished sync: its time, and its error or its success and lag."""
    now = utcnow()
    values: dict[str, object] = {"last_run_at": now}
    if error is None:
        values["last_success_at"] = now
        if lag is not None:
            values["lag"] = lag
    else:
        values.update(last_error=error[:2000], last_error_at=now)
    session.execute(update(SyncState).where(SyncState.name == NAME).values(**values))


@dataclass(frozen=True)
class SyncStatus:
    """How the sync is doing, for the admin page and the health check."""

    store: str
    cursor: int
    lag: int | None
    last_run_at: datetime | None
    last_success_at: datetime | None
    last_error_at: datetime | None
    last_error: str | None
    taken: int
    duplicate: int
    quarantined: int
    late: int

    @property
    def failing(self) -> bool:
        """True when the latest run ended in an error."""
        if self.last_error_at is None:
            return False
        return self.last_success_at is None or self.last_error_at >= self.last_success_at


def sync_status(session: Session) -> SyncStatus | None:
    """The sync's state, None before the first sync."""
    row = session.get(SyncState, NAME)
    if row is None:
        return None
    return SyncStatus(
        store=row.store, cursor=row.cursor_id, lag=row.lag, last_run_at=row.last_run_at,
        last_success_at=row.last_success_at, last_error_at=row.last_error_at,
        last_error=row.last_error, taken=row.taken, duplicate=row.duplicate,
        quarantined=row.quarantined, late=row.late,
    )
