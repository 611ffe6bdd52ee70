"""Follow-up statuses, closing rules and the SLA."""

from datetime import UTC, datetime, timedelta

import pytest

from lab.followup import rules
from lab.followup.rules import Case, FollowUpError, check_change, is_overdue, sla_stats

T0 = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_closing_needs_a_note_and_an_outcome():
    """Resolved and could-not-reach need both a note and an outcome."""
    for status in (rules.RESOLVED, rules.UNREACHABLE):
        with pytest.raises(FollowUpError, match="note"):
            check_change(status, "won_back", "  ")
        with pytest.raises(FollowUpError, match="outcome"):
            check_change(status, None, "called twice")
        check_change(status, "won_back", "called twice")


def test_open_statuses_take_no_outcome():
    """An outcome belongs to closing only."""
    check_change(rules.IN_PROGRESS, None, None)
    with pytest.raises(FollowUpError):
        check_change(rules.CALLED_BACK, "won_back", "x")


def test_unknown_values_are_refused():
    """Statuses and outcomes come from the lists."""
    with pytest.raises(FollowUpError):
        check_change("done", None, None)
    with pytest.raises(FollowUpError):
        check_change(rules.RESOLVED, "happy", "x")


def test_overdue_counts_from_the_answer():
    """Open past answered_at + SLA is overdue; closed in time is not."""
    assert not is_overdue(T0, None, T0 + timedelta(hours=47), 48)
    assert is_overdue(T0, None, T0 + timedelta(hours=49), 48)
    assert not is_overdue(T0, T0 + timedelta(hours=5), T0 + timedelta(days=9), 48)
    assert is_overdue(T0, T0 + timedelta(hours=50), T0 + timedelta(days=9), 48)


def test_sla_share_and_won_back():
    """Share in time counts cases already due; won back counts the outcome."""
    now = T0 + timedelta(days=10)
    cases = [
        Case(T0, rules.RESOLVED, T0 + timedelta(hours=3), "won_back"),
        Case(T0, rules.UNREACHABLE, T0 + timedelta(hours=60), "no_answer"),
        Case(T0, rules.NEW, None, None),                      # open and overdue
        Case(now - timedelta(hours=1), rules.NEW, None, None),  # not due yet
    ]
    stats = sla_stats(cases, now, 48)
    assert (stats.due, stats.closed_in_time, stats.open_overdue) == (3, 1, 1)
    assert stats.won_back == 1 and stats.closed == 2
    assert stats.share_in_time == pytest.approx(1 / 3)


def test_no_share_before_anything_is_due():
    """With nothing due, the share is unknown rather than 0% or 100%."""
    assert sla_stats([], T0, 48).share_in_time is None
