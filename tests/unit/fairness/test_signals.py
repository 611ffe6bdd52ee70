"""The rules that raise a fairness flag, on counts shaped like a month of one agent."""

from lab.fairness.signals import (
    ASKED,
    BEGGING,
    GAP_TEAM,
    SILENT_TENS_TEAM,
    STEERING,
    Counts,
    judge,
)
from lab.tnps.tally import Tally

TEAM = Counts(Tally(300, 120, 80), Tally(560, 250, 190), silent_tens=350, asked=0)
PAST = Counts(Tally(60, 25, 15), Tally(110, 50, 40), silent_tens=70)


def test_an_ordinary_agent_raises_nothing():
    mine = Counts(Tally(30, 12, 8), Tally(55, 25, 20), silent_tens=35)
    verdict = judge(mine, TEAM + mine, PAST)
    assert verdict.enough_data and verdict.raised == ()


def test_a_steering_agent_is_flagged_by_the_gap():
    """Pleased customers by IVR, unhappy ones by SMS: the gap gives it away."""
    mine = Counts(Tally(70, 8, 2), Tally(15, 20, 35), silent_tens=40)
    verdict = judge(mine, TEAM + mine, PAST)
    assert verdict.raised == (STEERING,)
    hits = {check.name for check in verdict.flags[STEERING].hits}
    assert GAP_TEAM in hits


def test_a_begging_agent_is_flagged_by_silent_tens_and_by_what_customers_said():
    mine = Counts(Tally(45, 5, 5), Tally(70, 10, 10), silent_tens=100, asked=4)
    verdict = judge(mine, TEAM + mine, PAST)
    assert verdict.raised == (BEGGING,)
    hits = {check.name for check in verdict.flags[BEGGING].hits}
    assert {SILENT_TENS_TEAM, ASKED} <= hits


def test_one_comment_is_an_anecdote_not_a_flag():
    mine = Counts(Tally(30, 12, 8), Tally(55, 25, 20), silent_tens=35, asked=1)
    assert judge(mine, TEAM + mine, PAST).raised == ()


def test_below_the_minimum_n_nothing_is_judged_however_extreme():
    """Eight 10s out of eight: no verdict at all, not a flag."""
    mine = Counts(Tally(8, 0, 0), Tally(), silent_tens=8, asked=3)
    verdict = judge(mine, TEAM + mine, PAST)
    assert not verdict.enough_data and verdict.raised == ()


def test_a_high_ivr_share_alone_is_a_habit_not_a_sign():
    """An agent who ends many calls first, with IVR and SMS customers alike: no flag."""
    mine = Counts(Tally(45, 17, 13), Tally(40, 15, 12), silent_tens=40)
    verdict = judge(mine, TEAM + mine, PAST)
    share = next(c for c in verdict.flags[STEERING].checks if c.name == "ivr_share_team")
    assert share.difference.significant and not share.hit
    assert verdict.raised == ()


def test_a_jump_in_promoters_counts_only_when_a_bonus_tier_was_near():
    from lab.fairness.signals import tier_jump

    earlier = Tally(30, 15, 15)  # TNPS +25, five points under a +30 tier
    later = Tally(55, 3, 2)  # 92% promoters against 50%
    hit = tier_jump(earlier, later, tiers=[0, 30, 50])
    assert hit.hit and hit.tier == 30 and hit.difference.diff > 40
    far = tier_jump(earlier, later, tiers=[0, 50])  # the next tier is 25 points away
    assert not far.hit and far.tier is None
    steady = tier_jump(earlier, Tally(32, 15, 13), tiers=[30])
    assert steady.tier == 30 and not steady.hit


def test_the_jump_is_part_of_the_begging_sign():
    mine = Counts(Tally(45, 12, 8), Tally(40, 20, 15), silent_tens=30)
    verdict = judge(mine, TEAM + mine, PAST, halves=(Tally(30, 15, 15), Tally(55, 3, 2)),
                    tiers=[30])
    assert BEGGING in verdict.raised
    assert [c.name for c in verdict.flags[BEGGING].hits] == ["tier_jump"]
