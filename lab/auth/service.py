"""Signing in: password check, deactivated users and the failed-login throttle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.accounts.passwords import verify_password
from lab.accounts.services import find_user, normalise_login
from lab.auth.models import LoginAttempt
from lab.auth.throttle import retry_after
from lab.db import utcnow

KEEP_ATTEMPTS = timedelta(days=2)


@dataclass(frozen=True)
class Limits:
    """How many failures per account and per address a window allows."""

    window: timedelta
    per_account: int
    per_address: int


@dataclass(frozen=True)
class LoginOutcome:
    """The user when the login succeeded, else why not (and how long to wait)."""

    user: User | None = None
    error: str | None = None  # "invalid" | "inactive" | "throttled"
    retry_after: int | None = None


def _failures(session: Session, column, value: str, since: datetime) -> list[datetime]:
    query = select(LoginAttempt.at).where(
        column == value, LoginAttempt.ok.is_(False), LoginAttempt.at > since
    )
    return list(session.scalars(query))


def attempt_login(
    session: Session, login: str, password: str, address: str, limits: Limits,
    now: datetime | None = None,
) -> LoginOutcome:
    """Check a login; records the attempt. The caller commits."""
    now = now or utcnow()
    login = normalise_login(login)[:40]
    since = now - limits.window
    waits = [
        retry_after(_failures(session, LoginAttempt.login, login, since), now,
                    limits.per_account, limits.window),
        retry_after(_failures(session, LoginAttempt.address, address, since), now,
                    limits.per_address, limits.window),
    ]
    wait = max((w for w in waits if w), default=None)
    if wait:
        # No password check while blocked: guessing gets no answer at all.
        return LoginOutcome(error="throttled", retry_after=wait)
    user = find_user(session, login)
    ok = verify_password(user.password_hash if user else None, password)
    session.add(LoginAttempt(login=login, address=address[:64], at=now, ok=ok))
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP_ATTEMPTS))
    if not ok or user is None:
        return LoginOutcome(error="invalid")
    if not user.active:
        return LoginOutcome(error="inactive")
    user.last_login_at = now
    return LoginOutcome(user=user)
