"""Badges for real achievements and the neighbours-only leaderboard."""

from __future__ import annotations

from lab.training.badges import FinishedAttempt, earned
from lab.training.leaderboard import neighbours, ranked


def test_no_badges_for_showing_up():
    """Detractor-only replies and an unread Codex earn nothing."""
    assert earned([("s1", [3, 4])], [], sector_count=4, codex_done=False) == set()


def test_first_promoter_and_comeback():
    """A 9 earns the first badge; a 9 right after a 5 is a comeback."""
    assert earned([("s1", [9])], [], sector_count=4, codex_done=False) == {"first_promoter"}
    got = earned([("s1", [5, 9])], [], sector_count=4, codex_done=False)
    assert got == {"first_promoter", "comeback"}
    # A promoter two steps after a detractor is not a comeback.
    got = earned([("s1", [5, 7, 9])], [], sector_count=4, codex_done=False)
    assert "comeback" not in got


def test_clean_sector_needs_a_pass_without_detractors():
    """Passed with no rating at or below 6."""
    clean = FinishedAttempt("s1", (9, 8, 9, 10, 7, 9), 2)
    dirty = FinishedAttempt("s1", (9, 6, 9, 10, 10, 10), 3)
    assert "clean_sector" in earned([], [clean], sector_count=4, codex_done=False)
    assert "clean_sector" not in earned([], [dirty], sector_count=4, codex_done=False)


def test_all_codes_needs_every_sector_passed():
    """Four distinct passed sectors."""
    passed = [FinishedAttempt(s, (9,) * 6, 3) for s in ("s1", "s2", "s3")]
    assert "all_codes" not in earned([], passed, sector_count=4, codex_done=True)
    passed.append(FinishedAttempt("s4", (9,) * 6, 1))
    assert "all_codes" in earned([], passed, sector_count=4, codex_done=True)


def test_board_shows_neighbours_with_shared_ranks():
    """Equal XP share a rank; only two places above and below are shown."""
    rows = [(n, f"A{n}", xp) for n, xp in enumerate([900, 800, 800, 500, 400, 300, 100, 0])]
    places = ranked(rows, me=5)
    assert [p.rank for p in places][:4] == [1, 2, 2, 4]
    shown = neighbours(places)
    assert [p.user_id for p in shown] == [3, 4, 5, 6, 7]
    assert [p.is_me for p in shown] == [False, False, True, False, False]
