"""Quarantined rows that can pass now (their agent was created since) are stored at last."""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.db import utcnow
from lab.surveys.domain import Response, Valid
from lab.surveys.ingest import IngestContext, store_valid, validate
from lab.surveys.models import QuarantinedRow
from lab.surveys.report import SyncReport

# Reasons that a change in the app (not in the row) can cure. A 6.5 stays a 6.5.
RETRYABLE = ("unknown_agent",)
_CHUNK = 1000


def _candidates(session: Session, ctx: IngestContext, reasons: Sequence[str], limit: int
                ) -> list[QuarantinedRow]:
    stmt = select(QuarantinedRow).where(
        QuarantinedRow.resolved_at.is_(None), QuarantinedRow.reason.in_(reasons)
    )
    if tuple(reasons) == ("unknown_agent",):
        # Only rows whose agent exists now: the usual case is none, and it costs one query.
        waiting = session.scalars(
            select(QuarantinedRow.agent_login).distinct().where(
                QuarantinedRow.resolved_at.is_(None), QuarantinedRow.reason == "unknown_agent")
        ).all()
        logins = sorted({login for login in waiting if login and login in ctx.agents})
        if not logins:
            return []
        stmt = stmt.where(QuarantinedRow.agent_login.in_(logins))
    return list(session.scalars(stmt.order_by(QuarantinedRow.id).limit(limit)))


def reprocess_quarantine(
    session: Session,
    ctx: IngestContext,
    reasons: Sequence[str] = RETRYABLE,
    limit: int = 10_000,
) -> SyncReport:
    """Validate open rows again; store those that pass, re-label those failing otherwise."""
    rows = _candidates(session, ctx, reasons, limit)
    now = utcnow()
    passing: dict[str, list[tuple[QuarantinedRow, Response]]] = {}
    for row in rows:
        result = validate(json.loads(row.raw), ctx)
        if isinstance(result, Valid):
            passing.setdefault(row.source, []).append((row, result.response))
        else:
            # Past its first problem, a row may have another: say which one holds it now.
            row.reason, row.field, row.detail = result.reason, result.field, result.detail
    stored_count = duplicates = 0
    for source, pairs in passing.items():
        for start in range(0, len(pairs), _CHUNK):
            chunk = pairs[start:start + _CHUNK]
            # One response_id quarantined twice (replayed by two sources) is stored once.
            unique = {response.response_id: response for _row, response in chunk}
            stored = {item.response_id for item in
                      store_valid(session, list(unique.values()), source, ctx)}
            for row, response in chunk:
                fresh = response.response_id in stored
                stored.discard(response.response_id)
                row.resolved_at = now
                row.resolution = "stored" if fresh else "duplicate"
                stored_count += fresh
                duplicates += not fresh
    session.flush()
    return SyncReport(reprocessed=stored_count, duplicate=duplicates)
