"""Inserting many responses at once, each response_id once: the fastest safe way per dialect.

Both paths are INSERT ... ON CONFLICT (response_id) DO NOTHING RETURNING response_id
through the dialect's insert construct, so a row another writer stored first is skipped
and we learn exactly which rows were ours. On PostgreSQL the rows reach the server by
COPY into a temporary stage first: about twice as fast as a multi-row INSERT, which
spends its time binding 14 parameters per row.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import column, select, table
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session

from lab.surveys.models import SurveyResponse
from lab.surveys.sqlinsert import insert_for

COLUMNS = (
    "response_id", "store_id", "call_id", "agent_id", "channel", "call_ended_at", "sent_at",
    "answered_at", "score", "comment", "late", "late_reason", "source", "received_at",
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


def insert_new(session: Session, params: Sequence[dict[str, object]]) -> set[str]:
    """Insert the rows not stored yet (params sorted by response_id); return their ids."""
    if not params:
        return set()
    if session.get_bind().dialect.name == "postgresql":
        return _copy_then_insert(session, params)
    target = SurveyResponse.__table__
    stmt = (
        insert_for(session, target)
        .on_conflict_do_nothing(index_elements=[target.c.response_id])
        .returning(target.c.response_id)
    )
    return set(session.execute(stmt, list(params)).scalars())


def _copy_then_insert(session: Session, params: Sequence[dict[str, object]]) -> set[str]:
    connection = session.connection()
    connection.exec_driver_sql(CREATE_STAGE)
    driver = connection.connection.driver_connection
    with driver.cursor() as cursor, cursor.copy(COPY_STAGE) as copy:  # type: ignore[union-attr]
        for row in params:
            copy.write_row(tuple(row[name] for name in COLUMNS))
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
