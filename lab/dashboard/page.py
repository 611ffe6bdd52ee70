"""Everything the My TNPS page shows, gathered in one call (the view only renders it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.content import Content
from lab.dashboard import bonus, charts, comments, practice, summary
from lab.dashboard.period import Month, month_of, previous_month, trend_start
from lab.tnps import queries
from lab.tnps.bonus import Bonus, bonus_for_tally
from lab.tnps.scheme_store import scheme_from
from lab.tnps.summary import summarize
from lab.training.state import load_sector_states


@dataclass(frozen=True)
class MyPage:
    """The page's data: summary, trend, comments, bonus, practice beside live."""

    has_answers: bool
    latest_id: int
    live: summary.LiveSummary
    chart: charts.TrendChart
    comments: comments.CommentPage
    filters: comments.Filters
    bonus: bonus.BonusPanel
    sectors: list[practice.SectorLive]
    replay: practice.SectorLive | None
    last_bonus: Bonus


def my_page(session: Session, user: User, content: Content, filters: comments.Filters,
            now: datetime, tz: tzinfo, min_n: int) -> MyPage:
    """Gather the page for `user` at `now` (aware), days counted in `tz`.

    A fixed handful of statements whatever the agent's history: the daily rollup over the
    trend's six months with the topic rollup (the agent's and the team's at once), a few
    facts, the sector states and one page of comments.
    """
    today = now.astimezone(tz).date()
    month = month_of(today, tz)
    last = previous_month(month, tz)
    since = trend_start(today)
    past = _months_before(month, tz, bonus.VOLUME_MONTHS)
    start = min(since, past[-1].first, today - timedelta(days=summary.ROLLING_DAYS - 1))
    history, facts = summary.read_history(session, user, start, today, since, month)
    live = summary.summary_from(history, facts, month, today, tz, min_n, last)
    remaining = bonus.pace(live.mine.tally,
                           [history.agent_total(m.first, m.last).n for m in past], month, now)
    # The team's answers over the trend's range: a steadier prior than one month's.
    prior = history.team_total(since, today) if user.team_id is not None \
        else queries.total(session, since, today)
    scheme = scheme_from(facts.scheme)
    panel = bonus.bonus_panel(scheme, live.mine.tally, prior, remaining)
    overall = summarize(history.agent_total(since, today), min_n)
    rows = practice.practice_beside_live(content, load_sector_states(session, user, content),
                                         history.topics, overall, min_n)
    return MyPage(
        has_answers=facts.latest_id > 0, latest_id=facts.latest_id, live=live,
        chart=charts.trend_chart(live.trend, live.team_trend, today),
        comments=comments.comment_page(session, user.id, filters, today, tz),
        filters=filters, bonus=panel, sectors=rows, replay=practice.replay_suggestion(rows),
        last_bonus=bonus_for_tally(live.last_month.mine.tally, scheme))


def _months_before(month: Month, tz: tzinfo, count: int) -> list[Month]:
    """The `count` full months before `month`, newest first."""
    found, current = [], month
    for _ in range(count):
        current = previous_month(current, tz)
        found.append(current)
    return found
