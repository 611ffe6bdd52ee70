"""The rollups: counts per local day (and local month), agent and channel, kept in step
with the responses.

Increments are applied in the transaction that inserted the responses, so the rollups
and the responses can never disagree, whatever crashes in between. `apply` is the one
writer of both tables: every path that counts a response (sync, push, import, quarantine
re-processing, an admin's fix) goes through it, so the monthly rows cannot drift.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from lab.surveys.models import SurveyResponse, TnpsDaily, TnpsMonthly
from lab.surveys.sqlinsert import insert_for
from lab.tnps.category import Category, category
from lab.tnps.tally import Tally

DailyKey = tuple[date, int, str]  # (local day of the call's end, agent id, channel)


@dataclass(frozen=True)
class Counted:
    """The little of a response the rollup needs."""

    call_ended_at: datetime
    agent_id: int
    channel: str
    score: int


def increments(responses: Iterable[Counted], tz: tzinfo) -> dict[DailyKey, Tally]:
    """Sum responses into per-day, per-agent, per-channel tallies (days in tz)."""
    counts: dict[DailyKey, list[int]] = {}
    for item in responses:
        key = (item.call_ended_at.astimezone(tz).date(), item.agent_id, item.channel)
        bucket = counts.setdefault(key, [0, 0, 0])
        kind = category(item.score)
        bucket[0 if kind is Category.PROMOTER else 1 if kind is Category.PASSIVE else 2] += 1
    return {key: Tally(*values) for key, values in counts.items()}


def from_keys(keys: Iterable[tuple[date, int, str, int] | None]) -> dict[DailyKey, Tally]:
    """Tallies from (day, agent id, channel, slot) keys, slot 0-2 as in increments; None
    (a late answer) counts nowhere. Counter sums in C: one pass over a big batch is cheap."""
    counts: dict[DailyKey, list[int]] = {}
    for key, number in Counter(keys).items():
        if key is not None:
            counts.setdefault(key[:3], [0, 0, 0])[key[3]] += number
    return {key: Tally(*values) for key, values in counts.items()}


def by_month(added: dict[DailyKey, Tally]) -> dict[DailyKey, Tally]:
    """Daily tallies summed per month, keyed by the month's first day: days are already
    local, so their month is the local month too."""
    months: dict[DailyKey, Tally] = {}
    for (day, agent, channel), tally in added.items():
        key = (day.replace(day=1), agent, channel)
        months[key] = months.get(key, Tally()) + tally
    return months


def _upsert(session: Session, table: Table, first: str, added: dict[DailyKey, Tally]) -> None:
    stmt = insert_for(session, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c[first], table.c.agent_id, table.c.channel],
        set_={
            "promoters": table.c.promoters + stmt.excluded.promoters,
            "passives": table.c.passives + stmt.excluded.passives,
            "detractors": table.c.detractors + stmt.excluded.detractors,
        },
    )
    # Sorted: concurrent writers (a sync and a push) lock rows in one order, no deadlock.
    params = [
        {first: day, "agent_id": agent, "channel": channel, "promoters": tally.promoters,
         "passives": tally.passives, "detractors": tally.detractors}
        for (day, agent, channel), tally in sorted(added.items())
    ]
    session.execute(stmt, params)


def apply(session: Session, added: dict[DailyKey, Tally]) -> None:
    """Add the tallies to tnps_daily and their month sums to tnps_monthly (insert new
    rows, increment existing ones), in the caller's transaction."""
    if not added:
        return
    # Always daily first, then monthly: two writers take their locks in the same order.
    _upsert(session, TnpsDaily.__table__, "day", added)
    _upsert(session, TnpsMonthly.__table__, "month", by_month(added))


def rebuild(session: Session, tz: tzinfo, chunk: int = 50_000) -> int:
    """Recount tnps_daily and tnps_monthly from the stored responses (after a time-zone
    change: days and months both move); returns n."""
    session.execute(delete(TnpsDaily))
    session.execute(delete(TnpsMonthly))
    stmt = (
        select(SurveyResponse.call_ended_at, SurveyResponse.agent_id, SurveyResponse.channel,
               SurveyResponse.score)
        .where(SurveyResponse.late.is_(False))
        .execution_options(yield_per=chunk)
    )
    total: dict[DailyKey, Tally] = {}
    counted = 0
    for part in session.execute(stmt).partitions():
        for key, tally in increments((Counted(*row) for row in part), tz).items():
            total[key] = total.get(key, Tally()) + tally
        counted += len(part)
    apply(session, total)
    return counted
