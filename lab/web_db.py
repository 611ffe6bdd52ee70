"""The database inside the web app: one session per request, write intent by method."""

from __future__ import annotations

import os
import weakref

from flask import Flask, g, request
from sqlalchemy.orm import Session

from lab import db

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
EXTENSION = "lab.db"


class Database:
    """The engine and session factory that an app uses."""

    def __init__(self, url: str, busy_timeout_ms: int) -> None:
        self.url = url
        self.engine = db.make_engine(url, busy_timeout_ms=busy_timeout_ms)
        self.sessions = db.make_sessionmaker(self.engine)


def init_app(app: Flask) -> Database:
    """Create the engine and tie a session's life to the request."""
    database = Database(app.config["DATABASE_URL"], app.config["SQLITE_BUSY_TIMEOUT_MS"])
    app.extensions[EXTENSION] = database
    engine = weakref.ref(database.engine)

    def _forget_parent_connections() -> None:
        # gunicorn --preload builds the app once and forks the workers: a connection the
        # parent opened must never be shared, so each child starts with an empty pool
        # (close=False leaves the parent's connections to the parent).
        found = engine()
        if found is not None:
            found.dispose(close=False)

    os.register_at_fork(after_in_child=_forget_parent_connections)

    @app.before_request
    def _intent() -> None:
        g.lab_write_token = db.set_write_intent(request.method not in SAFE_METHODS)

    @app.teardown_request
    def _reset_intent(_exc: BaseException | None) -> None:
        token = g.pop("lab_write_token", None)
        if token is not None:
            db.reset_write_intent(token)

    @app.teardown_appcontext
    def _close(_exc: BaseException | None) -> None:
        session: Session | None = g.pop("lab_db_session", None)
        if session is not None:
            session.close()

    return database


def get_session() -> Session:
    """The current request's session (opened on first use)."""
    session = g.get("lab_db_session")
    if session is None:
        from flask import current_app

        session = current_app.extensions[EXTENSION].sessions()
        g.lab_db_session = session
    return session
