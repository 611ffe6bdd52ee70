"""An admin corrects one field of a quarantined row and runs it through validation again."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy.orm import Session

from lab.db import utcnow
from lab.surveys.domain import Valid
from lab.surveys.domain.validation import REQUIRED_FIELDS
from lab.surveys.ingest import IngestContext, store_valid, validate
from lab.surveys.models import QuarantinedRow
from lab.system.messages import Explained
from lab.system.settings import audit

# The fields of a store row an admin may correct (the store's own id is the cursor: never).
EDITABLE: tuple[str, ...] = (*REQUIRED_FIELDS, "sent_at", "comment")
VALUE_MAX = 2000
# Whose answer it is decides whose TNPS and bonus it counts for: moving it needs a reason,
# kept in the audit log.
NEEDS_REASON = frozenset({"agent_login"})
REASON_MIN = 10


class FixError(Explained):
    """The correction itself is not acceptable (unknown field, closed row, not an object)."""


@dataclass(frozen=True)
class FixResult:
    """stored, duplicate (already stored once) or failing with the row's new reason."""

    outcome: str
    reason: str | None = None
    detail: str | None = None


def raw_of(row: QuarantinedRow) -> object:
    """The row as it arrived (or as last corrected)."""
    return json.loads(row.raw)


def fix_row(session: Session, row: QuarantinedRow, field: str, value: str | None,
            ctx: IngestContext, *, actor=None, why: str | None = None) -> FixResult:
    """Set one field, validate again; store when valid, else keep it with the new reason.

    Changing the agent moves the answer into another agent's TNPS and bonus: `why` must
    say why (at least REASON_MIN characters), and the audit entry keeps it.
    """
    if row.resolved_at is not None:
        raise FixError("this row is no longer in quarantine")
    if field not in EDITABLE:
        raise FixError("field '%(field)s' cannot be corrected here", field=field)
    raw = raw_of(row)
    if not isinstance(raw, dict):
        raise FixError("the row is not an object: nothing to correct")
    value = None if value is None or not value.strip() else value.strip()[:VALUE_MAX]
    before = raw.get(field)
    why = (why or "").strip()[:500]
    if field in NEEDS_REASON and value != before and len(why) < REASON_MIN:
        raise FixError("moving an answer to another agent changes their TNPS and bonus: "
                       "say why in at least %(num)d characters", num=REASON_MIN)
    raw[field] = value
    # The fingerprint stays the original's: the same bad row replayed stays a duplicate.
    row.raw = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    change = {"field": field, "from": before, "to": value}
    if why:
        change["why"] = why
    audit(session, "quarantine.fix", f"row {row.id}",
          json.dumps(change, ensure_ascii=False, default=str)[:2000], actor=actor)
    result = validate(raw, ctx)
    if not isinstance(result, Valid):
        row.reason, row.field, row.detail = result.reason, result.field, result.detail
        session.flush()
        return FixResult("failing", result.reason, result.detail)
    stored = store_valid(session, [result.response], row.source, ctx)
    row.resolved_at = utcnow()
    row.resolution = "fixed" if stored else "duplicate"
    session.flush()
    return FixResult("stored" if stored else "duplicate")


def dismiss_row(session: Session, row: QuarantinedRow, *, actor=None) -> None:
    """Close a row that cannot be saved (it stays, marked dismissed, never counted)."""
    if row.resolved_at is not None:
        raise FixError("this row is no longer in quarantine")
    row.resolved_at, row.resolution = utcnow(), "dismissed"
    audit(session, "quarantine.dismiss", f"row {row.id}", row.reason, actor=actor)


def dismiss_many(session: Session, rows: list[QuarantinedRow], *, actor=None) -> int:
    """Close many open rows at once (the closed ones are skipped); one audit entry names
    how many and why they were held. Returns how many were closed."""
    now, closed = utcnow(), []
    for row in rows:
        if row.resolved_at is None:
            row.resolved_at, row.resolution = now, "dismissed"
            closed.append(row)
    if closed:
        reasons = sorted({row.reason for row in closed})
        audit(session, "quarantine.dismiss_bulk", f"{len(closed)} rows",
              json.dumps({"rows": len(closed), "reasons": reasons,
                          "ids": [row.id for row in closed][:200]}), actor=actor)
    session.flush()
    return len(closed)
