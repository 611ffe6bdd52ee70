"""Signing in: password check, deactivated users and the failed-login throttle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.accounts.passwords import verify_password
from lab.accounts.services import find_user, normalise_login
from lab.auth.models import LoginAttempt
from lab.auth.throttle import growing_delay, retry_after
from lab.db import reading, utcnow, writing

KEEP_ATTEMPTS = timedelta(days=2)
RECORD_LOCK = 1_300_013  # the PostgreSQL advisory lock that orders recording attempts


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


def _wait(session: Session, login: str, address: str, limits: Limits, now: datetime
          ) -> int | None:
    since = now - limits.window
    waits = [
        growing_delay(_pair_failures(session, login, address, since), now,
                      limits.free_per_pair, limits.first_delay, limits.max_delay),
        retry_after(_failures(session, LoginAttempt.address, address, since), now,
                    limits.per_address, limits.window),
    ]
    return max((w for w in waits if w), default=None)


def attempt_login(
    session: Session, login: str, password: str, address: str, limits: Limits,
    now: datetime | None = None,
) -> LoginOutcome:
    """Check a login and record the attempt; the caller commits.

    The argon2 check takes ~100-200 ms. On SQLite a write transaction holds the one write
    lock, so every push, sync and save would wait behind each sign-in: the check runs
    outside any transaction. Whatever the session holds is committed first (a sign-in has
    nothing pending), the throttle and the user are read in a deferred transaction that
    ends before the check, and the attempt is recorded in a short write transaction that
    is left open for the caller (a sign-in adds its session row to it, then commits).
    """
    now = now or utcnow()
    login = normalise_login(login)[:40]
    address = address[:64]
    if session.in_transaction():
        session.commit()
    with reading():
        wait = _wait(session, login, address, limits, now)
        user = None if wait else find_user(session, login)
        password_hash = user.password_hash if user else None
    session.commit()  # ends the read: nothing was written
    if wait:
        # No password check while blocked: guessing gets no answer at all.
        return LoginOutcome(error="throttled", retry_after=wait)
    ok = verify_password(password_hash, password)
    with writing():
        # Attempts recorded by parallel sign-ins during the check count too: a burst of
        # guesses sent at once is throttled like the same guesses sent one by one, and
        # the answer to a guess beyond the limit is withheld. SQLite's write lock already
        # orders these transactions; PostgreSQL is told to.
        if session.get_bind().dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": RECORD_LOCK})
        wait = _wait(session, login, address, limits, now)
        if wait:
            return LoginOutcome(error="throttled", retry_after=wait)
        session.add(LoginAttempt(login=login, address=address, at=now, ok=ok))
        session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - KEEP_ATTEMPTS))
        if not ok or user is None:
            return LoginOutcome(error="invalid")
        if not user.active:
            return LoginOutcome(error="inactive")
        user.last_login_at = now
    return LoginOutcome(user=user)
