"""Coaching suggestions, before/after splits and chart coordinates (plain rules)."""

from datetime import UTC, datetime, timedelta

from lab.coaching import charts
from lab.coaching.effect import before_after
from lab.coaching.suggestions import suggest, topic_counts
from lab.surveys.topics import topics_of

SECTORS = {"charges": "unexpected-charge", "connection": "poor-connection"}


def test_a_frequent_topic_suggests_its_sector():
    """5 of 8 comments about charges suggest the charges sector."""
    suggestions = suggest({"charges": 5, "connection": 1, "service": 4}, 8, SECTORS)
    assert [(s.topic, s.count, s.total, s.sector_id) for s in suggestions] == [
        ("charges", 5, 8, "unexpected-charge")]


def test_a_single_comment_is_not_a_pattern():
    """One comment, however alone, suggests nothing."""
    assert suggest({"charges": 1}, 1, SECTORS) == []


def test_a_minor_topic_is_not_suggested():
    """2 of 9 is under a third."""
    assert suggest({"connection": 2}, 9, SECTORS) == []


def test_topic_counts_skip_empty_comments():
    """Empty comments do not count in the total."""
    counts, total = topic_counts(["Списали деньги за подписку", "", None, "Связь пропадает"],
                                 topics_of)
    assert total == 2 and counts["charges"] == 1 and counts["connection"] == 1


def test_before_after_splits_at_the_moment():
    """Answers before the pass go before, the rest within the window after."""
    moment = datetime(2026, 11, 10, tzinfo=UTC)
    answers = [(moment - timedelta(days=1), 0), (moment - timedelta(days=40), 10),
               (moment + timedelta(hours=1), 10), (moment + timedelta(days=31), 0)]
    result = before_after(answers, moment, days=30, min_n=30)
    assert result.before.tally.n == 1 and result.before.tally.detractors == 1
    assert result.after.tally.n == 1 and result.after.tally.promoters == 1
    assert not result.change.significant  # one answer each side is noise
    assert not result.after.enough_data


def test_before_after_finds_a_real_change():
    """Sixty answers each side moving from -50 to +50 is more than noise."""
    moment = datetime(2026, 11, 10, tzinfo=UTC)
    before = [(moment - timedelta(days=2), s) for s in [0] * 45 + [10] * 15]
    after = [(moment + timedelta(days=2), s) for s in [10] * 45 + [0] * 15]
    result = before_after(before + after, moment)
    assert result.change.significant and result.change.diff == 100


def test_chart_coordinates():
    """A -100..100 frame maps onto the plot; up is a higher TNPS."""
    frame = charts.Axes(charts.Range(-100, 100), charts.Range(-100, 100))
    assert frame.x_of(-100) == charts.LEFT
    assert frame.x_of(100) == charts.WIDTH - charts.RIGHT
    assert frame.y_of(100) == charts.TOP
    assert frame.y_of(-100) == charts.HEIGHT - charts.BOTTOM
    dot = charts.scatter([("Anna", 0, 0, -20, 20, True)])[0]
    assert dot.y_high < dot.y < dot.y_low
