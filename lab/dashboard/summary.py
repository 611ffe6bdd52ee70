"""An agent's live TNPS this month: overall, by channel, the team beside it, the trend."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from sqlalchemy import ScalarSelect, bindparam, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.dashboard.period import Month, previous_month, trend_start
from lab.surveys.models import (
    SurveyResponse,
    TnpsDaily,
    TnpsTeamDaily,
    TnpsTopicDaily,
    TnpsTopicMonthly,
)
from lab.tnps import queries, report, scheme_store
from lab.tnps.periods import TrendPoint
from lab.tnps.summary import Summary, summarize
from lab.tnps.tally import Tally

CHANNELS = ("ivr", "sms")
# The rolling window beside the calendar month: on the 1st the month holds nothing yet,
# the last 30 days still hold a month of answers.
ROLLING_DAYS = 30


@dataclass(frozen=True)
class Window:
    """One range of local days summarised: the agent overall and by channel, the team."""

    key: str
    first: date
    last: date
    mine: Summary
    by_channel: dict[str, Summary]
    team: Summary | None


@dataclass(frozen=True)
class LiveSummary:
    """This month's numbers for one agent, the last 30 days and last month beside them."""

    month: Month
    mine: Summary
    by_channel: dict[str, Summary]
    team: Summary | None
    team_name: str | None
    trend: list[TrendPoint]
    team_trend: list[TrendPoint]
    late: int
    rolling: Window
    last_month: Window
    today: date
    repeats: int = 0  # this month's answers of customers counted already (one voice)

    @property
    def young(self) -> bool:
        """True while this month has fewer answers than a TNPS needs: the page then leads
        with the last 30 days instead of an empty month."""
        return not self.mine.enough_data

    @property
    def month_window(self) -> Window:
        """This month as a Window, like the other two."""
        return Window("month", self.month.first, self.today, self.mine, self.by_channel,
                      self.team)

    @property
    def main(self) -> Window:
        """The window the page leads with: the last 30 days while the month is young."""
        return self.rolling if self.young else self.month_window


def latest_response_id(session: Session, agent_id: int) -> int:
    """The id of the agent's newest stored answer (0 for none): the live page's cursor."""
    return int(session.scalar(select(func.max(SurveyResponse.id))
                              .where(SurveyResponse.agent_id == agent_id)) or 0)


def answers_after(session: Session, agent_id: int, after: int) -> int:
    """How many of the agent's answers arrived after the cursor `after`."""
    return int(session.scalar(select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.agent_id == agent_id, SurveyResponse.id > after)) or 0)


def late_in(session: Session, agent_id: int, month: Month) -> int:
    """Late answers on the month's calls: kept for their comment, never counted."""
    return int(session.scalar(select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.agent_id == agent_id, SurveyResponse.late.is_(True),
        SurveyResponse.call_ended_at >= month.start,
        SurveyResponse.call_ended_at < month.end)) or 0)


def month_summary(session: Session, user: User, month: Month, min_n: int) -> Summary:
    """The agent's on-time answers this month, summarised (the rollup holds no late ones)."""
    return summarize(queries.total(session, month.first, month.last, agent_id=user.id), min_n)


def days_summary(session: Session, user: User, first: date, last: date, min_n: int) -> Summary:
    """The agent's on-time answers over local days first..last, summarised."""
    return summarize(queries.total(session, first, last, agent_id=user.id), min_n)


class _Series:
    """Counts per day kept as running sums over the sorted days: any range's tally is two
    bisections and a subtraction (the page sums some twenty ranges over ~250 days)."""

    __slots__ = ("_days", "_sums")

    def __init__(self, days: dict[date, tuple[int, int, int]]) -> None:
        self._days = sorted(days)
        promoters = passives = detractors = 0
        sums = [(0, 0, 0)]
        for day in self._days:
            p, s, d = days[day]
            promoters += p
            passives += s
            detractors += d
            sums.append((promoters, passives, detractors))
        self._sums = sums

    def total(self, first: date, last: date) -> Tally:
        """The tally over days first..last."""
        low = self._sums[bisect_left(self._days, first)]
        high = self._sums[bisect_right(self._days, last)]
        return Tally(high[0] - low[0], high[1] - low[1], high[2] - low[2])


Counts = tuple[int, int, int]  # promoters, passives, detractors


class History:
    """The agent's counts per day, by channel and all together, and the team's per day
    over the page's range, read in one statement; every number of the page's top half is
    summed from them."""

    def __init__(self, start: date, end: date, by_channel: dict[str, dict[date, Counts]],
                 days: dict[date, Counts], team: dict[date, Counts] | None,
                 topics: dict[str, Tally] | None = None) -> None:
        self.start, self.end, self.team = start, end, team
        self.topics = topics or {}  # the agent's tally by comment topic, since `since`
        self.my_days = days  # channels together, for the trend
        self._mine = _Series(days)
        self._channels = {kind: _Series(found) for kind, found in by_channel.items()}
        self._team = _Series(team or {})

    def agent_total(self, first: date, last: date, channel: str | None = None) -> Tally:
        """The agent's tally over local days first..last (inside the range read)."""
        if channel is None:
            return self._mine.total(first, last)
        series = self._channels.get(channel)
        return Tally() if series is None else series.total(first, last)

    def team_total(self, first: date, last: date) -> Tally:
        """The team's tally over local days first..last (empty without a team)."""
        return self._team.total(first, last)


@dataclass(frozen=True)
class Facts:
    """Small facts the page needs, read together: the newest answer's id (the live
    cursor), this month's late answers, the team's name and the stored bonus scheme."""

    latest_id: int
    late: int
    team_name: str | None
    scheme: str | None
    repeats: int = 0  # this month's answers of a customer counted already (one voice)


def _month_count(condition) -> ScalarSelect:
    return select(func.count()).select_from(SurveyResponse).where(
        SurveyResponse.agent_id == bindparam("agent_id"), condition,
        SurveyResponse.call_ended_at >= bindparam("month_start"),
        SurveyResponse.call_ended_at < bindparam("month_end")).scalar_subquery()


# Each part's rows tagged by a small number, not a word: a text column costs the driver
# more per row than an integer (some 450 rows a view), and the tag is all that is read.
_ME, _TEAM, _TOPIC, _FACT, _SCHEME_ROW = range(5)
_SUMS = (func.sum(TnpsDaily.promoters), func.sum(TnpsDaily.passives),
         func.sum(TnpsDaily.detractors))
_DAYS = TnpsDaily.day.between(bindparam("start"), bindparam("end"))
# Built once (every view of My TNPS runs it): the agent's part, and with it the team's.
# The agent's rows need no GROUP BY: (day, agent, channel) is the table's key, so each
# row is already one (day, channel); grouping only cost SQLite a sort.
_MY_DAYS = (select(literal(_ME).label("whose"), TnpsDaily.day, TnpsDaily.channel,
                   TnpsDaily.promoters, TnpsDaily.passives, TnpsDaily.detractors)
            .where(TnpsDaily.agent_id == bindparam("agent_id"), _DAYS))
# The team's days from their own rollup (summing the members' rows read every agent's
# days of the range: 0.6 ms).
_TEAM_DAYS = (select(literal(_TEAM).label("whose"), TnpsTeamDaily.day,
                     null().label("channel"), TnpsTeamDaily.promoters,
                     TnpsTeamDaily.passives, TnpsTeamDaily.detractors)
              .where(TnpsTeamDaily.team_id == bindparam("team_id"),
                     TnpsTeamDaily.day.between(bindparam("start"), bindparam("end"))))
# The agent's answers with comments since the local day `since`, tallied by each topic
# they are about (the topic rollup; "Practice beside live" shows them): a part of the
# same statement, as one more cost more in SQLAlchemy than in the database. The days of
# `since`'s month from the daily rows, the later months from their monthly sums (~30
# rows and a month's days instead of six months of days: 0.37 ms).
_TOPIC_PARTS = union_all(
    select(TnpsTopicDaily.topic, TnpsTopicDaily.promoters, TnpsTopicDaily.passives,
           TnpsTopicDaily.detractors)
    .where(TnpsTopicDaily.agent_id == bindparam("agent_id"),
           TnpsTopicDaily.day >= bindparam("since"),
           TnpsTopicDaily.day < bindparam("since_next_month")),
    select(TnpsTopicMonthly.topic, TnpsTopicMonthly.promoters, TnpsTopicMonthly.passives,
           TnpsTopicMonthly.detractors)
    .where(TnpsTopicMonthly.agent_id == bindparam("agent_id"),
           TnpsTopicMonthly.month >= bindparam("since_next_month"))).subquery()
_MY_TOPICS = (select(literal(_TOPIC).label("whose"), null().label("day"),
                     _TOPIC_PARTS.c.topic.label("channel"), func.sum(_TOPIC_PARTS.c.promoters),
                     func.sum(_TOPIC_PARTS.c.passives), func.sum(_TOPIC_PARTS.c.detractors))
              .group_by(_TOPIC_PARTS.c.topic))
# The page's small facts as two more rows of the same statement (one more statement
# cost more in SQLAlchemy than these subqueries, each on its own index, in the
# database): the newest answer's id, this month's late answers and repeats, with the
# team's name in the text column; then the stored bonus scheme's text.
_FACTS = select(literal(_FACT), null(),
                select(Team.name).where(Team.id == bindparam("team_id")).scalar_subquery(),
                select(func.max(SurveyResponse.id))
                .where(SurveyResponse.agent_id == bindparam("agent_id")).scalar_subquery(),
                _month_count(SurveyResponse.late.is_(True)),
                _month_count(SurveyResponse.repeat_of.is_not(None)))
_SCHEME = select(literal(_SCHEME_ROW), null(), scheme_store.stored_value(), null(), null(),
                 null())
_HISTORY_ALONE = union_all(_MY_DAYS, _MY_TOPICS, _FACTS, _SCHEME)
_HISTORY_WITH_TEAM = union_all(_MY_DAYS, _MY_TOPICS, _FACTS, _SCHEME, _TEAM_DAYS)


def read_history(session: Session, user: User, start: date, end: date, since: date,
                 month: Month) -> tuple[History, Facts]:
    """The agent's daily rows by channel, the team's daily sums, the agent's topic
    tallies since `since` and the facts of `month`, in one UNION ALL."""
    next_month = (since.replace(day=1) + timedelta(days=31)).replace(day=1)
    params = {"agent_id": user.id, "start": start, "end": end, "since": since,
              "since_next_month": next_month,
              "team_id": user.team_id, "month_start": month.start, "month_end": month.end}
    stmt = _HISTORY_ALONE if user.team_id is None else _HISTORY_WITH_TEAM
    # Dates and whole numbers as both drivers give them (a DATE column; SUM of INTEGER
    # columns that are NOT NULL), so no conversion per row; one pass over the ~450 rows
    # sorts them by part and sums the agent's channels per day (four passes, and a
    # fifth over the agent's rows, cost more).
    by_channel: dict[str, dict[date, Counts]] = {}
    days: dict[date, Counts] = {}
    team: dict[date, Counts] = {}
    topics: dict[str, Tally] = {}
    found = {}
    for row in session.execute(stmt, params).all():
        whose, day, channel, promoters, passives, detractors = row
        if whose == _ME:
            counts = (promoters, passives, detractors)
            series = by_channel.get(channel)
            if series is None:
                series = by_channel[channel] = {}
            series[day] = counts
            held = days.get(day)
            days[day] = counts if held is None else (
                held[0] + promoters, held[1] + passives, held[2] + detractors)
        elif whose == _TEAM:
            team[day] = (promoters, passives, detractors)
        elif whose == _TOPIC:
            topics[channel] = Tally(promoters, passives, detractors)
        else:
            found[whose] = row
    _whose, _day, team_name, latest, late, repeats = found[_FACT]
    facts = Facts(int(latest or 0), int(late or 0), team_name, found[_SCHEME_ROW][2],
                  int(repeats or 0))
    return History(start, end, by_channel, days, None if user.team_id is None else team,
                   topics), facts


def window(history: History, key: str, first: date, last: date, min_n: int) -> Window:
    """The agent's and the team's numbers over local days first..last."""
    channels = {channel: summarize(history.agent_total(first, last, channel), min_n)
                for channel in CHANNELS}
    team = None if history.team is None else summarize(history.team_total(first, last), min_n)
    return Window(key, first, last, summarize(history.agent_total(first, last), min_n),
                  channels, team)


def summary_from(history: History, facts: Facts, month: Month, today: date, tz: tzinfo,
                 min_n: int, last_month: Month | None = None) -> LiveSummary:
    """The summary cards and the trend chart from what was read (`history` must reach
    back to last month's first day and 30 days before `today`)."""
    current = window(history, "month", month.first, month.last, min_n)
    rolling = window(history, "rolling", today - timedelta(days=ROLLING_DAYS - 1), today, min_n)
    before = last_month or previous_month(month, tz)
    previous = window(history, "last_month", before.first, before.last, min_n)
    start = trend_start(today)
    if history.team is None:
        trend, team_trend = report.trends_from_days("week", [history.my_days], start, today,
                                                    tz)[0], []
    else:
        trend, team_trend = report.trends_from_days("week", [history.my_days, history.team],
                                                    start, today, tz)
    return LiveSummary(
        month=month, mine=current.mine, by_channel=current.by_channel, team=current.team,
        team_name=facts.team_name, trend=trend, team_trend=team_trend, late=facts.late,
        rolling=rolling, last_month=previous, today=today, repeats=facts.repeats)

