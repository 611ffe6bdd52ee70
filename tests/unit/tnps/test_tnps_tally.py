"""Tallies of real scores and the raw TNPS they give."""

import pytest

from lab.tnps import Tally, tnps


def test_from_scores_counts_each_bucket():
    """Scores are counted in their buckets and n is their total."""
    tally = Tally.from_scores([0, 6, 7, 8, 9, 10, 10])
    assert (tally.promoters, tally.passives, tally.detractors) == (3, 2, 2)
    assert tally.n == 7


def test_from_scores_of_nothing_is_empty():
    """No scores give an empty tally."""
    assert Tally.from_scores([]) == Tally()
    assert Tally().n == 0


def test_from_scores_refuses_a_dismissed_answer():
    """None (a dismissed or empty answer) is refused rather than counted in n."""
    with pytest.raises(ValueError, match="dismissed"):
        Tally.from_scores([9, None, 3])


def test_tallies_add_up():
    """Adding tallies adds each bucket."""
    total = Tally(1, 2, 3) + Tally(4, 5, 6)
    assert total == Tally(5, 7, 9)
    assert total.n == 21


def test_sum_of_tallies_starts_from_zero():
    """The built-in sum() works on tallies."""
    assert sum([Tally(1, 0, 0), Tally(0, 1, 0), Tally(0, 0, 1)]) == Tally(1, 1, 1)


def test_adding_something_else_fails():
    """A tally does not add to a number."""
    with pytest.raises(TypeError):
        Tally(1, 0, 0) + 1


def test_with_score_counts_one_more():
    """with_score returns a new tally and leaves the old one untouched."""
    before = Tally(1, 1, 1)
    after = before.with_score(10)
    assert after == Tally(2, 1, 1)
    assert before == Tally(1, 1, 1)


@pytest.mark.parametrize("bad", [-1, 1.5, True, "3", None])
def test_counts_must_be_whole_and_not_negative(bad):
    """A bucket count is a whole number >= 0."""
    with pytest.raises(ValueError):
        Tally(promoters=bad)


def test_tally_is_frozen():
    """A tally cannot be changed in place."""
    tally = Tally(1, 0, 0)
    with pytest.raises(AttributeError):
        tally.promoters = 5


@pytest.mark.parametrize(
    ("tally", "expected"),
    [
        (Tally(10, 6, 4), 30.0),
        (Tally(20, 0, 0), 100.0),
        (Tally(0, 0, 20), -100.0),
        (Tally(0, 20, 0), 0.0),
        (Tally(5, 0, 5), 0.0),
        (Tally(1, 1, 1), 0.0),
        (Tally(2, 0, 1), 100 / 3),
    ],
)
def test_tnps_is_percent_promoters_minus_percent_detractors(tally, expected):
    """TNPS = 100 * (P - D) / n."""
    assert tnps(tally) == pytest.approx(expected)


def test_tnps_of_nothing_is_none():
    """With no score at all there is no TNPS, not a zero."""
    assert tnps(Tally()) is None
