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
from lab.auth.throttle import growing_delay, retry_after
from lab.db import utcnow

KEEP_ATTEMPTS = timedelta(days=2)


@dataclass(frozen=True)
class Limits:
    """Failures allowed per address in a window, and the delays of one account and address.

    There is no lock per account: five wrong passwords from anywhere used to lock anyone
    out, the right password included. An (account, address) pair waits longer after each
    failure instead, and an address trying many accounts is stopped by per_address.
    """

    window: timedelta
    per_address: int
    free_per_pair: int = 3
    first_delay: timedelta = timedelta(seconds=2)
    max_delay: timedelta = timedelta(minutes=15)


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


def _pair_failures(session: Session, login: str, address: str, since: datetime
                   ) -> list[datetime]:
    """Failures of this login from this address since its last success in the window."""
    rows = session.execute(select(LoginAttempt.at, LoginAttempt.ok).where(
        LoginAttempt.login == login, LoginAttempt.address == address, LoginAttempt.at > since))
    attempts = sorted(rows)
    last_ok = max((at for at, ok in attempts if ok), default=None)
    return [at for at, ok in attempts if not ok and (last_ok is None or at > last_ok)]


def attempt_login(
    session: Session, login: str, password: str, address: str, limits: Limits,
    now: datetime | None = None,
) -> LoginOutcome:
    """Check a login; records the attempt. The caller commits."""
    now = now or utcnow()
    login = normalise_login(login)[:40]
    address = address[:64]
    since = now - limits.window
    waits = [
        growing_delay(_pair_failures(session, login, address, since), now,
                      limits.free_per_pair, limits.first_delay, limits.max_delay),
        retry_after(_failures(session, LoginAttempt.address, address, since), now,
                    limits.per_address, limits.window),
    ]
    wait = max((w for w in waits if w), default=None)
    if wait:
        # No password check while blocked: guessing gets no answer at all.
        return LoginOutcome(error="throttled", retry_after=wait)
    user = find_user(session, login)
    ok = verify_password(user.password_hash if user else None, password)
    session.add(LoginAttempt(login=login, address=address, at=now, ok=ok))
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP_ATTEMPTS))
    if not ok or user is None:
        return LoginOutcome(error="invalid")
    if not user.active:
        return LoginOutcome(error="inactive")
    user.last_login_at = now
    return LoginOutcome(user=user)
