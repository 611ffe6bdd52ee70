"""Day, ISO week and month periods in a local timezone, across DST, and TNPS trends."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lab.tnps import Tally, bucket_key, period_bounds, period_label, trend

MOSCOW = ZoneInfo("Europe/Moscow")
BERLIN = ZoneInfo("Europe/Berlin")


def _utc(*args):
    return datetime(*args, tzinfo=UTC)


def _length(start, end):
    # Python subtracts datetimes of one zone by wall clock; real time needs UTC.
    return end.astimezone(UTC) - start.astimezone(UTC)


def test_day_bounds_are_local_midnights():
    """A Moscow day runs from 00:00 to 00:00 local, aware."""
    start, end = period_bounds("day", date(2026, 11, 22), MOSCOW)
    assert start == datetime(2026, 11, 22, tzinfo=MOSCOW)
    assert end == datetime(2026, 11, 23, tzinfo=MOSCOW)
    assert start.utcoffset() == timedelta(hours=3)


def test_week_starts_on_monday():
    """ISO weeks: Sunday 22 Nov 2026 belongs to the week of Monday 16 Nov."""
    start, end = period_bounds("week", date(2026, 11, 22), MOSCOW)
    assert start.date() == date(2026, 11, 16)
    assert end.date() == date(2026, 11, 23)
    assert start.weekday() == 0


def test_month_bounds_including_december():
    """A month runs from its first day to the next month's; December rolls the year."""
    start, end = period_bounds("month", date(2026, 12, 31), MOSCOW)
    assert start == datetime(2026, 12, 1, tzinfo=MOSCOW)
    assert end == datetime(2027, 1, 1, tzinfo=MOSCOW)


def test_unknown_kind_is_refused():
    """Only day, week and month exist."""
    with pytest.raises(ValueError, match="day, week, month"):
        period_bounds("year", date(2026, 1, 1), MOSCOW)


def test_berlin_spring_forward_day_is_23_hours():
    """29 Mar 2026 in Berlin loses an hour; Moscow has no DST and keeps 24."""
    start, end = period_bounds("day", date(2026, 3, 29), BERLIN)
    assert _length(start, end) == timedelta(hours=23)
    start, end = period_bounds("day", date(2026, 3, 29), MOSCOW)
    assert _length(start, end) == timedelta(hours=24)


def test_berlin_fall_back_day_is_25_hours():
    """25 Oct 2026 in Berlin gains an hour."""
    start, end = period_bounds("day", date(2026, 10, 25), BERLIN)
    assert _length(start, end) == timedelta(hours=25)
    assert start.utcoffset() == timedelta(hours=2)
    assert end.utcoffset() == timedelta(hours=1)


def test_berlin_dst_week_and_month_lengths():
    """The week and month holding the spring change are an hour short."""
    start, end = period_bounds("week", date(2026, 3, 29), BERLIN)
    assert _length(start, end) == timedelta(days=7, hours=-1)
    start, end = period_bounds("month", date(2026, 3, 1), BERLIN)
    assert _length(start, end) == timedelta(days=31, hours=-1)


def test_bucket_key_uses_the_local_day():
    """21:30 UTC on 28 Mar is already 29 Mar in Moscow, still 28 Mar in Berlin."""
    ended = _utc(2026, 3, 28, 21, 30)
    assert bucket_key(ended, "day", MOSCOW) == date(2026, 3, 29)
    assert bucket_key(ended, "day", BERLIN) == date(2026, 3, 28)


def test_bucket_key_after_berlin_switches_to_summer_time():
    """22:30 UTC on 29 Mar is 00:30 CEST on 30 Mar, a Monday: a new day and a new week."""
    ended = _utc(2026, 3, 29, 22, 30)
    assert bucket_key(ended, "day", BERLIN) == date(2026, 3, 30)
    assert bucket_key(ended, "week", BERLIN) == date(2026, 3, 30)
    assert bucket_key(_utc(2026, 3, 29, 21, 30), "week", BERLIN) == date(2026, 3, 23)


def test_bucket_key_in_the_repeated_hour():
    """Both 02:30s of 25 Oct in Berlin fall on that day."""
    first, second = _utc(2026, 10, 25, 0, 30), _utc(2026, 10, 25, 1, 30)
    assert bucket_key(first, "day", BERLIN) == bucket_key(second, "day", BERLIN)
    assert bucket_key(first, "day", BERLIN) == date(2026, 10, 25)


def test_bucket_key_month_and_week():
    """The key of a period is its first day."""
    ended = datetime(2026, 11, 22, 12, tzinfo=MOSCOW)
    assert bucket_key(ended, "month", MOSCOW) == date(2026, 11, 1)
    assert bucket_key(ended, "week", MOSCOW) == date(2026, 11, 16)


def test_bucket_key_refuses_naive_datetimes():
    """A naive datetime cannot be placed in a day."""
    with pytest.raises(ValueError, match="naive"):
        bucket_key(datetime(2026, 11, 22, 12), "day", MOSCOW)


@pytest.mark.parametrize(
    ("kind", "first", "label"),
    [
        ("day", date(2026, 11, 22), "2026-11-22"),
        ("week", date(2026, 11, 16), "2026-W47"),
        ("week", date(2026, 12, 28), "2026-W53"),
        ("month", date(2026, 11, 1), "2026-11"),
    ],
)
def test_period_labels(kind, first, label):
    """Labels are ISO dates, ISO weeks and year-month."""
    assert period_label(kind, first) == label


def test_trend_has_one_point_per_day_including_empty_ones():
    """Days without answers are present with n=0 and TNPS None."""
    points = [
        (datetime(2026, 11, 20, 10, tzinfo=MOSCOW), 10),
        (datetime(2026, 11, 20, 11, tzinfo=MOSCOW), 3),
        (datetime(2026, 11, 22, 23, 59, tzinfo=MOSCOW), 9),
    ]
    result = trend(points, "day", MOSCOW, date(2026, 11, 20), date(2026, 11, 22))
    assert [p.key for p in result] == [date(2026, 11, d) for d in (20, 21, 22)]
    assert [p.tally for p in result] == [Tally(1, 0, 1), Tally(), Tally(1, 0, 0)]
    assert [p.tnps for p in result] == [0.0, None, 100.0]
    assert result[1].ci_low < 0 < result[1].ci_high


def test_trend_ignores_points_outside_the_range():
    """Calls that ended before start or after end are not counted."""
    points = [
        (datetime(2026, 11, 19, 23, 59, tzinfo=MOSCOW), 0),
        (datetime(2026, 11, 21, 0, 0, tzinfo=MOSCOW), 0),
        (datetime(2026, 11, 20, 0, 0, tzinfo=MOSCOW), 10),
    ]
    result = trend(points, "day", MOSCOW, date(2026, 11, 20), date(2026, 11, 20))
    assert len(result) == 1
    assert result[0].tally == Tally(promoters=1)


def test_trend_counts_by_local_time_of_call_end():
    """A UTC instant late on the 28th lands on the 29th in Moscow but the 28th in Berlin."""
    points = [(_utc(2026, 3, 28, 21, 30), 9)]
    moscow = trend(points, "day", MOSCOW, date(2026, 3, 28), date(2026, 3, 29))
    berlin = trend(points, "day", BERLIN, date(2026, 3, 28), date(2026, 3, 29))
    assert [p.tally.n for p in moscow] == [0, 1]
    assert [p.tally.n for p in berlin] == [1, 0]


def test_weekly_trend_clips_partial_weeks_to_the_range():
    """Weeks cut by the range cover only the range, and keys are Mondays."""
    points = [
        (datetime(2026, 11, 3, 12, tzinfo=BERLIN), 10),  # Tuesday, before the range
        (datetime(2026, 11, 5, 12, tzinfo=BERLIN), 8),
        (datetime(2026, 11, 12, 12, tzinfo=BERLIN), 2),
    ]
    result = trend(points, "week", BERLIN, date(2026, 11, 4), date(2026, 11, 12))
    assert [p.key for p in result] == [date(2026, 11, 2), date(2026, 11, 9)]
    assert [p.label for p in result] == ["2026-W45", "2026-W46"]
    assert result[0].start == datetime(2026, 11, 4, tzinfo=BERLIN)
    assert result[1].end == datetime(2026, 11, 13, tzinfo=BERLIN)
    assert [p.tally for p in result] == [Tally(passives=1), Tally(detractors=1)]


def test_monthly_trend_across_berlin_dst():
    """Months from February to April, March an hour short, answers in their months."""
    points = [
        (_utc(2026, 2, 28, 23, 30), 10),  # 00:30 CET on 1 March
        (_utc(2026, 3, 31, 22, 30), 0),  # 00:30 CEST on 1 April
    ]
    result = trend(points, "month", BERLIN, date(2026, 2, 1), date(2026, 4, 30))
    assert [p.label for p in result] == ["2026-02", "2026-03", "2026-04"]
    assert [p.tally.n for p in result] == [0, 1, 1]
    assert _length(result[1].start, result[1].end) == timedelta(days=31, hours=-1)


def test_trend_refuses_naive_times_and_bad_scores():
    """Naive call ends and non-scores are refused, not guessed."""
    day = date(2026, 11, 20)
    with pytest.raises(ValueError, match="naive"):
        trend([(datetime(2026, 11, 20, 10), 9)], "day", MOSCOW, day, day)
    with pytest.raises(ValueError, match="whole number"):
        trend([(datetime(2026, 11, 20, 10, tzinfo=MOSCOW), 8.5)], "day", MOSCOW, day, day)


def test_trend_refuses_a_backwards_range():
    """The end cannot come before the start."""
    with pytest.raises(ValueError, match="before"):
        trend([], "day", MOSCOW, date(2026, 11, 22), date(2026, 11, 20))


def test_day_whose_midnight_is_skipped_starts_at_its_first_real_instant():
    """Havana jumps from 00:00 to 01:00 on 8 Mar 2026: that day starts at 01:00 -04:00."""
    havana = ZoneInfo("America/Havana")
    start, end = period_bounds("day", date(2026, 3, 8), havana)
    assert start.isoformat() == "2026-03-08T01:00:00-04:00"
    assert _length(start, end) == timedelta(hours=23)
    previous_start, previous_end = period_bounds("day", date(2026, 3, 7), havana)
    assert previous_end == start


def test_trend_counts_the_second_repeated_hour_in_its_day():
    """A Berlin-local call end in the second 02:30 of 25 Oct (fold=1) is counted once."""
    ended = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=BERLIN)
    result = trend([(ended, 9)], "day", BERLIN, date(2026, 10, 25), date(2026, 10, 25))
    assert result[0].tally == Tally(promoters=1)
