"""Everything the My TNPS page shows, gathered in one call (the view only renders it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.content import Content
from lab.dashboard import bonus, charts, comments, practice, summary
from lab.dashboard.period import month_of, previous_month, trend_start
from lab.tnps import queries
from lab.tnps.periods import period_bounds
from lab.tnps.scheme_store import load_scheme
from lab.tnps.summary import summarize
from lab.tnps.tally import Tally
from lab.training.state import load_progress


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


def _prior(session: Session, user: User, start, end) -> Tally:
    """The team's answers over the trend's range: a steadier prior than one month's."""
    if user.team_id is None:
        return queries.total(session, start, end)
    return queries.total(session, start, end, team_id=user.team_id)


def my_page(session: Session, user: User, content: Content, filters: comments.Filters,
            now: datetime, tz: tzinfo, min_n: int) -> MyPage:
    """Gather the page for `user` at `now` (aware), days counted in `tz`."""
    today = now.astimezone(tz).date()
    month = month_of(today, tz)
    live = summary.live_summary(session, user, month, today, tz, min_n)
    since = trend_start(today)
    scheme = load_scheme(session)
    last = previous_month(month, tz)
    last_n = queries.total(session, last.first, last.last, agent_id=user.id).n
    remaining = bonus.pace(live.mine.tally, last_n, month, now)
    panel = bonus.bonus_panel(scheme, live.mine.tally, _prior(session, user, since, today),
                              remaining)
    start_of_trend, _ = period_bounds("day", since, tz)
    tallies = practice.topic_tallies(session, user.id, start_of_trend)
    overall = summarize(queries.total(session, since, today, agent_id=user.id), min_n)
    rows = practice.practice_beside_live(content, load_progress(session, user, content),
                                         tallies, overall, min_n)
    latest = summary.latest_response_id(session, user.id)
    return MyPage(
        has_answers=latest > 0, latest_id=latest, live=live,
        chart=charts.trend_chart(live.trend, live.team_trend),
        comments=comments.comment_page(session, user.id, filters, today, tz),
        filters=filters, bonus=panel, sectors=rows, replay=practice.replay_suggestion(rows))
