"""Loyalty codes, stars, XP, levels and sector states as plain maths."""

from __future__ import annotations

import pytest

from lab.training import progress


def test_loyalty_code_is_practice_tnps():
    """Four promoters, one passive, one detractor: (4 - 1) / 6 = +50."""
    assert progress.loyalty_code([10, 9, 9, 10, 8, 3]) == pytest.approx(50.0)


def test_loyalty_code_of_nothing_is_none():
    """No replies, no code (never a zero)."""
    assert progress.loyalty_code([]) is None


@pytest.mark.parametrize("code, stars", [
    (None, 0), (-20.0, 0), (49.9, 0), (50.0, 1), (66.7, 2), (83.3, 3), (100.0, 3)])
def test_stars_follow_the_marks(code, stars):
    """One star per pass mark reached."""
    assert progress.stars_for(code, (50.0, 66.0, 83.0)) == stars


def test_reply_xp_and_hint_cost():
    """Ten XP per rating point; a hint costs ten; never below zero."""
    assert progress.reply_xp(9, hint_used=False) == 90
    assert progress.reply_xp(9, hint_used=True) == 80
    assert progress.reply_xp(0, hint_used=True) == 0


def test_bonus_only_for_stars_beyond_the_best():
    """Replaying a passed sector for the same stars earns no bonus."""
    assert progress.sector_bonus_xp(2, best_before=0) == 100
    assert progress.sector_bonus_xp(2, best_before=2) == 0
    assert progress.sector_bonus_xp(3, best_before=2) == 50


def test_levels():
    """Level 1 from 0 XP, a new level every 400."""
    assert progress.level_for(0).number == 1
    level = progress.level_for(1000)
    assert (level.number, level.xp_into, level.percent) == (3, 200, 50)


ORDER = ["s1", "s2", "s3", "s4"]


def test_everything_locked_before_the_codex():
    """Without the Codex read, sector 1 is locked too."""
    states = progress.sector_states(ORDER, {}, codex_done=False, opened=set(), in_progress=set())
    assert [s.status for s in states] == ["locked"] * 4


def test_passing_opens_the_next_sector():
    """Codex read: sector 1 open; passing it opens sector 2 only."""
    states = progress.sector_states(ORDER, {"s1": (66.7, 2)}, codex_done=True, opened=set(),
                                    in_progress=set())
    assert [s.status for s in states] == ["passed", "open", "locked", "locked"]
    assert states[0].stars == 2 and states[0].best_code == 66.7


def test_failed_attempt_does_not_open_the_next():
    """A finished attempt without stars leaves the next sector locked."""
    states = progress.sector_states(ORDER, {"s1": (16.7, 0)}, codex_done=True, opened=set(),
                                    in_progress=set())
    assert [s.status for s in states][:2] == ["open", "locked"]


def test_lead_can_open_any_sector():
    """A sector opened by the lead is open whatever came before, and says so."""
    states = progress.sector_states(ORDER, {}, codex_done=False, opened={"s3"},
                                    in_progress={"s3"})
    assert [s.status for s in states] == ["locked", "locked", "in_progress", "locked"]
    assert states[2].opened_by_lead


def test_overall_code_needs_every_sector():
    """The overall code pools all best attempts, and only once all four have one."""
    three = {"s1": [10] * 6, "s2": [10] * 6, "s3": [3] * 6}
    assert progress.overall_code(three, 4) is None
    assert progress.overall_code({**three, "s4": [8] * 6}, 4) == pytest.approx(25.0)
