"""My TNPS's plain rules: filters, the month, chart geometry, weak topics, the bonus odds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lab.dashboard.bonus import bonus_panel, chance_text, pace
from lab.dashboard.charts import scale, trend_chart
from lab.dashboard.comments import Filters, parse_filters
from lab.dashboard.period import month_of, previous_month, trend_start
from lab.dashboard.practice import is_weak
from lab.tnps.bonus import BonusScheme
from lab.tnps.interval import adjusted_wald
from lab.tnps.periods import TrendPoint
from lab.tnps.summary import summarize
from lab.tnps.tally import Tally, tnps

MOSCOW = ZoneInfo("Europe/Moscow")
SCHEME = BonusScheme([(-100, 0), (0, 5), (50, 15)], min_n=10)


def test_filters_parse_known_values_and_name_bad_ones():
    """Known values pass; unknown ones are dropped and named; empty means any."""
    filters, bad = parse_filters({"category": "detractor", "channel": "sms", "page": "3",
                                  "period": "month", "topic": ""})
    assert filters == Filters("detractor", "sms", None, "month", 3) and bad == []
    filters, bad = parse_filters({"category": "angry", "page": "-2", "period": "x"})
    assert filters == Filters() and sorted(bad) == ["category", "page", "period"]


def test_filter_query_args_leave_defaults_out():
    """Pager links carry only what was chosen."""
    assert Filters(channel="ivr").query_args(page=2) == {"channel": "ivr", "page": 2}
    assert Filters().query_args() == {} and not Filters().narrowed


def test_month_bounds_in_the_centre_zone():
    """November in Moscow starts at its local midnight and has 30 days."""
    month = month_of(date(2026, 11, 17), MOSCOW)
    assert (month.first, month.last, month.key) == (date(2026, 11, 1), date(2026, 11, 30),
                                                    "2026-11")
    assert month.start == datetime(2026, 10, 31, 21, tzinfo=UTC)
    assert previous_month(month, MOSCOW).first == date(2026, 10, 1)
    mid = month.start + timedelta(days=10)
    assert month.elapsed(mid) == timedelta(days=10) and month.left(mid) == timedelta(days=20)


def test_trend_starts_on_a_monday_26_weeks_back():
    """Six months of whole ISO weeks, this week included."""
    start = trend_start(date(2026, 11, 19))
    assert start.weekday() == 0 and (date(2026, 11, 16) - start).days == 25 * 7


def _point(day: date, tally: Tally) -> TrendPoint:
    low, high = adjusted_wald(tally)
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return TrendPoint(day, str(day), moment, moment, tally, tnps(tally), low, high)


def test_trend_chart_breaks_at_empty_weeks():
    """Weeks without answers split band and line; a lone week still gets a band."""
    days = [date(2026, 6, 1) + timedelta(weeks=i) for i in range(6)]
    tallies = [Tally(5, 1, 1), Tally(4, 2, 1), Tally(), Tally(3, 0, 0), Tally(), Tally()]
    chart = trend_chart([_point(d, t) for d, t in zip(days, tallies, strict=True)])
    assert len(chart.bands) == 2 and len(chart.lines) == 1 and len(chart.dots) == 3
    assert not chart.empty
    assert trend_chart([_point(d, Tally()) for d in days]).empty


def test_scale_clips_to_the_strip():
    """-100 is the left edge, +100 the right, beyond is clipped."""
    assert (scale(-100), scale(0), scale(100), scale(250)) == (0, 50, 100, 100)


def test_weak_topic_by_detractors_or_gap():
    """Three detractors make a topic weak; so does a TNPS well below the overall one."""
    overall = summarize(Tally(30, 5, 5), min_n=10)
    assert is_weak(summarize(Tally(1, 0, 3), min_n=10), overall)
    assert is_weak(summarize(Tally(6, 4, 2), min_n=10), overall)
    assert not is_weak(summarize(Tally(9, 1, 2), min_n=10), overall)
    # Below the minimum n a gap alone says nothing.
    assert not is_weak(summarize(Tally(1, 1, 1), min_n=10), overall)


def test_bonus_panel_tier_next_and_odds():
    """TNPS +40 earns 5%: 2 promoters reach 50; the headline odds are for 5% or more."""
    panel = bonus_panel(SCHEME, Tally(5, 4, 1), Tally(60, 30, 10), 10)
    assert panel.enough_data and panel.bonus.percent == 5 and panel.tier_index == 1
    assert panel.next_tier == (50, 15) and panel.promoters_to_next == 2
    assert panel.headline.percent == 5 and panel.stretch.percent == 15
    assert 0 < panel.stretch.chance < panel.headline.chance <= 1


def test_bonus_panel_below_minimum():
    """Below min_n: no tier, how many answers are missing; no odds below the forecast's n."""
    panel = bonus_panel(SCHEME, Tally(3, 0, 1), Tally(60, 30, 10), 2)
    assert not panel.enough_data and panel.tier_index is None and panel.missing == 6
    assert panel.headline is None and panel.forecast.not_enough == 1.0
    # Four answers and a pace that reaches the tier: still no odds, they would swing.
    later = bonus_panel(SCHEME, Tally(3, 0, 1), Tally(60, 30, 10), 20)
    assert not later.forecast_shown and later.headline is None
    enough = bonus_panel(SCHEME, Tally(7, 2, 1), Tally(60, 30, 10), 20)
    assert enough.forecast_shown and enough.headline is not None
    assert enough.headline.percent == 15  # +60 holds the top tier: the odds of keeping it


def test_forecast_says_how_sure_it_is():
    """Ten answers of about seventy expected is a rough guess; sixty of seventy is firm."""
    assert bonus_panel(SCHEME, Tally(7, 2, 1), Tally(60, 30, 10), 60).sureness == "rough"
    assert bonus_panel(SCHEME, Tally(20, 10, 5), Tally(60, 30, 10), 35).sureness == "fair"
    assert bonus_panel(SCHEME, Tally(40, 15, 5), Tally(60, 30, 10), 10).sureness == "firm"


def test_pace_reads_recent_months_volume():
    """On the 1st, after one busy morning, the count expected comes from the last months
    (61, 59, 60 a month), not from one day's pace (which once promised 122 more)."""
    month = month_of(date(2026, 12, 1), MOSCOW)
    now = month.start + timedelta(hours=12)
    expected = pace(Tally(4, 0, 0), [61, 59, 60], month, now)
    assert 55 <= expected <= 60
    # Half the month left: half a usual month, whatever this month's first days did.
    assert pace(Tally(50, 0, 0), [60, 60, 60], month, month.start + timedelta(days=15.5)) == 30
    # A month without answers (a holiday) is left out of the mean.
    assert pace(Tally(), [0, 40, 0], month, month.start + timedelta(days=15.5)) == 20
    # A new agent: this month's own pace.
    assert pace(Tally(10, 0, 0), [], month, month.start + timedelta(days=10)) == 21
    assert pace(Tally(), [], month, now) == 0


@pytest.mark.parametrize("chance,text", [(0, "0%"), (0.001, "<1%"), (0.62, "62%"),
                                         (0.999, ">99%"), (1.0, "100%")])
def test_chance_text_never_overclaims(chance, text):
    """Tiny chances read '<1%', near-certain ones '>99%'."""
    assert chance_text(chance) == text
