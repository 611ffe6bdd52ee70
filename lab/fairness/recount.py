"""Applying the one-voice rule to stored answers, in the caller's transaction.

Whenever answers of a customer arrive, all of that customer's on-time answers are read
again (a handful each) and the rule decides afresh which one counts: so the outcome is
the same whatever order the answers arrived in, and the `latest` rule can take back an
answer counted before. Every change moves the rollups by one: the changes are handed
back to the caller, who applies them with the batch's own counts in one rollup.apply
(one sorted pass, so concurrent writers still lock rollup rows in one order).

On PostgreSQL, two writers (a sync and a push) may store answers of one customer at
once: each takes a transaction-scoped advisory lock on the customer's bucket first, so
one decides after the other has committed. Buckets, not customers: a 20k-row batch must
not take 20k locks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import tzinfo

from sqlalchemy import bindparam, select, text, update
from sqlalchemy.orm import Session

from lab.fairness.customers import Answer, repeats
from lab.surveys.models import SurveyResponse
from lab.surveys.settings import CustomerRule
from lab.tnps import rollup

_CHUNK = 500
LOCK_CLASS = 16016  # the advisory lock space of the one-voice rule
LOCK_BUCKETS = 64


def _lock(session: Session, hashes: list[str]) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return  # SQLite: the writer already holds the database's one write lock
    for bucket in sorted({int(value[:8], 16) % LOCK_BUCKETS for value in hashes}):
        session.execute(text("SELECT pg_advisory_xact_lock(:space, :bucket)"),
                        {"space": LOCK_CLASS, "bucket": bucket})


def apply_customer_rule(session: Session, hashes: Iterable[str | None], rule: CustomerRule,
                        tz: tzinfo) -> rollup.Increments:
    """Re-decide which answers of these customers count, mark them, and return the
    rollup changes that follow (for the caller to apply)."""
    changes = rollup.Increments()
    wanted = sorted({value for value in hashes if value})
    if not wanted:
        return changes
    _lock(session, wanted)
    table = SurveyResponse.__table__
    columns = (table.c.id, table.c.customer_hash, table.c.call_ended_at, table.c.agent_id,
               table.c.channel, table.c.score, table.c.topics, table.c.repeat_of)
    rows_by_customer: dict[str, list] = {}
    for start in range(0, len(wanted), _CHUNK):
        part = wanted[start:start + _CHUNK]
        for row in session.execute(select(*columns).where(
                table.c.customer_hash.in_(part), table.c.late.is_(False))):
            rows_by_customer.setdefault(row.customer_hash, []).append(row)
    updates = []
    for rows in rows_by_customer.values():
        decided = repeats((Answer(row.id, row.call_ended_at) for row in rows),
                          rule.window, rule.keep)
        for row in rows:
            now = decided[row.id]
            if now == row.repeat_of:
                continue
            updates.append({"rid": row.id, "repeat": now})
            if (now is None) != (row.repeat_of is None):
                # Counted -> not counted takes one away; the other way adds one back.
                key = (row.call_ended_at.astimezone(tz).date(), row.agent_id, row.channel,
                       rollup.slot(row.score), row.topics)
                changes.add(key, 1 if now is None else -1)
    if updates:
        session.execute(update(table).where(table.c.id == bindparam("rid"))
                        .values(repeat_of=bindparam("repeat")), updates)
    return changes


def apply_to_all(session: Session, rule: CustomerRule, tz: tzinfo) -> None:
    """Re-decide every customer's answers (after the window or the rule changed); the
    caller recounts the rollups from the marks (rollup.rebuild)."""
    hashes = session.scalars(select(SurveyResponse.customer_hash).where(
        SurveyResponse.customer_hash.is_not(None)).distinct()).all()
    apply_customer_rule(session, hashes, rule, tz)
