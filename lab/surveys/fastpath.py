"""Validation of a store batch with a fast path for the well-formed rows that are nearly all.

A row straight from the store (a tuple in STORE_COLUMNS order) becomes its insert tuple
(bulk.COLUMNS order) in one pass, with its rollup key. The fast path only takes a row when
every field is of the plain, expected shape and passes; anything else (a blank, an odd
type, a value to refuse, an int response_id, "IVR " ...) goes through ingest.validate, the
one place the rules and the reasons live. So the fast path never refuses a row, and a row
it takes is one validate_row accepts, with the same stored values (the same instants).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from lab.fairness.customers import customer_hash
from lab.surveys.domain import MAX_COMMENT, MAX_RESPONSE_ID, Rejected, Response, Valid
from lab.surveys.domain.fields import (
    EARLIEST,
    LATEST,
    MAX_CALL_ID,
    MAX_CUSTOMER_KEY,
    MAX_STORE_ID,
)
from lab.surveys.ingest import IngestContext, validate
from lab.surveys.settings import MAPPABLE
from lab.surveys.store import normalise
from lab.surveys.topics import topic_mask
from lab.tnps.category import Category, category

# Index in a rollup count list [promoters, passives, detractors], by score: from the one rule.
_SLOT = {Category.PROMOTER: 0, Category.PASSIVE: 1, Category.DETRACTOR: 2}
BUCKET = tuple(_SLOT[category(score)] for score in range(11))
LATE_IVR, LATE_SENT, LATE_ANSWER = "ivr_answer_late", "sms_sent_late", "sms_answer_late"
_parse = datetime.fromisoformat

RollupKey = tuple[date, int, str, int, int]  # day, agent id, channel, slot, topics
Stamp = Callable[[datetime], object]


_HOURS: dict[tuple[int, int, int, int], str] = {}
_MINUTE_SECOND = tuple(f"{minute:02d}:{second:02d}" for minute in range(60) for second in range(60))


def sqlite_stamp(moment: datetime) -> str:
    """A UTC datetime as SQLAlchemy's SQLite DATETIME text ("2025-11-21 00:52:29.000000").

    datetime.isoformat costs over a microsecond; the date and hour change seldom between
    rows, so their text is kept per hour and only minutes, seconds and micros are added.
    """
    key = (moment.year, moment.month, moment.day, moment.hour)
    hour = _HOURS.get(key)
    if hour is None:
        if len(_HOURS) > 100_000:
            _HOURS.clear()  # a long-running follow must not grow it without end
        start = moment.replace(minute=0, second=0, microsecond=0, tzinfo=None)
        hour = _HOURS[key] = start.isoformat(" ", "microseconds")[:14]
    micro = moment.microsecond
    return (hour + _MINUTE_SECOND[moment.minute * 60 + moment.second]
            + (f".{micro:06d}" if micro else ".000000"))


def native_stamp(moment: datetime) -> datetime:
    """A UTC datetime as it is (the driver sends it, e.g. PostgreSQL's COPY)."""
    return moment


@dataclass
class Prepared:
    """A batch validated: unique valid rows to insert, their rollup keys, the refused."""

    rows: list[tuple]  # insert tuples, one per response_id, first occurrence wins
    keys: list[RollupKey | None]  # parallel to rows; None for a late answer (not counted)
    rejected: list[tuple[dict[str, object], Rejected]]
    repeated: int  # rows whose response_id came earlier in the same batch
    seen: int


def _moment(value: object) -> datetime | None:
    """The UTC instant of a plain aware timestamp, None for anything validate must judge."""
    if type(value) is str:
        try:
            moment = _parse(value.strip())
        except ValueError:
            return None
        # fromisoformat gives a fixed offset or none: no utcoffset() that could be None.
        if moment.tzinfo is None:
            return None
    elif type(value) is not datetime or value.tzinfo is None or value.utcoffset() is None:
        return None
    else:
        moment = value
    moment = moment.astimezone(UTC)  # OverflowError near year 1 or 9999: prepare catches it
    return moment if EARLIEST <= moment < LATEST else None  # validate gives the reason


def _fast(raw: tuple, ctx: IngestContext, agents: dict[str, int], stamp: Stamp,
          tail: tuple[str, object]) -> tuple[tuple, RollupKey | None] | None:
    """The insert tuple and rollup key of a plainly valid row, else None (validate it).

    Written flat, with no helper per field: it runs for every row of every batch."""
    store_id, response_id, call_id, login, channel, ended, sent, answered, score, comment, \
        *customer = raw
    if type(store_id) is not int or type(score) is not int:
        store_id, score = normalise(store_id), normalise(score)  # NUMERIC gives Decimal
        if type(store_id) is not int or type(score) is not int:
            return None
    if not 0 <= store_id <= MAX_STORE_ID or score < 0 or score > 10 \
            or type(response_id) is not str or type(call_id) is not str or type(login) is not str:
        return None
    if not (response_id.isprintable() and call_id.isprintable()):
        return None  # a control character or a lone surrogate: validate refuses it
    response_id = response_id.strip()
    call_id = call_id.strip()
    agent_id = agents.get(login)  # a login with spaces around: validate strips and decides
    if agent_id is None or not 0 < len(response_id) <= MAX_RESPONSE_ID \
            or not 0 < len(call_id) <= MAX_CALL_ID:
        return None
    if comment is not None:
        if type(comment) is not str or not comment.isprintable():
            return None  # line breaks are fine, but validate decides on those
        comment = comment.strip()
        if len(comment) > MAX_COMMENT:
            return None
        comment = comment or None
    topics = topic_mask(comment) if comment is not None else 0
    ended_at = _moment(ended)
    answered_at = _moment(answered)
    if ended_at is None or answered_at is None or answered_at < ended_at:
        return None
    if channel == "ivr" and type(channel) is str:
        if sent is not None:
            return None
        late = LATE_IVR if answered_at - ended_at > ctx.windows.ivr_answer_max else None
    elif channel == "sms" and type(channel) is str:
        sent_at = _moment(sent)
        if sent_at is None or sent_at < ended_at or answered_at < sent_at:
            return None
        windows = ctx.windows
        late = (LATE_SENT if sent_at - ended_at > windows.sms_send_max else
                LATE_ANSWER if answered_at - sent_at > windows.sms_answer_max else None)
        sent = stamp(sent_at)
    else:
        return None
    if customer and customer[0] is not None:
        if type(customer[0]) is not str or not customer[0].isprintable() \
                or not 0 < len(customer[0].strip()) <= MAX_CUSTOMER_KEY:
            return None  # a number, a blank, an odd value: validate decides
        hashed = customer_hash(ctx.customer.secret, customer[0].strip())
    else:
        hashed = None
    key = None if late else (ended_at.astimezone(ctx.tz).date(), agent_id, channel,
                             BUCKET[score], topics)
    return (response_id, store_id, call_id, agent_id, channel, stamp(ended_at), sent,
            stamp(answered_at), score, comment, topics, late is not None, late, *tail,
            hashed), key


def _slow(item: Response, ctx: IngestContext, stamp: Stamp, source: str, now: object
          ) -> tuple[tuple, RollupKey | None]:
    """The same tuple and key for a row validate accepted."""
    ended_at = item.call_ended_at.astimezone(UTC)
    agent_id = ctx.agents[item.agent_login]
    sent_at = None if item.sent_at is None else stamp(item.sent_at.astimezone(UTC))
    topics = topic_mask(item.comment)
    key = None if item.late else (ended_at.astimezone(ctx.tz).date(), agent_id,
                                  item.channel.value, BUCKET[item.score], topics)
    late = item.late_reason.value if item.late_reason else None
    return (item.response_id, item.id, item.call_id, agent_id, item.channel.value,
            stamp(ended_at), sent_at, stamp(item.answered_at.astimezone(UTC)), item.score,
            item.comment, topics, item.late, late, source, now,
            customer_hash(ctx.customer.secret, item.customer_key)), key


def prepare(raws: Sequence[tuple], ctx: IngestContext, stamp: Stamp, source: str,
            now: datetime) -> Prepared:
    """Validate a batch of store tuples into what one transaction stores."""
    # Only logins that are already stripped: a hit then means validate would find it too.
    agents = {login: ident for login, ident in ctx.agents.items() if login == login.strip()}
    received = stamp(now.astimezone(UTC))
    tail = (source, received)
    rows: list[tuple] = []
    keys: list[RollupKey | None] = []
    rejected: list[tuple[dict[str, object], Rejected]] = []
    taken: set[str] = set()
    repeated = 0
    for raw in raws:
        try:
            done = _fast(raw, ctx, agents, stamp, tail)
        except (OverflowError, ValueError, TypeError):
            done = None  # validate judges it, with a reason
        if done is None:
            row = {key: normalise(value) for key, value in zip(MAPPABLE, raw, strict=False)}
            verdict = validate(row, ctx)
            if not isinstance(verdict, Valid):
                rejected.append((row, verdict))  # type: ignore[arg-type]
                continue
            done = _slow(verdict.response, ctx, stamp, source, received)
        if done[0][0] in taken:
            repeated += 1  # the same answer twice in one batch: stored once
            continue
        taken.add(done[0][0])
        rows.append(done[0])
        keys.append(done[1])
    return Prepared(rows, keys, rejected, repeated, len(raws))
