"""The rollups: counts per local day (and local month), agent and channel, per local
day, agent and comment topic, and of stored comments per local month, agent and channel,
kept in step with the responses.

Increments are applied in the transaction that inserted the responses, so the rollups
and the responses can never disagree, whatever crashes in between. `apply` is the one
writer of all three: every path that counts a response (sync, push, import, quarantine
re-processing, an admin's fix) goes through it, so the monthly rows cannot drift.
The comment counts are the exception to "counted": they count every stored answer with
a comment, late ones and repeats too, as the comment list shows them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.surveys.models import (
    CommentMonthly,
    SurveyResponse,
    TnpsDaily,
    TnpsMonthly,
    TnpsTeamDaily,
    TnpsTopicDaily,
    TnpsTopicMonthly,
)
from lab.surveys.topics import TOPIC_BIT
from lab.tnps.category import Category, category
from lab.tnps.tally import Tally

DailyKey = tuple[date, int, str]  # (local day of the call's end, agent id, channel)
TopicKey = tuple[date, int, str]  # (local day of the call's end, agent id, topic)
# (local month's first day, agent id, channel): stored answers with a comment.
CommentKey = tuple[date, int, str]
# A counted response's key: day, agent id, channel, bucket slot (0 promoter, 1 passive,
# 2 detractor) and its topics' bit mask (lab.surveys.topics).
RollupKey = tuple[date, int, str, int, int]
_TOPIC_BITS = tuple(TOPIC_BIT.items())


@dataclass(frozen=True)
class Counted:
    """The little of a response the rollup needs."""

    call_ended_at: datetime
    agent_id: int
    channel: str
    score: int
    topics: int = 0


@dataclass
class Increments:
    """Counts to add, [promoters, passives, detractors] as plain lists of ints: a batch
    of 20k answers builds a few thousand of them, so no objects per key."""

    daily: dict[DailyKey, list[int]] = field(default_factory=dict)
    topics: dict[TopicKey, list[int]] = field(default_factory=dict)
    comments: dict[CommentKey, list[int]] = field(default_factory=dict)

    def add(self, key: RollupKey, number: int = 1) -> None:
        """Count `number` responses with this key."""
        day, agent, channel, slot, mask = key
        self.daily.setdefault((day, agent, channel), [0, 0, 0])[slot] += number
        if mask:
            for topic, bit in _TOPIC_BITS:
                if mask & bit:
                    self.topics.setdefault((day, agent, topic), [0, 0, 0])[slot] += number

    def __iadd__(self, other: Increments) -> Increments:
        for mine, theirs in ((self.daily, other.daily), (self.topics, other.topics),
                             (self.comments, other.comments)):
            for key, counts in theirs.items():
                held = mine.setdefault(key, [0, 0, 0])
                for slot in range(3):
                    held[slot] += counts[slot]
        return self

    def tallies(self) -> dict[DailyKey, Tally]:
        """The daily counts as tallies (for reading and tests)."""
        return {key: Tally(*counts) for key, counts in self.daily.items()}

    def topic_tallies(self) -> dict[TopicKey, Tally]:
        """The per-topic counts as tallies."""
        return {key: Tally(*counts) for key, counts in self.topics.items()}


def slot(score: int) -> int:
    """The rollup slot of a score: 0 promoter, 1 passive, 2 detractor."""
    return _slot(score)


def _slot(score: int) -> int:
    kind = category(score)
    return 0 if kind is Category.PROMOTER else 1 if kind is Category.PASSIVE else 2


def increments(responses: Iterable[Counted], tz: tzinfo) -> Increments:
    """Sum responses into per-day, per-agent counts by channel and by topic (days in tz)."""
    found = Increments()
    for item in responses:
        found.add((item.call_ended_at.astimezone(tz).date(), item.agent_id, item.channel,
                   _slot(item.score), item.topics))
    return found


def comment_counts(keys: Iterable[tuple[date, int, str, int]]) -> dict[CommentKey, list[int]]:
    """Stored comments counted per (month, agent, channel) from (local day, agent id,
    channel, slot) of each stored answer with a comment; Counter first, so each distinct
    key is handled once."""
    found: dict[CommentKey, list[int]] = {}
    firsts: dict[date, date] = {}
    for (day, agent, channel, slot), number in Counter(keys).items():
        first = firsts.get(day)
        if first is None:
            first = firsts[day] = day.replace(day=1)
        held = found.get((first, agent, channel))
        if held is None:
            held = found[first, agent, channel] = [0, 0, 0]
        held[slot] += number
    return found


def from_keys(keys: Iterable[RollupKey | None]) -> Increments:
    """Increments from rollup keys; None (a late answer) counts nowhere. Counter sums in
    C: one pass over a big batch is cheap, then each distinct key is added once, inline
    (a batch of 20k answers has some 10,000 distinct keys: a call of add per key, and its
    topic loop for keys without topics, cost twice as much)."""
    found = Increments()
    daily, topics = found.daily, found.topics
    for key, number in Counter(keys).items():
        if key is None:
            continue
        day, agent, channel, slot, mask = key
        held = daily.get((day, agent, channel))
        if held is None:
            held = daily[day, agent, channel] = [0, 0, 0]
        held[slot] += number
        if mask:
            for topic, bit in _TOPIC_BITS:
                if mask & bit:
                    held = topics.get((day, agent, topic))
                    if held is None:
                        held = topics[day, agent, topic] = [0, 0, 0]
                    held[slot] += number
    return found


def by_month(added: dict[DailyKey, list[int]]) -> dict[DailyKey, list[int]]:
    """Daily counts summed per month, keyed by the month's first day: days are already
    local, so their month is the local month too."""
    months: dict[DailyKey, list[int]] = {}
    # A batch's few thousand keys share a few days: each day's month is found once.
    firsts = {day: day.replace(day=1) for day in {key[0] for key in added}}
    for (day, agent, channel), (promoters, passives, detractors) in added.items():
        key = (firsts[day], agent, channel)
        held = months.get(key)
        if held is None:
            months[key] = [promoters, passives, detractors]
        else:
            held[0] += promoters
            held[1] += passives
            held[2] += detractors
    return months


def _upsert_sql(session: Session, table: Table, first: str, third: str) -> str:
    """INSERT ... ON CONFLICT DO UPDATE adding the counts, as plain SQL text: compiled
    once per table and dialect, then run with executemany on tuples (the SQLAlchemy
    construct spent more time binding dicts than the database spent upserting)."""
    dialect = session.get_bind().dialect.name
    key = (table.name, dialect)
    sql = _UPSERTS.get(key)
    if sql is None:
        mark = "?" if dialect == "sqlite" else "%s"
        names = (first, "agent_id", third, "promoters", "passives", "detractors")
        sql = _UPSERTS[key] = (
            f"INSERT INTO {table.name} ({', '.join(names)}) "  # noqa: S608 (our names only)
            f"VALUES ({', '.join([mark] * 6)}) ON CONFLICT ({first}, agent_id, {third}) "
            "DO UPDATE SET promoters = {t}.promoters + excluded.promoters, "
            "passives = {t}.passives + excluded.passives, "
            "detractors = {t}.detractors + excluded.detractors".replace("{t}", table.name))
    return sql


_UPSERTS: dict[tuple[str, str], str] = {}


def _unnest_sql(table: Table, first: str, third: str) -> str:
    """The same upsert for PostgreSQL as one statement over arrays (one round trip a table
    instead of one a key: a batch of 20k answers has some 5,000 daily keys)."""
    names = (first, "agent_id", third, "promoters", "passives", "detractors")
    return (f"INSERT INTO {table.name} ({', '.join(names)}) "  # noqa: S608 (our names only)
            "SELECT * FROM unnest(%s::date[], %s::integer[], %s::text[], %s::integer[], "
            f"%s::integer[], %s::integer[]) ON CONFLICT ({first}, agent_id, {third}) "
            "DO UPDATE SET promoters = {t}.promoters + excluded.promoters, "
            "passives = {t}.passives + excluded.passives, "
            "detractors = {t}.detractors + excluded.detractors".replace("{t}", table.name))


def _arrays(columns: list[tuple]) -> tuple:
    """The unnest parameters as PostgreSQL array text ("{1,2,3}"), which the server parses
    faster than the driver adapts lists element by element (a fifth off the daily upsert,
    a third of its client CPU). The values are days, counts and our channel and topic
    names, none with a character array text would need to quote; anything else is sent
    as lists."""
    names = set(columns[2])
    if not all(type(name) is str and name.isidentifier() for name in names):
        return tuple(map(list, columns))
    return tuple("{" + ",".join(map(str, column)) + "}" for column in columns)


def _upsert(session: Session, table: Table, first: str, third: str,
            added: dict[tuple[date, int, str], list[int]]) -> None:
    # A +1 and a -1 that cancel (an answer stored and found a repeat in one batch) would
    # only add an empty row.
    if not all(map(any, added.values())):
        added = {key: counts for key, counts in added.items() if any(counts)}
    if not added:
        return
    # Sorted: concurrent writers (a sync and a push) lock rows in one order, no deadlock.
    ordered = sorted(added.items())
    connection = session.connection()
    if session.get_bind().dialect.name == "postgresql":
        columns = list(zip(*[(*key, *counts) for key, counts in ordered], strict=True))
        connection.exec_driver_sql(_unnest_sql(table, first, third), _arrays(columns))
        return
    # SQLite keeps a Date as ISO text, made once per day (a batch's keys share a few).
    iso = {day: day.isoformat() for day in {key[0] for key in added}}
    params = [(iso[day], agent, other, *counts) for (day, agent, other), counts in ordered]
    connection.exec_driver_sql(_upsert_sql(session, table, first, third), params)


_TEAM_UPSERT = ("INSERT INTO tnps_team_daily (team_id, day, promoters, passives, detractors) "
                "VALUES ({m}, {m}, {m}, {m}, {m}) ON CONFLICT (team_id, day) DO UPDATE SET "
                "promoters = tnps_team_daily.promoters + excluded.promoters, "
                "passives = tnps_team_daily.passives + excluded.passives, "
                "detractors = tnps_team_daily.detractors + excluded.detractors")
_TEAM_UNNEST = ("INSERT INTO tnps_team_daily (team_id, day, promoters, passives, detractors) "
                "SELECT * FROM unnest(%s::integer[], %s::date[], %s::integer[], "
                "%s::integer[], %s::integer[]) ON CONFLICT (team_id, day) DO UPDATE SET "
                "promoters = tnps_team_daily.promoters + excluded.promoters, "
                "passives = tnps_team_daily.passives + excluded.passives, "
                "detractors = tnps_team_daily.detractors + excluded.detractors")


def by_team(session: Session, added: dict[DailyKey, list[int]]
            ) -> dict[tuple[int, date], list[int]]:
    """Daily counts summed per (team, day) over the agents' current teams (an agent in
    no team counts in none). On PostgreSQL the agents' rows are read FOR SHARE: a team
    change waits for this transaction, and its recount then sees these counts."""
    agents = {agent for _day, agent, _channel in added}
    if not agents:
        return {}
    stmt = select(User.id, User.team_id).where(User.id.in_(agents))
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(read=True)
    teams = dict(session.execute(stmt).all())
    found: dict[tuple[int, date], list[int]] = {}
    for (day, agent, _channel), (promoters, passives, detractors) in added.items():
        team = teams.get(agent)
        if team is None:
            continue
        held = found.get((team, day))
        if held is None:
            found[team, day] = [promoters, passives, detractors]
        else:
            held[0] += promoters
            held[1] += passives
            held[2] += detractors
    return found


def _upsert_teams(session: Session, added: dict[DailyKey, list[int]]) -> None:
    sums = {key: counts for key, counts in by_team(session, added).items() if any(counts)}
    if not sums:
        return
    ordered = sorted(sums.items())  # one lock order for concurrent writers
    connection = session.connection()
    if session.get_bind().dialect.name == "postgresql":
        # Ids, days and counts only: array text needs no quoting.
        columns = zip(*[(*key, *counts) for key, counts in ordered], strict=True)
        connection.exec_driver_sql(_TEAM_UNNEST, tuple(
            "{" + ",".join(map(str, column)) + "}" for column in columns))
        return
    connection.exec_driver_sql(_TEAM_UPSERT.format(m="?"), [
        (team, day.isoformat(), *counts) for (team, day), counts in ordered])


def apply(session: Session, added: Increments) -> None:
    """Add the counts to tnps_daily, their month sums to tnps_monthly and their team sums
    to tnps_team_daily, the topic counts to tnps_topic_daily and their month sums to
    tnps_topic_monthly, and the comment counts to comment_monthly (insert new rows,
    increment existing ones), in the caller's transaction."""
    # Always in this order: two writers lock in the same order.
    _upsert(session, TnpsDaily.__table__, "day", "channel", added.daily)
    _upsert(session, TnpsMonthly.__table__, "month", "channel", by_month(added.daily))
    _upsert_teams(session, added.daily)
    _upsert(session, TnpsTopicDaily.__table__, "day", "topic", added.topics)
    _upsert(session, TnpsTopicMonthly.__table__, "month", "topic", by_month(added.topics))
    _upsert(session, CommentMonthly.__table__, "month", "channel", added.comments)


def rebuild(session: Session, tz: tzinfo, chunk: int = 50_000) -> int:
    """Recount tnps_daily, tnps_monthly, tnps_team_daily, tnps_topic_daily,
    tnps_topic_monthly and comment_monthly from the stored responses (after a time-zone
    change: days and months both move); returns n (the counted answers)."""
    session.execute(delete(TnpsDaily))
    session.execute(delete(TnpsMonthly))
    session.execute(delete(TnpsTeamDaily))
    session.execute(delete(TnpsTopicDaily))
    session.execute(delete(TnpsTopicMonthly))
    session.execute(delete(CommentMonthly))
    stmt = (
        select(SurveyResponse.call_ended_at, SurveyResponse.agent_id, SurveyResponse.channel,
               SurveyResponse.score, SurveyResponse.topics)
        .where(SurveyResponse.late.is_(False), SurveyResponse.repeat_of.is_(None))
        .execution_options(yield_per=chunk)
    )
    total = Increments()
    counted = 0
    for part in session.execute(stmt).partitions():
        total += increments((Counted(*row) for row in part), tz)
        counted += len(part)
    commented = (
        select(SurveyResponse.call_ended_at, SurveyResponse.agent_id, SurveyResponse.channel,
               SurveyResponse.score)
        .where(SurveyResponse.comment.is_not(None)).execution_options(yield_per=chunk))
    for part in session.execute(commented).partitions():
        more = comment_counts((ended.astimezone(tz).date(), agent, channel, _slot(score))
                              for ended, agent, channel, score in part)
        total += Increments(comments=more)
    apply(session, total)
    return counted
