"""Re-reading the ids just below the cursor, for rows an external store committed late.

The cursor assumes ids become visible in increasing order. With concurrent writers an
external PostgreSQL store can commit id 10 after id 11: a sync that read 11 moved the
cursor past 10 for good. So each sync first reads the last N ids below the cursor again.

Nearly all of those rows are ours already. They are filtered out before anything is
written (stored response_ids, quarantine fingerprints, both by unique index), so an
unchanged window costs one store read and two indexed look-ups, writes nothing, and adds
nothing to the duplicate counts. Only what is left (the late rows) goes through the normal
batch path, whose inserts are idempotent anyway: a row another node stored meanwhile is
still counted once in the rollups, and a bad row once in the quarantine.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import String, any_, bindparam, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import InstrumentedAttribute, Session, sessionmaker

from lab.db import utcnow, writing
from lab.surveys.batch import store_prepared
from lab.surveys.fastpath import Prepared, prepare
from lab.surveys.ingest import IngestContext
from lab.surveys.models import QuarantinedRow, SurveyResponse
from lab.surveys.quarantine import fingerprint
from lab.surveys.report import SyncReport
from lab.surveys.settings import MAPPABLE
from lab.surveys.stamps import Stamp
from lab.surveys.state import add_counts, read_cursor
from lab.surveys.store import SurveyStore, normalise

log = logging.getLogger(__name__)
_CHUNK = 500  # values per IN (...): well under SQLite's bound-parameter limit
SOURCE = "sync"


def _existing(session: Session, column: InstrumentedAttribute[str], values: Sequence[str]
              ) -> set[str]:
    if not values:
        return set()
    if session.get_bind().dialect.name == "postgresql":
        # One array parameter: several times faster than binding a thousand IN values.
        array = bindparam("values", list(values), type_=ARRAY(String))
        return set(session.scalars(select(column).where(column == any_(array))))
    found: set[str] = set()
    for start in range(0, len(values), _CHUNK):
        part = values[start:start + _CHUNK]
        found.update(session.scalars(select(column).where(column.in_(part))))
    return found


def unseen(session: Session, raws: Sequence[tuple], ctx: IngestContext, stamp: Stamp
           ) -> Prepared:
    """The part of re-read store rows neither stored nor quarantined yet."""
    prepared = prepare(raws, ctx, stamp, SOURCE, utcnow())
    known = _existing(session, SurveyResponse.response_id, [row[0] for row in prepared.rows])
    if any(row[0] not in known for row in prepared.rows):
        # Valid now but not stored: a late commit, or a quarantined row whose agent was
        # created since. The latter is the quarantine re-processing's to release (so it is
        # marked stored): leave out every row already quarantined, by its fingerprint.
        # Fingerprinting the whole window costs, but only on this rare path.
        # The same dict (and so fingerprint) `prepare` quarantines a row under.
        all_marks = [fingerprint(SOURCE, {key: normalise(value) for key, value in
                                          zip(MAPPABLE, raw, strict=False)}) for raw in raws]
        held = _existing(session, QuarantinedRow.fingerprint, all_marks)
        prepared = prepare([raw for raw, mark in zip(raws, all_marks, strict=True)
                            if mark not in held], ctx, stamp, SOURCE, utcnow())
    marks = [fingerprint(SOURCE, raw) for raw, _why in prepared.rejected]
    held = _existing(session, QuarantinedRow.fingerprint, marks)
    fresh = [index for index, row in enumerate(prepared.rows) if row[0] not in known]
    rejected = [pair for pair, mark in zip(prepared.rejected, marks, strict=True)
                if mark not in held]
    # In-window repeats were reported when the window was first read: not again.
    return Prepared([prepared.rows[i] for i in fresh], [prepared.keys[i] for i in fresh],
                    rejected, 0, len(fresh) + len(rejected))


def look_back(sessions: sessionmaker[Session], store: SurveyStore, ctx: IngestContext,
              stamp: Stamp, window: int) -> SyncReport:
    """Store the rows among the `window` ids below the cursor that we do not have yet."""
    if window <= 0:
        return SyncReport()
    with sessions() as session:
        cursor = read_cursor(session)
    if cursor <= 0:
        return SyncReport()
    raws = store.fetch_between(max(0, cursor - window), cursor)
    if not raws:
        return SyncReport()
    with sessions() as session:
        missed = unseen(session, raws, ctx, stamp)
    if not missed.seen:
        return SyncReport()
    with writing(), sessions() as session, session.begin():
        report = store_prepared(session, missed, SOURCE, ctx)
        add_counts(session, report)
    log.info("survey sync look-back: %d rows below the cursor %d were new (%s)",
             missed.seen, cursor, report)
    return report
