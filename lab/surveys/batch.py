"""Storing one prepared store batch: responses, rollup and quarantine in the caller's
transaction, with the same counts as ingest.store."""

from __future__ import annotations

from sqlalchemy.orm import Session

from lab.surveys.bulk import insert_rows
from lab.surveys.fastpath import Prepared
from lab.surveys.quarantine import quarantine
from lab.surveys.report import SyncReport
from lab.tnps import rollup


def store_prepared(session: Session, prepared: Prepared, source: str) -> SyncReport:
    """Insert the batch's new responses, count them into the rollup, quarantine the rest."""
    inserted = insert_rows(session, prepared.rows)
    keys = prepared.keys
    if inserted is not None:
        # Some were there already: only the rows this call inserted count.
        keys = [key for row, key in zip(prepared.rows, keys, strict=True) if row[0] in inserted]
    rollup.apply(session, rollup.from_keys(keys))
    held, replayed = quarantine(session, prepared.rejected, source)
    return SyncReport(
        seen=prepared.seen,
        taken=len(keys),
        duplicate=prepared.repeated + len(prepared.rows) - len(keys) + replayed,
        quarantined=held,
        late=keys.count(None),
    )
