"""Finishing an attempt: the loyalty code, stars, bonus XP and badges."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.content import Content
from lab.db import utcnow
from lab.training import badges as badge_rules
from lab.training import progress
from lab.training.models import Attempt, Badge
from lab.training.state import (
    best_attempts,
    chapters_read,
    codex_done,
    finished_attempts,
    profile_of,
)


@dataclass(frozen=True)
class Finish:
    """What finishing gave: the code, stars, bonus XP and the badges new this time."""

    code: float | None
    stars: int
    bonus_xp: int
    new_badges: tuple[str, ...]


def finish(session: Session, user: User, attempt: Attempt, content: Content,
           marks: Sequence[float]) -> Finish:
    """Close the attempt once every step has a reply."""
    previous_best = best_attempts(finished_attempts(session, user)).get(attempt.sector_id)
    held_stars = previous_best.stars if previous_best else 0
    attempt.loyalty_code = progress.loyalty_code(r.rating for r in attempt.replies)
    attempt.stars = progress.stars_for(attempt.loyalty_code, marks)
    bonus = progress.sector_bonus_xp(attempt.stars, held_stars)
    attempt.xp = sum(r.xp for r in attempt.replies) + bonus
    attempt.finished_at = utcnow()
    profile_of(session, user).xp += bonus
    session.flush()
    new = award_badges(session, user, content)
    return Finish(attempt.loyalty_code, attempt.stars, bonus, new)


def award_badges(session: Session, user: User, content: Content) -> tuple[str, ...]:
    """Give every badge the history now deserves; return the ones new this time."""
    all_attempts = list(session.scalars(
        select(Attempt).where(Attempt.user_id == user.id).order_by(Attempt.id)))
    finished = [
        badge_rules.FinishedAttempt(a.sector_id, tuple(r.rating for r in a.replies), a.stars)
        for a in all_attempts if a.finished_at is not None
    ]
    deserved = badge_rules.earned(
        [(a.sector_id, [r.rating for r in a.replies]) for a in all_attempts], finished,
        sector_count=len(content.sectors),
        codex_done=codex_done(chapters_read(session, user), content))
    held = set(session.scalars(select(Badge.code).where(Badge.user_id == user.id)))
    new = tuple(code for code in badge_rules.BADGES if code in deserved - held)
    for code in new:
        session.add(Badge(user_id=user.id, code=code))
    return new
