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
from lab.system.settings import audit

# The fields of a store row an admin may correct (the store's own id is the cursor: never).
EDITABLE: tuple[str, ...] = (*REQUIRED_FIELDS, "sent_at", "comment")
VALUE_MAX = 2000


class FixError(ValueError):
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
            ctx: IngestContext, *, actor=None) -> FixResult:
    """Set one field, validate again; store when valid, else keep it with the new reason."""
    if row.resolved_at is not None:
        raise FixError("this row is no longer in quarantine")
    if field not in EDITABLE:
        raise FixError(f"field {field!r} cannot be corrected here")
    raw = raw_of(row)
    if not isinstance(raw, dict):
        raise FixError("the row is not an object: nothing to correct")
    value = None if value is None or not value.strip() else value.strip()[:VALUE_MAX]
    before = raw.get(field)
    raw[field] = value
    # The fingerprint stays the original's: the same bad row replayed stays a duplicate.
    row.raw = json.dumps(raw, ensure_ascii=False, sort_keys=True, default=str)
    audit(session, "quarantine.fix", f"row {row.id}",
          json.dumps({"field": field, "from": before, "to": value}, ensure_ascii=False,
                     default=str)[:2000], actor=actor)
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
