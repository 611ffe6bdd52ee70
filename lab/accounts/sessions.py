"""Server-side sessions: each sign-in is a row, so sign-out and an admin can end it.

The signed cookie (and the remember-me cookie) carry "user_id.epoch.token". A session
counts only while its row exists and has not expired, and while the user's epoch is
the one it was opened with: deleting the row ends one session, bumping the epoch (or
deleting every row) ends them all. Plain functions over a SQLAlchemy session.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from lab.accounts.models import User, UserSession
from lab.db import utcnow

# A browser session lasts a working day; "keep me signed in" two weeks, not Flask-Login's
# default of a year.
SESSION_LIFETIME = timedelta(hours=12)
REMEMBER_LIFETIME = timedelta(days=14)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class SessionId:
    """What the cookie holds, parsed."""

    user_id: int
    epoch: int
    token: str

    def __str__(self) -> str:
        return f"{self.user_id}.{self.epoch}.{self.token}"

    @classmethod
    def parse(cls, text: str) -> SessionId | None:
        parts = text.split(".")
        if len(parts) != 3 or not all(part.isascii() and part for part in parts):
            return None
        raw_id, raw_epoch, token = parts
        if not (raw_id.isdigit() and raw_epoch.isdigit()) or len(raw_id) > 18 \
                or len(raw_epoch) > 18 or len(token) > 100:
            return None
        return cls(int(raw_id), int(raw_epoch), token)


def open_session(db: Session, user: User, remember: bool, now: datetime | None = None
                 ) -> SessionId:
    """A new session for user (the caller commits); old expired rows are swept."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    lifetime = REMEMBER_LIFETIME if remember else SESSION_LIFETIME
    db.execute(delete(UserSession).where(UserSession.expires_at < now))
    db.add(UserSession(user_id=user.id, token_hash=_hash(token), remember=remember,
                       created_at=now, expires_at=now + lifetime))
    return SessionId(user.id, user.session_epoch, token)


def find_session(db: Session, sid: SessionId, now: datetime | None = None) -> UserSession | None:
    """The live row behind a cookie, or None when it was ended or has expired."""
    row = db.scalar(select(UserSession).where(UserSession.token_hash == _hash(sid.token)))
    if row is None or row.user_id != sid.user_id or row.expires_at <= (now or utcnow()):
        return None
    return row


# Built once: every page runs it, and building a statement with a join and five
# conditions cost more than running it.
_SIGNED_IN = (
    select(User).join(UserSession, UserSession.user_id == User.id)
    .where(User.id == bindparam("user_id"), User.session_epoch == bindparam("epoch"),
           User.active.is_(True), UserSession.token_hash == bindparam("token_hash"),
           UserSession.expires_at > bindparam("now")))


def signed_in_user(db: Session, sid: SessionId, now: datetime | None = None) -> User | None:
    """The active user behind a cookie, in one statement (every page asks): the session's
    row must be live and the user's epoch still the cookie's."""
    return db.scalar(_SIGNED_IN, {"user_id": sid.user_id, "epoch": sid.epoch,
                                  "token_hash": _hash(sid.token), "now": now or utcnow()})


def end_session(db: Session, token: str) -> None:
    """End one session (sign-out)."""
    db.execute(delete(UserSession).where(UserSession.token_hash == _hash(token)))


def end_all_sessions(db: Session, user: User) -> None:
    """End every session of user: its rows go and its epoch moves on."""
    db.execute(delete(UserSession).where(UserSession.user_id == user.id))
    user.session_epoch += 1


def open_count(db: Session, user: User, now: datetime | None = None) -> int:
    """How many sessions of user are open, for the admin's page."""
    rows = db.scalars(select(UserSession.id).where(
        UserSession.user_id == user.id, UserSession.expires_at > (now or utcnow())))
    return len(list(rows))
