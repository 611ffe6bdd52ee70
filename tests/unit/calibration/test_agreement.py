"""Agreement of the scorer with leads' reviews: Spearman with ties, mean gap, minimum n."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from lab.calibration.agreement import (
    MIN_REVIEWS,
    Pair,
    figures,
    grid,
    grouped,
    iso_week,
    mean_gap,
    rank_agreement,
    week_label,
)


def test_spearman_with_ties_matches_the_hand_computed_value():
    """Ties share their average rank: scorer 2,2,5,7,7,9 against lead 1,3,3,6,8,8.

    Ranks: scorer 1.5,1.5,3,4.5,4.5,6; lead 1,2.5,2.5,4,5.5,5.5 (both mean 3.5). The
    deviations' cross products sum to 15 and each side's squares to 16.5: rho = 15/16.5."""
    scorer = [2, 2, 5, 7, 7, 9]
    lead = [1, 3, 3, 6, 8, 8]
    rho = rank_agreement(scorer, lead, min_n=3)
    assert rho == pytest.approx(15 / 16.5)


def test_spearman_of_reversed_order_is_minus_one_and_same_order_is_one():
    """A lead who ranks exactly the other way gives -1. A lead three points kinder, capped
    at 10, ties the top four: rank sums give rho = 105 / sqrt(110 * 105)."""
    scorer = list(range(11))
    assert rank_agreement(scorer, [10 - s for s in scorer]) == pytest.approx(-1.0)
    assert rank_agreement(scorer, [min(10, s + 3) for s in scorer]) == pytest.approx(
        (105 / 110) ** 0.5)
    assert rank_agreement(scorer, [s // 2 for s in scorer]) > 0.97


def test_no_spearman_below_the_minimum_or_when_one_side_never_varies():
    """Nine reviews are not enough; ten are. A lead who always says 8 gives no ranks."""
    scorer = [1, 3, 5, 7, 9, 2, 4, 6, 8, 10]
    assert rank_agreement(scorer[:MIN_REVIEWS - 1], scorer[:MIN_REVIEWS - 1]) is None
    assert rank_agreement(scorer, scorer) == pytest.approx(1.0)
    assert rank_agreement(scorer, [8] * len(scorer)) is None
    assert rank_agreement([8] * len(scorer), scorer) is None


def test_mean_gap_is_lead_minus_scorer():
    """Leads two points below on one reply and one above on another: (-2 + 1 + 0) / 3."""
    assert mean_gap([9, 4, 7], [7, 5, 7]) == pytest.approx(-1 / 3)
    assert mean_gap([], []) is None


def test_figures_of_a_group():
    """n, exact agreement and same category are counted from the pairs themselves."""
    pairs = [Pair(9, 9), Pair(8, 6), Pair(7, 8), Pair(3, 3)]
    result = figures(pairs)
    assert result.n == 4
    assert result.spearman is None and not result.enough  # 4 < MIN_REVIEWS
    assert result.mean_gap == pytest.approx(-0.25)
    assert result.exact == pytest.approx(0.5)
    assert result.same_category == pytest.approx(0.75)  # 8 -> 6 leaves the passives


def test_grouped_by_sector_and_week():
    """Groups come out sorted by key, each with its own figures."""
    monday = datetime(2026, 11, 23, 10, tzinfo=UTC)
    pairs = [Pair(5, 3, "b", "ru", monday), Pair(9, 9, "a", "en", monday),
             Pair(6, 6, "a", "ru", datetime(2026, 12, 1, tzinfo=UTC))]
    by_sector = grouped(pairs, lambda p: p.sector)
    assert [(k, f.n, f.mean_gap) for k, f in by_sector] == [("a", 2, 0.0), ("b", 1, -2.0)]
    by_week = grouped(pairs, lambda p: iso_week(p.at))
    assert [(k, f.n) for k, f in by_week] == [("2026-W48", 2), ("2026-W49", 1)]
    assert week_label("2026-W49") == "30.11–06.12.2026"
    assert week_label("2027-W01") == "04.01–10.01.2027"


def test_grid_puts_the_lead_down_and_the_scorer_across():
    """Row 0 is the lead's 10; column is the scorer's rating."""
    counts = grid([Pair(7, 10), Pair(7, 10), Pair(0, 0)])
    assert counts[0][7] == 2
    assert counts[10][0] == 1
    assert sum(map(sum, counts)) == 3
