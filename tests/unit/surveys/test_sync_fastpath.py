"""The sync's fast path: it takes only rows validate_row accepts, with the same values."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import DATETIME

from lab.surveys import fastpath
from lab.surveys.domain import DEFAULT_WINDOWS, Valid
from lab.surveys.fastpath import _fast, _slow, prepare
from lab.surveys.ingest import IngestContext, validate
from lab.surveys.settings import STORE_COLUMNS
from lab.surveys.stamps import native_stamp, sqlite_stamp
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


def _plain_rows(rng: random.Random, count: int, customer: bool) -> list[tuple]:
    """Plain store rows as a platform writes them, over several offsets and a DST change."""
    rows = []
    start = datetime(2026, 3, 27, 20, tzinfo=UTC)  # Europe's spring change on 29 March
    offsets = (timedelta(hours=3), timedelta(0), timedelta(hours=-3, minutes=-30),
               timedelta(hours=5, minutes=45), timedelta(hours=1))
    for number in range(count):
        zone = timezone(rng.choice(offsets))
        ended = start + timedelta(seconds=rng.randrange(4 * 86400))
        sms = rng.random() < 0.6
        sent = ended + timedelta(seconds=rng.randrange(0, 30 * 3600)) if sms else None
        answered = (sent or ended) + timedelta(seconds=rng.randrange(0, 30 * 3600))
        row = (number, f"r-{number}", f"c-{number}", "agent1",
               "sms" if sms else "ivr", ended.astimezone(zone).isoformat(timespec="seconds"),
               sent.astimezone(zone).isoformat(timespec="seconds") if sent else None,
               answered.astimezone(zone).isoformat(timespec="seconds"), rng.randrange(11),
               rng.choice((None, None, "Quick and kind", " спасибо ")))
        rows.append(row + ((rng.choice((None, "cust-1", "cust-2")),) if customer else ()))
    return rows


@pytest.mark.parametrize("zone", ["Europe/Moscow", "Europe/Berlin", "Asia/Kathmandu",
                                  "America/St_Johns"])
@pytest.mark.parametrize("stamp", [sqlite_stamp, native_stamp])
@pytest.mark.parametrize("customer", [False, True])
def test_chunks_judged_by_column_match_rows_judged_one_by_one(zone, stamp, customer):
    """prepare's column-wise path gives what the row path gives, odd rows mixed in."""
    rng = random.Random(f"{zone}{customer}")
    ctx = IngestContext({"agent1": 1, " spaced": 2}, DEFAULT_WINDOWS, ZoneInfo(zone))
    rows = _plain_rows(rng, 5000, customer)
    if stamp is native_stamp:  # a NUMERIC score column on PostgreSQL gives Decimals
        rows = [row[:8] + (Decimal(row[8]),) + row[9:] for row in rows]
    # Odd rows in some chunks only: those chunks go row by row, the others by column.
    for position in rng.sample(range(1024, 2048), 20) + rng.sample(range(4096, 5000), 5):
        odd = _raw(rng.choice(CHANGES))
        rows[position] = odd + ((None,) if customer else ())
    for position in rng.sample(range(2048, 3072), 5):  # a repeat, an unknown agent
        rows[position] = rows[position - 1000][:1] + rows[position - 1000][1:2] \
            + rows[position][2:]
    rows[3500] = rows[3500][:3] + ("ghost",) + rows[3500][4:]
    now = datetime(2026, 4, 1, tzinfo=UTC)
    fast = prepare(rows, ctx, stamp, "sync", now)
    one_by_one = fastpath._row_by_row
    agents = {"agent1": 1}
    found: tuple[list, list, list, set] = ([], [], [], set())
    received = stamp(now)
    repeated = one_by_one(rows, ctx, agents, stamp, ("sync", received), fastpath.Batch.of(ctx),
                          "sync", received, *found)
    assert fast.rows == found[0]
    assert fast.keys == found[1]
    assert [(raw, why) for raw, why in fast.rejected] == found[2]
    assert fast.repeated == repeated
    assert any(key is None for key in fast.keys) and len(fast.rows) > 4900
    assert fast.repeated >= 5 and len(fast.rejected) >= 10
    first = fastpath._plain_chunk(rows[:1024], ctx, agents, stamp, ("sync", received),
                                  fastpath.Batch.of(ctx))
    assert first is not None and first[0] == found[0][:1024]  # taken by column
