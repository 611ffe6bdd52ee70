"""The sync's fast path: it takes only rows validate_row accepts, with the same values."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import DATETIME

from lab.surveys.domain import DEFAULT_WINDOWS, Valid
from lab.surveys.fastpath import _fast, _slow, native_stamp, prepare, sqlite_stamp
from lab.surveys.ingest import IngestContext, validate
from lab.surveys.settings import STORE_COLUMNS
from lab.surveys.store import normalise

CTX = IngestContext({"agent1": 1, " spaced": 2}, DEFAULT_WINDOWS, ZoneInfo("Europe/Moscow"))
TAIL = ("sync", "now")
BASE = {"id": 7, "response_id": "r-1", "call_id": "c-1", "agent_login": "agent1",
        "channel": "ivr", "call_ended_at": "2026-11-20T10:00:00+03:00", "sent_at": None,
        "answered_at": "2026-11-20T10:01:30+03:00", "score": 9, "comment": "  Quick.  "}
SMS = {"channel": "sms", "sent_at": "2026-11-20T09:00:00+00:00",
       "answered_at": "2026-11-20T18:00:00+03:00"}
CHANGES = [
    {}, SMS, {"score": 0}, {"score": 10}, {"score": 11}, {"score": -1}, {"score": 6.5},
    {"score": 7.0}, {"score": True}, {"score": "9"}, {"score": " 9 "}, {"score": None},
    {"score": ""}, {"score": Decimal("9")}, {"score": Decimal("9.0")}, {"id": Decimal("7")},
    {"id": None}, {"id": -1}, {"id": "7"}, {"response_id": "  r-1 "}, {"response_id": " "},
    {"response_id": 12}, {"response_id": "x" * 100}, {"response_id": "x" * 101},
    {"call_id": "c" * 101}, {"call_id": None}, {"agent_login": "ghost"},
    {"agent_login": " agent1 "}, {"agent_login": " spaced"}, {"agent_login": "spaced"},
    {"channel": "IVR"}, {"channel": " sms "}, {"channel": "web"}, {"channel": None},
    {"sent_at": "  "}, {"sent_at": "2026-11-20T10:00:00+03:00"},
    {"call_ended_at": "2026-11-20T10:00:00"}, {"call_ended_at": "yesterday"},
    {"call_ended_at": " 2026-11-20T07:00:00Z "}, {"call_ended_at": 5},
    {"answered_at": "2026-11-20T09:59:59+03:00"}, {"answered_at": "2026-11-20T10:10:00+03:00"},
    {"answered_at": "2026-11-20T10:10:00.000001+03:00"},
    {"call_ended_at": datetime(2026, 11, 20, 7, tzinfo=UTC)},
    {"call_ended_at": datetime(2026, 11, 20, 7)}, {"comment": None}, {"comment": "   "},
    {"comment": "x" * 4000}, {"comment": "x" * 4001}, {"comment": 5},
    {**SMS, "sent_at": None}, {**SMS, "sent_at": " "}, {**SMS, "sent_at": "bad"},
    {**SMS, "sent_at": "2026-11-20T06:59:59+00:00"},
    {**SMS, "answered_at": "2026-11-20T11:59:59+03:00"},
    {**SMS, "sent_at": "2026-11-21T07:00:01+00:00", "answered_at": "2026-11-21T12:00:00+03:00"},
    {**SMS, "answered_at": "2026-11-21T12:00:01+03:00"},
    {**SMS, "answered_at": "2026-11-21T12:00:00+03:00"},
]


def _raw(change: dict[str, object]) -> tuple:
    row = {**BASE, **change}
    return tuple(row[key] for key in STORE_COLUMNS)


@pytest.mark.parametrize("stamp", [sqlite_stamp, native_stamp])
@pytest.mark.parametrize("change", CHANGES)
def test_fast_path_never_differs_from_validation(change, stamp):
    """Where the fast path takes a row, validate_row takes it too, to the same values."""
    raw = _raw(change)
    verdict = validate({k: normalise(v) for k, v in zip(STORE_COLUMNS, raw, strict=True)}, CTX)
    fast = _fast(raw, CTX, {"agent1": 1}, stamp, TAIL)
    if fast is not None:
        assert isinstance(verdict, Valid)
        assert fast == _slow(verdict.response, CTX, stamp, *TAIL)


def test_plain_rows_take_the_fast_path():
    """The usual rows (IVR, SMS, late ones) do not fall back to validation."""
    for change in ({}, SMS, {"answered_at": "2026-11-20T10:10:01+03:00"},
                   {**SMS, "answered_at": "2026-11-22T18:00:00+03:00"}):
        assert _fast(_raw(change), CTX, {"agent1": 1}, native_stamp, TAIL) is not None


def test_prepare_keeps_first_of_repeats_and_every_refusal():
    """One response_id twice in a batch is stored once; refused rows keep their reason."""
    rows = [_raw({}), _raw({"score": 3}), _raw({"response_id": "r-2", "score": 6.5}),
            _raw({"response_id": "r-3", "channel": "IVR"})]
    done = prepare(rows, CTX, native_stamp, "sync", datetime.now(UTC))
    assert [row[0] for row in done.rows] == ["r-1", "r-3"]
    assert done.rows[0][8] == 9 and done.repeated == 1 and done.seen == 4
    assert [(raw["response_id"], why.reason) for raw, why in done.rejected] == [
        ("r-2", "bad_score")]


def test_sqlite_stamp_is_sqlalchemys_text():
    """Timestamps are stored exactly as SQLAlchemy's SQLite DATETIME would write them."""
    bind = DATETIME().bind_processor(sqlite.dialect())
    rng = random.Random(3)
    start = datetime(1, 1, 1, tzinfo=UTC)
    for _ in range(20_000):
        moment = start + timedelta(seconds=rng.randrange(315_537_897_599),
                                   microseconds=rng.choice((0, rng.randrange(1_000_000))))
        assert sqlite_stamp(moment) == bind(moment.replace(tzinfo=None))
