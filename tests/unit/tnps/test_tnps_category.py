"""Buckets of a 0-10 score: every whole score in exactly one, everything else refused."""

import pytest

from lab.tnps import Category, category


@pytest.mark.parametrize("score", range(0, 7))
def test_zero_to_six_are_detractors(score):
    """0-6 is a detractor."""
    assert category(score) is Category.DETRACTOR


@pytest.mark.parametrize("score", [7, 8])
def test_seven_and_eight_are_passives(score):
    """7-8 is a passive."""
    assert category(score) is Category.PASSIVE


@pytest.mark.parametrize("score", [9, 10])
def test_nine_and_ten_are_promoters(score):
    """9-10 is a promoter."""
    assert category(score) is Category.PROMOTER


def test_every_score_is_in_exactly_one_bucket():
    """The eleven scores split 7 / 2 / 2 with nothing left over."""
    buckets = [category(score) for score in range(11)]
    assert buckets.count(Category.DETRACTOR) == 7
    assert buckets.count(Category.PASSIVE) == 2
    assert buckets.count(Category.PROMOTER) == 2


@pytest.mark.parametrize("score", [6.5, 8.5, 7.0, "7", "", None, True, False, [9]])
def test_non_integers_are_refused(score):
    """Floats, strings, None and booleans are not scores."""
    with pytest.raises(ValueError):
        category(score)


@pytest.mark.parametrize("score", [-1, 11, -100, 100])
def test_out_of_range_is_refused(score):
    """Scores below 0 or above 10 are refused."""
    with pytest.raises(ValueError, match="0 to 10"):
        category(score)


def test_category_serialises_as_its_word():
    """The enum value is the word the score JSON and the UI use."""
    assert category(10) == "promoter"
    assert str(category(0)) == "detractor"
