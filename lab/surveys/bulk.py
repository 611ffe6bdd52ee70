"""Inserting many responses at once, each response_id once: the fastest safe way per dialect.

Both paths are INSERT ... ON CONFLICT (response_id) DO NOTHING RETURNING response_id
through the dialect's insert construct, so a row another writer stored first is skipped
and we learn exactly which rows were ours. On PostgreSQL the rows reach the server by
COPY into a temporary stage first: about twice as fast as a multi-row INSERT, which
spends its time binding 15 parameters per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter

from sqlalchemy import column, select, table
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from lab.surveys.models import SurveyResponse
from lab.surveys.sqlinsert import insert_for

COLUMNS = (
    "response_id", "store_id", "call_id", "agent_id", "channel", "call_ended_at", "sent_at",
    "answered_at", "score", "comment", "topics", "late", "late_reason", "source", "received_at",
    "customer_hash",
)
STAGE = "survey_responses_stage"
# Built from the constants above, never from input.
_NAMES = ", ".join(COLUMNS)
# Column types copied from the real table, no constraints and no id sequence; the rows
# vanish at commit, and are cleared after use for a second call in one transaction.
CREATE_STAGE = (f"CREATE TEMP TABLE IF NOT EXISTS {STAGE} ON COMMIT DELETE ROWS AS "  # noqa: S608
                f"SELECT {_NAMES} FROM survey_responses WITH NO DATA")
COPY_STAGE = f"COPY {STAGE} ({_NAMES}) FROM STDIN"
CLEAR_STAGE = f"DELETE FROM {STAGE}"  # noqa: S608


_MARKS = ", ".join("?" * len(COLUMNS))
INSERT_SQLITE = (f"INSERT INTO survey_responses ({_NAMES}) VALUES ({_MARKS}) "  # noqa: S608
                 "ON CONFLICT (response_id) DO NOTHING")
_EXISTING = "SELECT response_id FROM survey_responses WHERE response_id IN ({})"  # noqa: S608


def insert_new(session: Session, params: Sequence[dict[str, object]]) -> set[str]:
    """Insert the rows not stored yet (params sorted by response_id); return their ids."""
    if not params:
        return set()
    if session.get_bind().dialect.name == "postgresql":
        return _copy_then_insert(session, [tuple(row[name] for name in COLUMNS) for row in params])
    target = SurveyResponse.__table__
    stmt = (
        insert_for(session, target)
        .on_conflict_do_nothing(index_elements=[target.c.response_id])
        .returning(target.c.response_id)
    )
    return set(session.execute(stmt, list(params)).scalars())


def insert_rows(session: Session, rows: Sequence[tuple]) -> set[str] | None:
    """Insert tuples in COLUMNS order (unique response_ids, values as the driver takes
    them); return the response_ids inserted, or None when every row was new."""
    if not rows:
        return None
    if session.get_bind().dialect.name == "postgresql":
        return _postgres_rows(session, rows)
    return _sqlite_rows(session, rows)


UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE
COPY_TARGET = f"COPY survey_responses ({_NAMES}) FROM STDIN"


def insert_order(rows: Sequence[tuple], dialect: str) -> list[tuple]:
    """The rows in the order insert_rows writes them (the bench's raw insert takes them
    in this order too). PostgreSQL: by response_id, like the stage's INSERT, so writers
    meeting on the unique index wait for each other in one order, never in a circle.
    SQLite (one writer at a time): by agent, each agent's rows in arrival order; four of
    the table's indexes begin with agent_id, and a batch written agent by agent touches
    each of their pages once instead of 200 scattered pages per row (a quarter less
    insert time at 200 agents)."""
    return sorted(rows, key=_first if dialect == "postgresql" else _agent)


# Sort keys as C calls per row, not Python ones.
_first = itemgetter(0)  # response_id
_agent = itemgetter(3)  # agent_id


def _postgres_rows(session: Session, rows: Sequence[tuple]) -> set[str] | None:
    # Nearly always every row is new: COPY straight into the table, as fast as the
    # database takes rows, in a savepoint. A row stored before (a replay, a push) breaks
    # the unique index: undo, and go through the stage, which skips the stored ones.
    ordered = insert_order(rows, "postgresql")
    connection = session.connection()
    driver = connection.connection.driver_connection
    savepoint = connection.begin_nested()
    try:
        with driver.cursor() as cursor, cursor.copy(COPY_TARGET) as copy:  # type: ignore[union-attr]
            for row in ordered:
                copy.write_row(row)
    except Exception as exc:  # the driver's own error: COPY bypasses SQLAlchemy
        if getattr(exc, "sqlstate", None) != UNIQUE_VIOLATION:
            raise
        savepoint.rollback()
    else:
        savepoint.commit()
        return None
    inserted = _copy_then_insert(session, ordered)
    return None if len(inserted) == len(rows) else inserted


def _sqlite_rows(session: Session, rows: Sequence[tuple]) -> set[str] | None:
    # sqlite3's executemany binds plain tuples in C, but cannot return rows: the count of
    # changes tells whether all were new, the usual case. The caller's transaction began
    # IMMEDIATE (it holds SQLite's one write lock), so no one else can insert meanwhile.
    rows = insert_order(rows, "sqlite")
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute("SAVEPOINT survey_rows")
        cursor.executemany(INSERT_SQLITE, rows)
        if cursor.rowcount == len(rows):
            cursor.execute("RELEASE survey_rows")
            return None
        # Some were stored before (a replay, a push): undo, then insert just the new ones.
        cursor.execute("ROLLBACK TO survey_rows")
        cursor.execute("RELEASE survey_rows")
        ids = [row[0] for row in rows]
        known: set[str] = set()
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            cursor.execute(_EXISTING.format(", ".join("?" * len(part))), part)
            known.update(found for (found,) in cursor.fetchall())
        fresh = [row for row in rows if row[0] not in known]
        cursor.executemany(INSERT_SQLITE, fresh)
        if cursor.rowcount != len(fresh):
            raise RuntimeError("survey_responses changed under the write lock")
        return {row[0] for row in fresh}
    finally:
        cursor.close()


def _copy_then_insert(session: Session, rows: Sequence[tuple]) -> set[str]:
    connection = session.connection()
    connection.exec_driver_sql(CREATE_STAGE)
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(COPY_STAGE) as copy:  # type: ignore[union-attr]
        for row in rows:
            copy.write_row(row)
    stage = table(STAGE, *(column(name) for name in COLUMNS))
    target = SurveyResponse.__table__
    # Ordered by response_id: writers meeting on the unique index wait in one order.
    source = select(*(stage.c[name] for name in COLUMNS)).order_by(stage.c.response_id)
    stmt = (
        postgresql.insert(target)
        .from_select(list(COLUMNS), source)
        .on_conflict_do_nothing(index_elements=[target.c.response_id])
        .returning(target.c.response_id)
    )
    inserted = set(session.execute(stmt).scalars())
    connection.exec_driver_sql(CLEAR_STAGE)
    return inserted
