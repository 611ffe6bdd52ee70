"""Rows that failed validation: kept with their reason and raw content, never dropped."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.db import utcnow
from lab.surveys.domain import Rejected
from lab.surveys.domain.fields import MAX_STORE_ID
from lab.surveys.models import QuarantinedRow
from lab.surveys.sqlinsert import insert_for

_TEXT_MAX = 200


def raw_json(raw: object) -> str:
    """The row as JSON text; values JSON cannot hold (datetimes, decimals) as text.

    Readable letters are kept as they are; a row holding a lone surrogate (which no
    database can store as UTF-8) is written with \\u escapes instead, still valid JSON."""
    text = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = json.dumps(raw, ensure_ascii=True, sort_keys=True, default=str)
    return text


def storable(text: str) -> str:
    """Text any database keeps: lone surrogates become "?", NULs go."""
    return text.encode("utf-8", "replace").decode("utf-8").replace("\x00", "")


def fingerprint(source: str, raw: object) -> str:
    """Identify a bad row, so a replayed one is quarantined once."""
    return hashlib.sha256(f"{source}\n{raw_json(raw)}".encode()).hexdigest()


def _cell(raw: object, key: str) -> str | None:
    value = raw.get(key) if isinstance(raw, Mapping) else None
    if value is None:
        return None
    return storable(str(value).strip()[:_TEXT_MAX])


def _store_id(raw: object) -> int | None:
    value = raw.get("id") if isinstance(raw, Mapping) else None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_STORE_ID:
        return value
    return None


def quarantine(
    session: Session, rejected: Sequence[tuple[object, Rejected]], source: str
) -> tuple[int, int]:
    """Store rejected rows; return (newly quarantined, already there)."""
    if not rejected:
        return 0, 0
    table = QuarantinedRow.__table__
    now = utcnow()
    rows: dict[str, dict[str, object]] = {}
    for raw, why in rejected:
        key = fingerprint(source, raw)
        rows.setdefault(key, {
            "received_at": now, "source": source, "reason": why.reason, "field": why.field,
            "detail": storable(why.detail), "raw": raw_json(raw), "fingerprint": key,
            "response_id": _cell(raw, "response_id"), "agent_login": _cell(raw, "agent_login"),
            "store_id": _store_id(raw), "resolved_at": None, "resolution": None,
        })
    stmt = (
        insert_for(session, table)
        .on_conflict_do_nothing(index_elements=[table.c.fingerprint])
        .returning(table.c.fingerprint)
    )
    params = [rows[key] for key in sorted(rows)]
    held = len(session.execute(stmt, params).scalars().all())
    return held, len(rejected) - held


def open_rows(session: Session, reason: str | list[str] | None = None, limit: int = 100,
              offset: int = 0) -> list[QuarantinedRow]:
    """The newest unresolved rows (of one reason, or of several), for an admin to read."""
    stmt = select(QuarantinedRow).where(QuarantinedRow.resolved_at.is_(None))
    if isinstance(reason, list):
        stmt = stmt.where(QuarantinedRow.reason.in_(reason))
    elif reason:
        stmt = stmt.where(QuarantinedRow.reason == reason)
    return list(session.scalars(stmt.order_by(QuarantinedRow.id.desc())
                                .offset(offset).limit(limit)))


def open_counts(session: Session) -> dict[str, int]:
    """How many unresolved rows each reason holds."""
    rows = session.execute(
        select(QuarantinedRow.reason, func.count())
        .where(QuarantinedRow.resolved_at.is_(None))
        .group_by(QuarantinedRow.reason)
    )
    return {reason: count for reason, count in rows}
