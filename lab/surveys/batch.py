"""Storing one prepared store batch: responses, rollup and quarantine in the caller's
transaction, with the same counts as ingest.store."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import compress
from operator import itemgetter

from sqlalchemy.orm import Session

from lab.alerts.detect import FRESH, Arrived, answers_arrived
from lab.db import keep_statistics, utcnow
from lab.fairness.recount import apply_customer_rule
from lab.surveys.bulk import COLUMNS, insert_rows
from lab.surveys.fastpath import BUCKET, Prepared
from lab.surveys.quarantine import quarantine
from lab.surveys.report import SyncReport
from lab.surveys.stamps import sqlite_stamp
from lab.tnps import rollup

_HASH = COLUMNS.index("customer_hash")
_HASHED = itemgetter(_HASH)
_ANSWERED = itemgetter(COLUMNS.index("answered_at"))
_COMMENTED = itemgetter(COLUMNS.index("comment"))
_ENDED = COLUMNS.index("call_ended_at")


def _instant(stamp: object) -> datetime:
    """An insert tuple's instant back as an aware datetime (SQLite stamps are UTC text)."""
    if isinstance(stamp, datetime):
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return datetime.fromisoformat(str(stamp)).replace(tzinfo=UTC)


def _comments(prepared: Prepared, inserted: set[str] | None, ctx
               ) -> dict[rollup.CommentKey, list[int]]:
    """The comment counts of the rows this call stored: every one with a comment, late
    ones too (a counted row's key has its local day already; a late one's is found
    from its stored instant, and late answers are few). Selected with compress, in C:
    this runs over every row of every batch."""
    rows, keys = prepared.rows, prepared.keys
    commented = list(map(_COMMENTED, rows))  # a stored comment is None or not empty
    if inserted is not None:
        commented = [bool(text) and row[0] in inserted
                     for text, row in zip(commented, rows, strict=True)]
    picked = list(compress(keys, commented))
    found = [key[:4] for key in picked if key is not None]
    if None in picked:
        found += [(_instant(row[_ENDED]).astimezone(ctx.tz).date(), row[3], row[4],
                   BUCKET[row[8]])
                  for row, key in compress(zip(rows, keys, strict=True), commented)
                  if key is None]
    return rollup.comment_counts(found)


def store_prepared(session: Session, prepared: Prepared, source: str, ctx=None
                   ) -> SyncReport:
    """Insert the batch's new responses, count them into the rollup, quarantine the rest."""
    inserted = insert_rows(session, prepared.rows)
    keys = prepared.keys
    if inserted is not None:
        # Some were there already: only the rows this call inserted count.
        keys = [key for row, key in zip(prepared.rows, keys, strict=True) if row[0] in inserted]
    counts = rollup.from_keys(keys)
    counts.comments = _comments(prepared, inserted, ctx)
    # Most stores send no customer key: one pass in C says so, before any per-row work.
    if ctx is not None and any(map(_HASHED, prepared.rows)):
        # The one-voice rule takes back what a customer said twice, in the same apply.
        hashes = {row[_HASH] for row, key in zip(prepared.rows, prepared.keys, strict=True)
                  if row[_HASH] is not None and key is not None
                  and (inserted is None or row[0] in inserted)}
        if hashes:
            counts += apply_customer_rule(session, hashes, ctx.customer, ctx.tz)
    rollup.apply(session, counts)
    # Only fresh detractors can alarm (answers_arrived): a backlog has few, and the rest of
    # the batch costs two comparisons per row. Stamps of one batch are all text (SQLite's,
    # which sort as the instants do) or all datetimes.
    now = utcnow()
    rows = prepared.rows
    since = now - FRESH
    cut = sqlite_stamp(since) if rows and isinstance(rows[0][7], str) else since
    # A backlog's batch mostly holds no fresh answer at all: one max in C says so.
    detractors = [row for row in rows if row[8] <= 6 and row[7] >= cut
                  and (inserted is None or row[0] in inserted)
                  ] if rows and max(map(_ANSWERED, rows)) >= cut else []
    if detractors:
        answers_arrived(session, [Arrived(row[0], row[3], row[8], row[9], bool(row[11]),
                                          _instant(row[7])) for row in detractors], now)
    if keys:
        keep_statistics(session)
    held, replayed = quarantine(session, prepared.rejected, source)
    return SyncReport(
        seen=prepared.seen,
        taken=len(keys),
        duplicate=prepared.repeated + len(prepared.rows) - len(keys) + replayed,
        quarantined=held,
        late=keys.count(None),
    )
