"""Bonus tiers, what it takes to reach the next one, and what one detractor costs."""

from fractions import Fraction

import pytest

from lab.tnps import (
    DEFAULT_SCHEME,
    BonusScheme,
    Tally,
    bonus_for,
    bonus_for_tally,
    cost_of_one_detractor,
    promoters_to_next_tier,
    promoters_to_reach,
    summarize,
    tnps,
)


@pytest.mark.parametrize(
    ("tally", "percent", "tier_min"),
    [
        (Tally(10, 10, 20), 0.0, -100.0),  # TNPS -25
        (Tally(10, 20, 10), 5.0, 0.0),  # TNPS 0, exactly on the tier
        (Tally(15, 9, 6), 10.0, 30.0),  # TNPS 30, exactly on the tier
        (Tally(20, 10, 10), 5.0, 0.0),  # TNPS 25
        (Tally(25, 5, 10), 10.0, 30.0),  # TNPS 37.5
        (Tally(20, 10, 0), 15.0, 50.0),  # TNPS 66.7
        (Tally(28, 0, 2), 20.0, 70.0),  # TNPS 86.7
        (Tally(40, 0, 0), 20.0, 70.0),  # TNPS 100
    ],
)
def test_default_scheme_tiers(tally, percent, tier_min):
    """Default scheme: <0 -> 0%, 0 -> 5%, 30 -> 10%, 50 -> 15%, 70 -> 20%."""
    bonus = bonus_for(summarize(tally))
    assert bonus.enough_data
    assert bonus.percent == percent
    assert bonus.tier_min_tnps == tier_min


def test_below_min_n_is_not_enough_data_and_no_percent():
    """29 promoters earn no percent: not enough data."""
    bonus = bonus_for(summarize(Tally(promoters=29)))
    assert not bonus.enough_data
    assert bonus.percent is None
    assert "not enough data" in bonus.note


def test_the_schemes_min_n_decides_not_the_summarys():
    """A summary with min_n=5 is still judged by the scheme's 30."""
    summary = summarize(Tally(promoters=10), min_n=5)
    assert summary.enough_data
    assert bonus_for(summary).percent is None


def test_tnps_below_the_lowest_tier_earns_zero():
    """A scheme starting at 0 pays nothing below it, with enough data."""
    scheme = BonusScheme(tiers=[(0, 5), (50, 10)], min_n=10)
    bonus = bonus_for_tally(Tally(0, 5, 5), scheme)
    assert bonus.enough_data
    assert bonus.percent == 0.0
    assert bonus.tier_min_tnps is None


def test_thresholds_are_compared_exactly():
    """TNPS 100/3 is above a 33.3 tier and below a 33.34 one; no float drift."""
    tally = Tally(20, 0, 10)  # TNPS 33.33...
    assert bonus_for_tally(tally, BonusScheme([(33.3, 7)], min_n=1)).percent == 7
    assert bonus_for_tally(tally, BonusScheme([(33.34, 7)], min_n=1)).percent == 0.0


@pytest.mark.parametrize(
    "tiers",
    [[], [(0, 5), (0, 10)], [(30, 5), (0, 10)], [(-101, 0)], [(0, -5)], [(101, 5)]],
)
def test_bad_schemes_are_refused(tiers):
    """Tiers must exist, rise strictly, stay in -100..100 and pay >= 0%."""
    with pytest.raises(ValueError):
        BonusScheme(tiers=tiers)


@pytest.mark.parametrize("min_n", [0, -1, 2.5, True])
def test_min_n_must_be_a_positive_whole_number(min_n):
    """min_n is at least 1."""
    with pytest.raises(ValueError):
        BonusScheme(tiers=[(0, 5)], min_n=min_n)


def test_scheme_is_frozen_and_hashable():
    """Tiers are stored as tuples; the scheme is immutable."""
    assert DEFAULT_SCHEME.tiers[0] == (-100.0, 0.0)
    assert hash(DEFAULT_SCHEME) == hash(BonusScheme(list(DEFAULT_SCHEME.tiers), 30))
    with pytest.raises(AttributeError):
        DEFAULT_SCHEME.min_n = 1


def test_promoters_to_next_tier_hand_computed():
    """TNPS 30 over 30 answers: 12 promoters reach 50, since (15 + 12 - 6) / 42 = 0.5."""
    tally = Tally(15, 9, 6)
    assert promoters_to_next_tier(tally) == 12
    assert tnps(tally + Tally(promoters=12)) == 50.0
    assert tnps(tally + Tally(promoters=11)) < 50


@pytest.mark.parametrize(
    "tally", [Tally(10, 10, 20), Tally(3, 1, 2), Tally(20, 10, 10), Tally(1, 40, 0)]
)
def test_promoters_to_next_tier_is_the_smallest_that_works(tally):
    """k promoters reach the next tier and k - 1 do not."""
    any_n = BonusScheme(DEFAULT_SCHEME.tiers, min_n=1)
    k = promoters_to_next_tier(tally)
    before = bonus_for_tally(tally, any_n).tier_min_tnps
    assert bonus_for_tally(tally + Tally(promoters=k), any_n).tier_min_tnps > before
    assert bonus_for_tally(tally + Tally(promoters=k - 1), any_n).tier_min_tnps == before


def test_promoters_to_next_tier_is_none_at_the_top():
    """Already in the top tier: no next tier."""
    assert promoters_to_next_tier(Tally(28, 0, 2)) is None


def test_promoters_to_next_tier_without_any_answer():
    """With no answer yet, one promoter makes TNPS 100 and reaches the first tier."""
    assert promoters_to_next_tier(Tally()) == 1


def test_promoters_cannot_reach_a_perfect_100_after_a_detractor():
    """TNPS 100 needs every answer a promoter: impossible once a detractor is in."""
    assert promoters_to_reach(Tally(50, 0, 1), 100) is None
    assert promoters_to_reach(Tally(50, 0, 0), 100) == 0


def test_promoters_to_reach_an_exact_fraction():
    """Aiming at exactly 100/3 from 900/31: two promoters give exactly 11/33, no more needed."""
    assert promoters_to_reach(Tally(20, 0, 11), Fraction(100, 3)) == 2
    assert tnps(Tally(22, 0, 11)) == pytest.approx(100 / 3)


def test_one_detractor_drops_a_tier():
    """TNPS 30 over 30 answers: one detractor gives 25.8 and 5% instead of 10%."""
    cost = cost_of_one_detractor(Tally(15, 9, 6))
    assert cost.tnps_before == 30.0
    assert cost.tnps_after == pytest.approx(800 / 31)
    assert (cost.before.percent, cost.after.percent) == (10.0, 5.0)
    # (15 + 2 - 7) / 33 = 30.3 >= 30, (15 + 1 - 7) / 32 = 28.1 < 30
    assert cost.promoters_to_recover == 2


def test_one_detractor_against_a_perfect_score_outweighs_many_promoters():
    """From 100 no amount of promoters gives the lost TNPS back."""
    cost = cost_of_one_detractor(Tally(promoters=40))
    assert cost.tnps_after == pytest.approx(100 * 39 / 41)
    assert cost.promoters_to_recover is None


def test_a_detractor_can_bring_an_agent_to_min_n():
    """With 29 answers the detractor is the 30th: before no data, after a tier."""
    cost = cost_of_one_detractor(Tally(20, 9, 0))
    assert cost.before.percent is None
    assert cost.after.enough_data
    assert cost.after.percent == 15.0  # (20 - 1) / 30 = 63.3


def test_detractor_cost_without_any_answer():
    """The first answer being a detractor: TNPS -100, nothing to recover to."""
    cost = cost_of_one_detractor(Tally())
    assert cost.tnps_before is None
    assert cost.tnps_after == -100.0
    assert cost.promoters_to_recover is None
