"""My TNPS early in a month: the last 30 days and last month beside an empty month, a
forecast from the usual volume, and the running week kept out of the trend's line."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from lab.accounts.models import User
from lab.dashboard.comments import Filters
from lab.dashboard.page import my_page
from lab.web_content import get_content
from tests.integration.test_me import add_answers, answer

MOSCOW = ZoneInfo("Europe/Moscow")
# The 1st, mid-morning: the month has two answers, November had 61.
NOW = datetime(2026, 12, 1, 10, 0, tzinfo=MOSCOW)


def _november_and_this_morning(app, db) -> None:
    rows = []
    for i in range(61):
        day = datetime(2026, 11, 1 + i % 30, 12, tzinfo=MOSCOW)
        rows.append(answer("agent_a", (10, 9, 10, 8, 3)[i % 5], None, ended=day))
    # Four days before November: outside last month, still inside the first trend weeks.
    rows += [answer("agent_a", 10, None, ended=datetime(2026, 10, 28, 12, tzinfo=MOSCOW))]
    rows += [answer("agent_a", score, None, ended=NOW - timedelta(hours=2))
             for score in (10, 4)]
    add_answers(app, db, rows)


def _page(app, db):
    user = db.query(User).filter_by(login="agent_a").one()
    with app.test_request_context("/me", headers={"Accept-Language": "en"}):
        return my_page(db, user, get_content(), Filters(), NOW, MOSCOW, 30)


def test_a_young_month_leads_with_the_last_30_days(app, db, world):
    """On the 1st the month's two answers are not enough; the last 30 days are."""
    _november_and_this_morning(app, db)
    data = _page(app, db)
    live = data.live
    assert live.young and live.main.key == "rolling"
    assert live.mine.tally.n == 2 and not live.mine.enough_data
    # 2 Nov .. 1 Dec: every November answer but those of the 1st (three of them), and today's.
    assert live.rolling.first.isoformat() == "2026-11-02"
    assert live.rolling.mine.tally.n == 61 - 3 + 2 and live.rolling.mine.enough_data
    assert live.rolling.team is not None and live.rolling.team.enough_data
    # Last month's final figure and the tier it paid.
    assert live.last_month.mine.tally.n == 61
    assert data.last_bonus.enough_data and data.last_bonus.percent is not None


def test_the_forecast_reads_the_usual_volume_and_waits_for_answers(app, db, world):
    """The expected count comes from November's 61 (and October's 1), not one morning's
    pace; with two answers there are no odds at all."""
    _november_and_this_morning(app, db)
    panel = _page(app, db).bonus
    assert 25 <= panel.forecast.remaining <= 31  # the mean of 61 and 1, for 30.6 days of 31
    assert not panel.forecast_shown and panel.headline is None


def test_the_running_week_is_not_a_point_of_the_line(app, db, world):
    """Tuesday 1 Dec: the week of 30 Nov is partial, drawn apart from the line."""
    _november_and_this_morning(app, db)
    chart = _page(app, db).chart
    assert chart.partial is not None and chart.partial.point.key.isoformat() == "2026-11-30"
    assert all(dot.point.key != chart.partial.point.key for dot in chart.dots)
