"""Splitting a day range into whole months (tnps_monthly) and partial-month days (tnps_daily)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from lab.tnps.ranges import Split, next_month, split_range


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _days_covered(split: Split) -> list[date]:
    """Every day the split stands for, in order (months expanded to their days)."""
    covered = []
    pieces = list(split.days)
    if split.months is not None:
        pieces.append((split.months[0], next_month(split.months[1]) - timedelta(days=1)))
    for first, last in pieces:
        covered += [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return sorted(covered)


def test_one_whole_month_is_one_monthly_row():
    assert split_range(_d("2026-11-01"), _d("2026-11-30")) == Split(
        (_d("2026-11-01"), _d("2026-11-01")), ())


def test_a_single_day_reads_the_daily_rollup():
    assert split_range(_d("2026-11-01"), _d("2026-11-01")) == Split(
        None, ((_d("2026-11-01"), _d("2026-11-01")),))
    # The last day of a month is not its whole month either.
    assert split_range(_d("2026-11-30"), _d("2026-11-30")).months is None


def test_a_range_within_one_month_reads_days_only():
    assert split_range(_d("2026-11-02"), _d("2026-11-30")) == Split(
        None, ((_d("2026-11-02"), _d("2026-11-30")),))
    assert split_range(_d("2026-11-01"), _d("2026-11-29")) == Split(
        None, ((_d("2026-11-01"), _d("2026-11-29")),))


def test_two_partial_months_with_no_whole_one_between():
    """31 Oct to 1 Nov crosses a month edge but holds no whole month."""
    assert split_range(_d("2026-10-31"), _d("2026-11-01")) == Split(
        None, ((_d("2026-10-31"), _d("2026-11-01")),))


def test_partial_months_at_both_ends():
    assert split_range(_d("2025-11-23"), _d("2026-11-22")) == Split(
        (_d("2025-12-01"), _d("2026-10-01")),
        ((_d("2025-11-23"), _d("2025-11-30")), (_d("2026-11-01"), _d("2026-11-22"))))


def test_whole_months_at_either_end_leave_no_days():
    assert split_range(_d("2026-01-01"), _d("2026-03-15")) == Split(
        (_d("2026-01-01"), _d("2026-02-01")), ((_d("2026-03-01"), _d("2026-03-15")),))
    assert split_range(_d("2026-01-15"), _d("2026-03-31")) == Split(
        (_d("2026-02-01"), _d("2026-03-01")), ((_d("2026-01-15"), _d("2026-01-31")),))


def test_year_edges():
    assert split_range(_d("2025-12-01"), _d("2026-01-31")) == Split(
        (_d("2025-12-01"), _d("2026-01-01")), ())
    assert split_range(_d("2025-12-31"), _d("2026-01-01")).months is None


@pytest.mark.parametrize(("end", "whole"), [("2024-02-29", True), ("2024-02-28", False),
                                             ("2023-02-28", True), ("2100-02-28", True)])
def test_february_of_leap_and_common_years(end, whole):
    """2024 is leap (29 days), 2023 and 2100 are not (28): whole only up to its last day."""
    split = split_range(_d(end).replace(day=1), _d(end))
    assert (split.months is not None) is whole
    assert split.days == (() if whole else ((_d(end).replace(day=1), _d(end)),))


def test_leap_day_as_an_edge():
    assert split_range(_d("2024-02-29"), _d("2024-03-31")) == Split(
        (_d("2024-03-01"), _d("2024-03-01")), ((_d("2024-02-29"), _d("2024-02-29")),))


def test_a_backwards_range_is_refused():
    with pytest.raises(ValueError, match="before it starts"):
        split_range(_d("2026-11-02"), _d("2026-11-01"))


def test_random_ranges_are_covered_exactly_once():
    """Whatever the range, the pieces cover each of its days once and nothing else."""
    rng = random.Random(7)
    for _ in range(2000):
        start = date(2023, 1, 1) + timedelta(days=rng.randrange(1200))
        end = start + timedelta(days=rng.choice((0, 1, 27, 28, 29, 30, 31, rng.randrange(800))))
        split = split_range(start, end)
        assert _days_covered(split) == [start + timedelta(days=n)
                                        for n in range((end - start).days + 1)]
        assert all(first.day == 1 for first in (split.months or ()))
        assert all(first <= last for first, last in split.days) and len(split.days) <= 2
