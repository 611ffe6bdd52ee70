"""Store rows and counts for the survey tests."""

from __future__ import annotations

import itertools
import json
import time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.surveys.models import QuarantinedRow, SurveyResponse, TnpsDaily, TnpsMonthly
from lab.surveys.push import sign
from lab.surveys.state import sync_status
from lab.tnps.tally import Tally

_numbers = itertools.count(1)


def store_row(**changes) -> dict[str, object]:
    """A valid IVR row for agent_a (score 9) with a fresh response_id; change what you need."""
    number = next(_numbers)
    row: dict[str, object] = {
        "response_id": f"resp-{number}",
        "call_id": f"call-{number}",
        "agent_login": "agent_a",
        "channel": "ivr",
        "call_ended_at": "2026-11-20T10:00:00+03:00",
        "sent_at": None,
        "answered_at": "2026-11-20T10:01:30+03:00",
        "score": 9,
        "comment": None,
    }
    row.update(changes)
    return row


def sms_row(**changes) -> dict[str, object]:
    """A valid SMS row, answered within the windows."""
    base = {"channel": "sms", "sent_at": "2026-11-20T12:00:00+03:00",
            "answered_at": "2026-11-20T18:00:00+03:00"}
    base.update(changes)
    return store_row(**base)


def stored_ids(db: Session) -> list[str]:
    """Every stored response_id, sorted (duplicates would show twice)."""
    db.rollback()  # a fresh snapshot: an open read transaction would show the past
    return sorted(db.scalars(select(SurveyResponse.response_id)))


def rollup_tally(db: Session) -> Tally:
    """The whole daily rollup as one tally, after checking the monthly rollup holds exactly
    its sums per month: every test of a path that counts answers checks both tables."""
    db.rollback()
    assert monthly_rows(db) == daily_by_month(db)
    sums = db.execute(select(func.sum(TnpsDaily.promoters), func.sum(TnpsDaily.passives),
                             func.sum(TnpsDaily.detractors))).one()
    return Tally(*(int(value or 0) for value in sums))


def daily_by_month(db: Session) -> dict[tuple, Tally]:
    """tnps_daily summed in Python per (month, agent id, channel)."""
    sums: dict[tuple, Tally] = {}
    for day, agent, channel, *counts in db.execute(select(
            TnpsDaily.day, TnpsDaily.agent_id, TnpsDaily.channel, TnpsDaily.promoters,
            TnpsDaily.passives, TnpsDaily.detractors)):
        key = (day.replace(day=1), agent, channel)
        sums[key] = sums.get(key, Tally()) + Tally(*counts)
    return sums


def monthly_rows(db: Session) -> dict[tuple, Tally]:
    """tnps_monthly as stored, per (month, agent id, channel)."""
    return {(month, agent, channel): Tally(*counts) for month, agent, channel, *counts in
            db.execute(select(TnpsMonthly.month, TnpsMonthly.agent_id, TnpsMonthly.channel,
                              TnpsMonthly.promoters, TnpsMonthly.passives,
                              TnpsMonthly.detractors))}


def recount(db: Session) -> Tally:
    """The tally of stored, counted responses (on time, not a customer's repeat), counted
    from the responses themselves."""
    db.rollback()
    scores = db.scalars(select(SurveyResponse.score).where(
        SurveyResponse.late.is_(False), SurveyResponse.repeat_of.is_(None)))
    return Tally.from_scores(scores)


def quarantine_reasons(db: Session) -> list[str]:
    """Reasons of the open quarantine rows, sorted."""
    db.rollback()
    return sorted(db.scalars(select(QuarantinedRow.reason)
                             .where(QuarantinedRow.resolved_at.is_(None))))


def status(db: Session):
    """The sync status as committed now."""
    db.rollback()
    return sync_status(db)


PUSH_URL = "/api/v1/surveys"


def signed_post(client, payload, *, secret: str | None = None, at: float | None = None,
                body: bytes | None = None, signature: str | None = None):
    """POST rows to the push API, signed as a platform signs them."""
    from tests.integration.surveys.conftest import PUSH_SECRET

    raw = body if body is not None else json.dumps(payload).encode()
    stamp = str(int(time.time() if at is None else at))
    headers = {"X-Lab-Timestamp": stamp,
               "X-Lab-Signature": signature or sign(secret or PUSH_SECRET, stamp, raw),
               "Content-Type": "application/json"}
    return client.post(PUSH_URL, data=raw, headers=headers)
