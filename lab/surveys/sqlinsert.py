"""INSERT ... ON CONFLICT through the dialect's own construct (SQLite or PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_for(session: Session, table: Table):
    """The INSERT construct of the session's dialect, which knows ON CONFLICT."""
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise RuntimeError(f"the app database must be SQLite or PostgreSQL, not {name}")
