"""Known NPS bugs seen in other products, kept here so they never come back."""

import pytest

from lab.tnps import Tally, category, tnps


@pytest.mark.parametrize("score", [6.5, 8.5])
def test_half_scores_are_not_lost_between_buckets(score):
    """6.5 and 8.5 fall in no bucket elsewhere; here they are refused outright."""
    with pytest.raises(ValueError):
        category(score)
    with pytest.raises(ValueError):
        Tally.from_scores([10, score])


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_scores_outside_zero_to_ten_are_not_accepted(score):
    """Negative or >10 scores never reach a tally."""
    with pytest.raises(ValueError):
        Tally.from_scores([score])


def test_dismissed_answers_are_not_in_the_denominator():
    """Two promoters and three dismissed surveys are TNPS 100 over n=2, not 40 over 5."""
    answers = [10, None, 9, None, None]
    tally = Tally.from_scores(a for a in answers if a is not None)
    assert tally.n == 2
    assert tnps(tally) == 100.0
    with pytest.raises(ValueError):
        Tally.from_scores(answers)


def test_booleans_are_not_scores():
    """True is 1 to Python; a yes/no answer must not count as a detractor."""
    with pytest.raises(ValueError):
        Tally.from_scores([True, False])


def test_no_answers_is_no_score_rather_than_zero():
    """An agent without answers has no TNPS; 0 would read as a real, middling score."""
    assert tnps(Tally.from_scores([])) is None
