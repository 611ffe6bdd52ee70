"""The tests behind the fairness flags, checked against numbers worked by hand."""

import pytest

from lab.fairness.stats import FLAG_Z, Gap, gap_difference, two_proportions, wilson
from lab.tnps.tally import Tally


def test_two_proportions_matches_the_textbook_z():
    """60/100 against 40/100: pooled p 0.5, se 0.0707, z 2.83 (not enough at 99.9%)."""
    found = two_proportions(60, 100, 40, 100)
    assert found.diff == pytest.approx(20.0)
    assert found.z == pytest.approx(2.828, abs=0.001)
    assert not found.significant
    assert found.ci_low < 0 < found.ci_high  # the 99.9% interval still holds zero


def test_a_large_clear_difference_is_significant_with_its_interval_above_zero():
    found = two_proportions(90, 120, 300, 1000)
    assert found.significant and found.z > FLAG_Z
    assert 0 < found.ci_low < found.diff < found.ci_high


def test_a_lower_share_is_never_a_sign():
    """Only the gamed direction counts: fewer IVR answers than the team is no flag."""
    assert not two_proportions(10, 120, 500, 1000).significant


def test_a_handful_of_answers_is_never_judged():
    """10 of 10 against 30% is 'certain' to a z test, but below the minimum n: no verdict."""
    found = two_proportions(10, 10, 300, 1000)
    assert found.diff is None and not found.significant and found.n_a == 10


def test_wilson_stays_inside_zero_and_one_at_the_edges():
    low, high = wilson(50, 50)
    assert 0.8 < low < 1.0 and high == 1.0
    assert wilson(0, 50)[0] == 0.0


def test_gap_difference_finds_a_steered_gap_and_not_an_ordinary_one():
    team = Gap(Tally(600, 250, 150), Tally(1100, 500, 400))  # +45 vs +35: gap 10
    steered = Gap(Tally(55, 5, 0), Tally(20, 20, 40))  # +91.7 vs -25: gap 116.7
    found = gap_difference(steered, team)
    assert found.diff == pytest.approx(116.7 - 10, abs=0.1)
    assert found.significant and found.ci_low > 0
    ordinary = Gap(Tally(30, 12, 8), Tally(40, 20, 20))  # +44 vs +25: gap 19
    assert not gap_difference(ordinary, team).significant


def test_gap_needs_enough_answers_on_both_channels():
    few_sms = Gap(Tally(60, 10, 0), Tally(1, 0, 10))
    assert gap_difference(few_sms, Gap(Tally(60, 30, 10), Tally(60, 30, 10))).diff is None
