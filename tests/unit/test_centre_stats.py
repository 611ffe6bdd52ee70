"""The centre's statistics: segments, bands and the growth of a topic among detractors."""

import pytest

from lab.tnps.growth import share_change, topic_growth
from lab.tnps.segments import day_part, tenure_band


def test_day_parts_cover_every_hour_once():
    assert [day_part(h) for h in (0, 7, 8, 11, 12, 16, 17, 21, 22, 23)] == [
        "night", "night", "morning", "morning", "afternoon", "afternoon", "evening",
        "evening", "night", "night"]
    with pytest.raises(ValueError):
        day_part(24)


def test_tenure_bands():
    assert [tenure_band(d) for d in (0, 90, 91, 364, 365, 5000)] == [
        "0-3m", "0-3m", "3-12m", "3-12m", "12m+", "12m+"]


def test_a_topic_grows_only_beyond_noise():
    # 12 of 20 detractors this week against 20 of 100 before: a real rise.
    now = [("connection",)] * 12 + [()] * 8
    before = [("connection",)] * 20 + [()] * 80
    rows = {row.topic: row for row in topic_growth(now, before, ("connection", "charges"))}
    assert rows["connection"].grows and rows["connection"].diff == pytest.approx(40.0)
    assert not rows["charges"].grows
    # 2 of 5 against 1 of 5: a bigger share, but five answers say nothing.
    assert not topic_growth([("x",)] * 2 + [()] * 3, [("x",)] + [()] * 4, ("x",))[0].grows


def test_share_change_is_bounded_and_refuses_impossible_counts():
    low, high = share_change(0, 0, 0, 0)
    assert -100 <= low < 0 < high <= 100
    with pytest.raises(ValueError):
        share_change(3, 2, 0, 1)
