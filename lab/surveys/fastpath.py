"""Validation of a store batch with a fast path for the well-formed rows that are nearly all.

A row straight from the store (a tuple in STORE_COLUMNS order) becomes its insert tuple
(bulk.COLUMNS order) in one pass, with its rollup key. The fast path only takes a row when
every field is of the plain, expected shape and passes; anything else (a blank, an odd
type, a value to refuse, an int response_id, "IVR " ...) goes through ingest.validate, the
one place the rules and the reasons live. So the fast path never refuses a row, and a row
it takes is one validate_row accepts, with the same stored values (the same instants).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from itertools import compress, repeat
from operator import add, attrgetter, getitem, gt, itemgetter, lt, sub

from lab.fairness.customers import customer_hash
from lab.surveys.domain import MAX_COMMENT, MAX_RESPONSE_ID, Rejected, Response, Valid
from lab.surveys.domain.fields import (
    MAX_CALL_ID,
    MAX_CUSTOMER_KEY,
    MAX_STORE_ID,
)
from lab.surveys.ingest import IngestContext, validate
from lab.surveys.settings import MAPPABLE
from lab.surveys.stamps import (
    MICRO,
    MINSEC,
    SECONDS,
    Hour,
    Stamp,
    instant,
    learn_hour,
    native_stamp,
    sqlite_stamp,
)
from lab.surveys.store import normalise
from lab.surveys.topics import topic_mask
from lab.tnps.category import Category, category

# Index in a rollup count list [promoters, passives, detractors], by score: from the one rule.
_SLOT = {Category.PROMOTER: 0, Category.PASSIVE: 1, Category.DETRACTOR: 2}
BUCKET = tuple(_SLOT[category(score)] for score in range(11))
LATE_IVR, LATE_SENT, LATE_ANSWER = "ivr_answer_late", "sms_sent_late", "sms_answer_late"

RollupKey = tuple[date, int, str, int, int]  # day, agent id, channel, slot, topics


@dataclass
class Prepared:
    """A batch validated: unique valid rows to insert, their rollup keys, the refused."""

    rows: list[tuple]  # insert tuples, one per response_id, first occurrence wins
    keys: list[RollupKey | None]  # parallel to rows; None for a late answer (not counted)
    rejected: list[tuple[dict[str, object], Rejected]]
    repeated: int  # rows whose response_id came earlier in the same batch
    seen: int


@dataclass
class Batch:
    """What one batch's rows share: the hours seen so far, the windows in microseconds."""

    tz: tzinfo
    ivr_max: int
    sms_send_max: int
    sms_answer_max: int
    hours: dict[str, Hour | bool]

    @classmethod
    def of(cls, ctx: IngestContext) -> Batch:
        windows = ctx.windows
        return cls(ctx.tz, windows.ivr_answer_max // MICRO, windows.sms_send_max // MICRO,
                   windows.sms_answer_max // MICRO, {})


def _fast(raw: tuple, ctx: IngestContext, agents: dict[str, int], stamp: Stamp,
          tail: tuple[str, object], batch: Batch | None = None
          ) -> tuple[tuple, RollupKey | None] | None:
    """The insert tuple and rollup key of a plainly valid row, else None (validate it).

    Written flat, with no helper per field: it runs for every row of every batch."""
    if batch is None:
        batch = Batch.of(ctx)
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
    hours, tz = batch.hours, batch.tz
    end = instant(ended, hours, tz, stamp)
    answer = instant(answered, hours, tz, stamp)
    if end is None or answer is None or answer[0] < end[0]:
        return None
    if channel == "ivr" and type(channel) is str:
        if sent is not None:
            return None
        late = LATE_IVR if answer[0] - end[0] > batch.ivr_max else None
    elif channel == "sms" and type(channel) is str:
        sending = instant(sent, hours, tz, stamp)
        if sending is None or sending[0] < end[0] or answer[0] < sending[0]:
            return None
        late = (LATE_SENT if sending[0] - end[0] > batch.sms_send_max else
                LATE_ANSWER if answer[0] - sending[0] > batch.sms_answer_max else None)
        sent = sending[1]
    else:
        return None
    if customer and customer[0] is not None:
        if type(customer[0]) is not str or not customer[0].isprintable() \
                or not 0 < len(customer[0].strip()) <= MAX_CUSTOMER_KEY:
            return None  # a number, a blank, an odd value: validate decides
        hashed = customer_hash(ctx.customer.secret, customer[0].strip())
    else:
        hashed = None
    if late:
        key = None
    else:
        day = end[2]
        key = (day if type(day) is date else day.astimezone(tz).date(),  # type: ignore[union-attr]
               agent_id, channel, BUCKET[score], topics)
    return (response_id, store_id, call_id, agent_id, channel, end[1], sent, answer[1], score,
            comment, topics, late is not None, late, *tail, hashed), key


_ALL = slice(0, 13)
_OFFSET = slice(19, None)
_MINUTE_SECOND_TEXT = slice(13, 19)
# Seconds into the hour in microseconds, and the SQLite stamp's tail, by ":MM:SS".
_MINSEC_MICROS = {text: second * 1_000_000 for text, second in MINSEC.items()}
_STORED_TAIL = {text: text[1:] + ".000000" for text in MINSEC}
_MINSEC_DELTA = {text: SECONDS[second] for text, second in MINSEC.items()}
_MICROS = itemgetter(0)
_START = itemgetter(1)
_PREFIX = itemgetter(2)
_DAY = itemgetter(3)
_RESPONSE_ID = itemgetter(0)
_STR = {str}
_INT = {int}
_DECIMAL = {Decimal}
_EXPONENT = attrgetter("exponent")
_CHANNELS = {"ivr", "sms"}
CHUNK = 1024  # rows judged together: one odd row sends only its chunk down the row path


def _plain_times(values: Sequence[object], batch: Batch, stamp: Stamp
                 ) -> tuple[list[int], list[object], list[Hour]] | None:
    """instant for a whole column of plain timestamps at once (C loops, no Python per
    value): microseconds and stored forms, and each value's hour; None if any is not
    plain (the chunk then goes row by row, where instant decides each one)."""
    if set(map(type, values)) != _STR or set(map(len, values)) != {25}:
        return None
    hours = batch.hours
    keys = list(map(add, map(getitem, values, repeat(_ALL)), map(getitem, values,
                                                                  repeat(_OFFSET))))
    facts = list(map(hours.get, keys))
    if None in facts:
        for key, value in zip(keys, values, strict=True):
            if key not in hours:
                learn_hour(value, hours, batch.tz)  # type: ignore[arg-type]
        facts = list(map(hours.__getitem__, keys))
    # ":MM:SS" once per value: the seconds into the hour (in microseconds) and, for a
    # SQLite stamp, the stored tail, each one dict look-up away.
    minutes_seconds = list(map(getitem, values, repeat(_MINUTE_SECOND_TEXT)))
    into_hour = list(map(_MINSEC_MICROS.get, minutes_seconds))
    if not all(facts) or None in into_hour:
        return None
    micros = list(map(add, map(_MICROS, facts), into_hour))
    prefixes = list(map(_PREFIX, facts)) if stamp is sqlite_stamp else [None]
    if None not in prefixes:
        stored = list(map(add, prefixes, map(_STORED_TAIL.__getitem__, minutes_seconds)))
    else:
        stored = list(map(add, map(_START, facts), map(_MINSEC_DELTA.__getitem__,
                                                       minutes_seconds)))
        if stamp is not native_stamp:  # the datetime itself: no call per value
            stored = list(map(stamp, stored))
    return micros, stored, facts  # type: ignore[return-value]


def _whole(values: Sequence[object]) -> Sequence[int] | None:
    """Whole numbers as ints, as normalise makes them (a NUMERIC column gives Decimals);
    None when any is something else."""
    kinds = set(map(type, values))
    if kinds == _INT:
        return values  # type: ignore[return-value]
    if kinds != _DECIMAL:
        return None
    exponents = set(map(_EXPONENT, map(Decimal.as_tuple, values)))  # type: ignore[arg-type]
    if not all(type(exponent) is int and exponent >= 0 for exponent in exponents):
        return None
    return tuple(map(int, values))  # type: ignore[arg-type]


def _plain_text(values: Sequence[object], longest: int) -> list[str] | None:
    """Printable text ids, stripped, none blank or over `longest`; None otherwise."""
    if set(map(type, values)) != _STR or not all(map(str.isprintable, values)):
        return None
    stripped = list(map(str.strip, values))  # type: ignore[arg-type]
    lengths = list(map(len, stripped))
    return stripped if min(lengths) > 0 and max(lengths) <= longest else None


def _plain_chunk(chunk: Sequence[tuple], ctx: IngestContext, agents: dict[str, int],
                 stamp: Stamp, tail: tuple[str, object], batch: Batch
                 ) -> tuple[list[tuple], list[RollupKey | None]] | None:
    """What _fast gives for each row of a chunk, judged column by column; None unless
    every row is plain (then _fast and validate judge them one at a time).

    The same rules as _fast, in the same order of strictness: a chunk this takes is one
    _fast takes row by row, to the same tuples (a test holds them equal)."""
    if len(set(map(len, chunk))) != 1:
        return None
    columns = list(zip(*chunk, strict=True))
    store_ids, response_ids, call_ids, logins, channels, ended, sent, answered, scores, \
        comments = columns[:10]
    store_ids, scores = _whole(store_ids), _whole(scores)
    if store_ids is None or scores is None:
        return None  # a float, text, a Decimal with decimals: row by row
    if min(store_ids) < 0 or max(store_ids) > MAX_STORE_ID or min(scores) < 0 \
            or max(scores) > 10:
        return None
    response_ids = _plain_text(response_ids, MAX_RESPONSE_ID)  # type: ignore[assignment]
    call_ids = _plain_text(call_ids, MAX_CALL_ID)  # type: ignore[assignment]
    if response_ids is None or call_ids is None or set(map(type, logins)) != _STR:
        return None
    agent_ids = list(map(agents.get, logins))
    if None in agent_ids or not set(channels) <= _CHANNELS \
            or set(map(type, channels)) != _STR:
        return None
    texts = [comment for comment in comments if comment is not None]
    if texts:
        if set(map(type, texts)) != _STR or not all(map(str.isprintable, texts)) \
                or max(map(len, map(str.strip, texts))) > MAX_COMMENT:  # type: ignore[arg-type]
            return None
        comments = tuple(None if comment is None else comment.strip() or None
                         for comment in comments)  # type: ignore[union-attr]
    ends = _plain_times(ended, batch, stamp)
    answers = _plain_times(answered, batch, stamp)
    if ends is None or answers is None or any(map(lt, answers[0], ends[0])):
        return None
    sms = list(map(channels[0].__class__.__eq__, channels, repeat("sms")))
    if not set(compress(sent, map(lt, sms, repeat(True)))) <= {None}:
        return None  # an IVR row with a sent_at
    sent_out: list[object] = [None] * len(chunk)
    late: list[str | None] = list(map(gt, map(sub, answers[0], ends[0]), repeat(batch.ivr_max)))
    late = [LATE_IVR if over else None for over in late]
    if any(sms):
        where = list(compress(range(len(chunk)), sms))
        sendings = _plain_times([sent[i] for i in where], batch, stamp)
        if sendings is None:
            return None
        send_max, answer_max = batch.sms_send_max, batch.sms_answer_max
        end_us, answer_us = ends[0], answers[0]
        for i, sent_us, stored in zip(where, sendings[0], sendings[1], strict=True):
            if sent_us < end_us[i] or answer_us[i] < sent_us:
                return None
            sent_out[i] = stored
            late[i] = (LATE_SENT if sent_us - end_us[i] > send_max else
                       LATE_ANSWER if answer_us[i] - sent_us > answer_max else None)
    hashed: Sequence[str | None] = repeat(None, len(chunk))  # type: ignore[assignment]
    if len(columns) > 10 and columns[10].count(None) != len(chunk):
        secret = ctx.customer.secret
        found = []
        for value in columns[10]:
            if value is None:
                found.append(None)
                continue
            if type(value) is not str or not value.isprintable() \
                    or not 0 < len(value.strip()) <= MAX_CUSTOMER_KEY:
                return None
            found.append(customer_hash(secret, value.strip()))
        hashed = found
    topics = [0 if comment is None else topic_mask(comment) for comment in comments]
    tz = batch.tz
    days = list(map(_DAY, ends[2]))
    if None in days:  # an hour in which the local day or offset changes
        days = [day if day is not None else (start + SECONDS[(micros - first) // 1_000_000]
                                              ).astimezone(tz).date()
                for micros, (first, start, _prefix, day) in zip(ends[0], ends[2],
                                                                strict=True)]
    keys: list[RollupKey | None] = list(zip(days, agent_ids, channels,
                                            map(BUCKET.__getitem__, scores), topics,
                                            strict=True))
    lates = [reason is not None for reason in late]
    if any(lates):
        keys = [None if over else key for key, over in zip(keys, lates, strict=True)]
    rows = list(zip(response_ids, store_ids, call_ids, agent_ids, channels, ends[1], sent_out,
                    answers[1], scores, comments, topics, lates, late, repeat(tail[0]),
                    repeat(tail[1]), hashed))
    return rows, keys


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
    batch = Batch.of(ctx)
    for start in range(0, len(raws), CHUNK):
        chunk = raws[start:start + CHUNK]
        try:
            plain = _plain_chunk(chunk, ctx, agents, stamp, tail, batch)
        except (OverflowError, ValueError, TypeError):
            plain = None
        if plain is not None:
            ids = list(map(_RESPONSE_ID, plain[0]))
            unique = set(ids)
            if len(unique) == len(ids) and taken.isdisjoint(unique):
                taken |= unique
                rows += plain[0]
                keys += plain[1]
                continue
        repeated += _row_by_row(chunk, ctx, agents, stamp, tail, batch, source, received,
                                rows, keys, rejected, taken)
    return Prepared(rows, keys, rejected, repeated, len(raws))


def _row_by_row(raws: Sequence[tuple], ctx: IngestContext, agents: dict[str, int],
                stamp: Stamp, tail: tuple[str, object], batch: Batch, source: str,
                received: object, rows: list[tuple], keys: list[RollupKey | None],
                rejected: list[tuple[dict[str, object], Rejected]], taken: set[str]) -> int:
    """Each row through _fast, else validate; the results appended; returns the repeats."""
    repeated = 0
    for raw in raws:
        try:
            done = _fast(raw, ctx, agents, stamp, tail, batch)
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
    return repeated
