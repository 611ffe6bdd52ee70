"""Customers' comments on one agent's calls: filters, newest first, a page at a time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import Session

from lab.dashboard.period import month_of, previous_month
from lab.surveys.models import CommentMonthly, SurveyResponse
from lab.surveys.topics import TOPIC_BIT, TOPICS, topics_in
from lab.tnps.category import Category, category
from lab.tnps.periods import period_bounds

PAGE_SIZE = 20
CATEGORIES = tuple(kind.value for kind in Category)
CHANNELS = ("ivr", "sms")
PERIODS = ("all", "month", "last_month", "90d")
# Score ranges of each bucket, so the filter runs in the database.
_SCORES = {"promoter": (9, 10), "passive": (7, 8), "detractor": (0, 6)}
_MAX_PAGE = 100_000


@dataclass(frozen=True)
class Filters:
    """What the agent chose to read; None means any."""

    category: str | None = None
    channel: str | None = None
    topic: str | None = None
    period: str = "all"
    page: int = 1

    def query_args(self, **changes) -> dict[str, object]:
        """The filters as URL arguments (defaults left out), with some changed."""
        chosen = replace(self, **changes)
        args = {"category": chosen.category, "channel": chosen.channel,
                "topic": chosen.topic, "period": chosen.period, "page": chosen.page}
        return {key: value for key, value in args.items()
                if value is not None and not (key == "period" and value == "all")
                and not (key == "page" and value == 1)}

    @property
    def narrowed(self) -> bool:
        """True when any filter is set (new answers may not belong to this view)."""
        return any((self.category, self.channel, self.topic, self.period != "all"))


def parse_filters(args: Mapping[str, str]) -> tuple[Filters, list[str]]:
    """Filters from URL arguments, and the names of those that were not understood."""
    bad: list[str] = []

    def choice(name: str, allowed: tuple[str, ...]) -> str | None:
        value = (args.get(name) or "").strip()
        if not value or value == "any":
            return None
        if value not in allowed:
            bad.append(name)
            return None
        return value

    period = choice("period", PERIODS) or "all"
    page = 1
    raw_page = (args.get("page") or "").strip()
    if raw_page:
        if raw_page.isascii() and raw_page.isdigit() and 1 <= int(raw_page) <= _MAX_PAGE:
            page = int(raw_page)
        else:
            bad.append("page")
    filters = Filters(category=choice("category", CATEGORIES), channel=choice("channel", CHANNELS),
                      topic=choice("topic", TOPICS), period=period, page=page)
    return filters, bad


@dataclass(frozen=True)
class CommentItem:
    """One customer's comment, with what the list shows beside it."""

    id: int
    call_ended_at: datetime
    answered_at: datetime
    score: int
    category: str
    channel: str
    comment: str
    late: bool
    topics: tuple[str, ...]
    repeat: bool = False  # the customer answered within the window before: not counted


@dataclass(frozen=True)
class CommentPage:
    """One page of comments and where it sits among all of them."""

    items: list[CommentItem]
    total: int
    page: int
    pages: int


def _since(period: str, today: date, tz: tzinfo) -> tuple[datetime | None, datetime | None]:
    """The [start, end) of a period filter on the call's end; None for open."""
    if period == "month":
        month = month_of(today, tz)
        return month.start, month.end
    if period == "last_month":
        month = previous_month(month_of(today, tz), tz)
        return month.start, month.end
    if period == "90d":
        start, _ = period_bounds("day", today - timedelta(days=89), tz)
        return start, None
    return None, None


# The columns a comment shows, read as plain rows: building 20 ORM objects of all 18
# columns (and registering them in the session) cost more than the query itself.
_COLUMNS = (SurveyResponse.id, SurveyResponse.call_ended_at, SurveyResponse.answered_at,
            SurveyResponse.score, SurveyResponse.channel, SurveyResponse.comment,
            SurveyResponse.late, SurveyResponse.topics, SurveyResponse.repeat_of)


# The total read from the comment rollup (comment_monthly) where the filters fit its
# months, channels and buckets: counting the rows made SQLite read each commented answer
# of the agent. A topic or the last 90 days still count the rows.
_BUCKET_COLUMNS = {None: CommentMonthly.promoters + CommentMonthly.passives
                   + CommentMonthly.detractors,
                   "promoter": CommentMonthly.promoters, "passive": CommentMonthly.passives,
                   "detractor": CommentMonthly.detractors}
_BY_MONTH = ("all", "month", "last_month")


def _rolled_count(category: str | None, channel: bool, month: bool) -> Select:
    """The comments' total from comment_monthly, for one shape of the filters."""
    stmt = select(func.coalesce(func.sum(_BUCKET_COLUMNS[category]), 0)).where(
        CommentMonthly.agent_id == bindparam("agent_id"))
    if channel:
        stmt = stmt.where(CommentMonthly.channel == bindparam("channel"))
    if month:
        stmt = stmt.where(CommentMonthly.month == bindparam("month"))
    return stmt


@lru_cache(maxsize=64)
def _statements(topic: bool, category: str | None, channel: bool, start: bool, end: bool,
                rolled: bool) -> tuple[Select, Select, Select]:
    """(a page with the total beside it, a page alone, the count) for one shape of the
    filters, their values left as parameters (`rolled`: the count from the rollup).
    Built once per shape (64 at most): building a statement and its cache key on each
    view cost more than running it."""
    # Validation stores an empty comment as NULL, so "has a comment" is IS NOT NULL: the
    # condition of the partial index the list is read from, newest first.
    stmt = select(*_COLUMNS).where(
        SurveyResponse.agent_id == bindparam("agent_id"), SurveyResponse.comment.is_not(None))
    if topic:
        stmt = stmt.where(SurveyResponse.topics.op("&")(bindparam("topic_bit")) != 0)
    if category:
        stmt = stmt.where(SurveyResponse.score.between(bindparam("low"), bindparam("high")))
    if channel:
        stmt = stmt.where(SurveyResponse.channel == bindparam("channel"))
    if start:
        stmt = stmt.where(SurveyResponse.call_ended_at >= bindparam("start"))
    if end:
        stmt = stmt.where(SurveyResponse.call_ended_at < bindparam("end"))
    count = (_rolled_count(category, channel, start) if rolled
             else stmt.with_only_columns(func.count()).order_by(None))
    newest = (SurveyResponse.answered_at.desc(), SurveyResponse.id.desc())
    window = (bindparam("limit"), bindparam("offset"))
    page = stmt.order_by(*newest).limit(window[0]).offset(window[1])
    with_total = (stmt.add_columns(count.scalar_subquery().label("total")).order_by(*newest)
                  .limit(window[0]).offset(window[1]))
    return with_total, page, count


def _query(agent_id: int, filters: Filters, today: date, tz: tzinfo
           ) -> tuple[tuple[Select, Select, Select], dict[str, object]]:
    """The statements for the filters' shape, and the values for their parameters."""
    start, end = _since(filters.period, today, tz)
    params: dict[str, object] = {"agent_id": agent_id}
    if filters.topic:
        params["topic_bit"] = TOPIC_BIT[filters.topic]
    if filters.category:
        params["low"], params["high"] = _SCORES[filters.category]
    if filters.channel:
        params["channel"] = filters.channel
    if start is not None:
        params["start"] = start
    if end is not None:
        params["end"] = end
    rolled = not filters.topic and filters.period in _BY_MONTH
    if rolled and start is not None:
        # A calendar month's [start, end) is the month's local days: its rollup row.
        params["month"] = start.astimezone(tz).date()
    shape = (bool(filters.topic), filters.category, bool(filters.channel),
             start is not None, end is not None, rolled)
    return _statements(*shape), params


# Each score's bucket name, looked up: twenty comments a view.
_CATEGORY_OF = tuple(category(score).value for score in range(11))


def _item(row) -> CommentItem:
    """A comment from a row of _COLUMNS (unpacked by position: a Row's attribute lookups
    by name were half of the time of building the page's comments)."""
    ident, ended, answered, score, channel, comment, late, topics, repeat_of = row[:9]
    kind = _CATEGORY_OF[score] if type(score) is int and 0 <= score <= 10 \
        else category(score).value  # the database allows only 0-10; refused otherwise
    return CommentItem(ident, ended, answered, score, kind, channel, comment or "", late,
                       topics_in(topics), repeat_of is not None)


def comment_page(session: Session, agent_id: int, filters: Filters, today: date,
                 tz: tzinfo) -> CommentPage:
    """The agent's comments matching the filters, newest answer first, one page.

    The page and the total come in one statement (the count as a scalar subquery); only
    a page past the end needs a second one, for the last page.
    """
    (with_total, alone, count), params = _query(agent_id, filters, today, tz)
    page = filters.page
    found = session.execute(with_total, {**params, "limit": PAGE_SIZE,
                                         "offset": (page - 1) * PAGE_SIZE}).all()
    total = int(found[0].total) if found else int(session.scalar(count, params) or 0)
    pages = max(1, -(-total // PAGE_SIZE))
    if not found and total and page > pages:
        page = pages
        found = session.execute(alone, {**params, "limit": PAGE_SIZE,
                                        "offset": (page - 1) * PAGE_SIZE}).all()
    return CommentPage([_item(row) for row in found], total, min(page, pages), pages)


def comments_after(session: Session, agent_id: int, after: int, limit: int = PAGE_SIZE
                   ) -> list[CommentItem]:
    """The agent's comments stored after the cursor `after`, newest first."""
    stmt = (select(*_COLUMNS).where(
        SurveyResponse.agent_id == agent_id, SurveyResponse.id > after,
        SurveyResponse.comment.is_not(None))
        .order_by(SurveyResponse.answered_at.desc(), SurveyResponse.id.desc()).limit(limit))
    return [_item(row) for row in session.execute(stmt)]
