"""The follow-up's statuses, outcomes, what closing needs, and the SLA (plain rules)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

NEW, IN_PROGRESS, CALLED_BACK, RESOLVED, UNREACHABLE = (
    "new", "in_progress", "called_back", "resolved", "unreachable")
STATUSES: tuple[str, ...] = (NEW, IN_PROGRESS, CALLED_BACK, RESOLVED, UNREACHABLE)
CLOSED: frozenset[str] = frozenset({RESOLVED, UNREACHABLE})
OPEN: frozenset[str] = frozenset(STATUSES) - CLOSED

WON_BACK = "won_back"
OUTCOMES: tuple[str, ...] = (WON_BACK, "problem_fixed", "explained", "not_fixed", "no_answer")
DEFAULT_SLA_HOURS = 48
NOTE_MAX = 2000


class FollowUpError(ValueError):
    """A change the rules refuse, with the reason to show the lead."""


def check_change(status: str, outcome: str | None, note: str | None) -> None:
    """Refuse an unknown status or outcome, and closing without a note and an outcome."""
    if status not in STATUSES:
        raise FollowUpError(f"unknown status {status!r}")
    if outcome and outcome not in OUTCOMES:
        raise FollowUpError(f"unknown outcome {outcome!r}")
    if note and len(note) > NOTE_MAX:
        raise FollowUpError(f"the note is longer than {NOTE_MAX} characters")
    if status in CLOSED:
        # Closing the loop means knowing what happened: a closed case explains itself.
        if not (note and note.strip()):
            raise FollowUpError("a note is required to close a follow-up")
        if not outcome:
            raise FollowUpError("an outcome is required to close a follow-up")
    elif outcome:
        raise FollowUpError("an outcome is given only when closing")


def due_at(answered_at: datetime, sla_hours: int) -> datetime:
    """When the follow-up should be closed: hours after the customer answered."""
    return answered_at + timedelta(hours=sla_hours)


def is_overdue(answered_at: datetime, closed_at: datetime | None, now: datetime,
               sla_hours: int) -> bool:
    """Open past its due time, or closed after it."""
    return (closed_at or now) > due_at(answered_at, sla_hours)


@dataclass(frozen=True)
class Case:
    """The little the SLA figures need from one follow-up."""

    answered_at: datetime
    status: str
    closed_at: datetime | None
    outcome: str | None


@dataclass(frozen=True)
class SlaStats:
    """Closed within the SLA among the cases already due, and customers won back."""

    due: int
    closed_in_time: int
    open_overdue: int
    closed: int
    won_back: int

    @property
    def share_in_time(self) -> float | None:
        """Share (0-1) of due cases closed within the SLA; None when none is due yet."""
        return None if self.due == 0 else self.closed_in_time / self.due


def sla_stats(cases: Iterable[Case], now: datetime, sla_hours: int) -> SlaStats:
    """Count cases: a case is 'due' once closed or once its SLA has run out."""
    due = in_time = open_overdue = closed = won = 0
    for case in cases:
        deadline = due_at(case.answered_at, sla_hours)
        if case.status in CLOSED and case.closed_at is not None:
            closed += 1
            due += 1
            in_time += case.closed_at <= deadline
            won += case.outcome == WON_BACK
        elif now > deadline:
            due += 1
            open_overdue += 1
    return SlaStats(due=due, closed_in_time=in_time, open_overdue=open_overdue,
                    closed=closed, won_back=won)
