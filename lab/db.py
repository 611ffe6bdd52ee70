"""Engine, sessions and the declarative base.

SQLite is the embedded default. It runs in WAL mode so readers never wait for the
writer, with a busy timeout so a writer waits for another instead of failing. A
transaction that reads and later writes must take the write lock at BEGIN
(`BEGIN IMMEDIATE`): a deferred one that read an older snapshot cannot be upgraded
when another worker committed in between, and fails at once with "database is
locked" whatever the busy timeout. So every request that may write (any method but
GET/HEAD/OPTIONS) and every `writing()` block begins IMMEDIATE; plain reads stay
deferred and run in parallel.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

from sqlalchemy import DateTime, Engine, MetaData, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

_write_intent: ContextVar[bool] = ContextVar("lab_write_intent", default=False)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every model; constraint names are fixed so migrations stay portable."""

    metadata = MetaData(naming_convention=NAMING)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def is_sqlite(url: str) -> bool:
    """True for the embedded database."""
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, busy_timeout_ms: int = 30_000) -> Engine:
    """An engine for `url`; SQLite gets WAL, a busy timeout and IMMEDIATE writes."""
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        # Autocommit at the driver level: SQLAlchemy's "begin" event below says BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if _write_intent.get() else "BEGIN")

    return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (views render after saving)."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def writing() -> Iterator[None]:
    """Mark transactions begun inside as writers, so SQLite takes the lock at BEGIN."""
    token = _write_intent.set(True)
    try:
        yield
    finally:
        _write_intent.reset(token)


@contextmanager
def reading() -> Iterator[None]:
    """Mark transactions begun inside as readers (deferred, no lock), even in a request
    that may write later: a slow step between reads and writes must not hold the lock."""
    token = _write_intent.set(False)
    try:
        yield
    finally:
        _write_intent.reset(token)


def set_write_intent(value: bool):
    """Set the intent for the current context (a request); returns a token to reset it."""
    return _write_intent.set(value)


def reset_write_intent(token) -> None:
    """Undo `set_write_intent`."""
    _write_intent.reset(token)


# SQLite's statistics are refreshed once the answers outgrow what they describe by this
# factor (about 3 ms with the analysis limit below, whatever the table's size).
STATISTICS_GROWTH = 2
_ANALYSIS_LIMIT = 400


def keep_statistics(session: Session) -> None:
    """Refresh SQLite's planner statistics when it has none or the answers have grown.

    Without statistics SQLite picks among indexes that start with the same column by a
    guess: the comment count of My TNPS then walked a long history through the
    answered-at index, checking each row for a comment (38 ms at 35k answers), instead of
    counting the partial comment index (1.4 ms). Called after answers are stored; ANALYZE
    runs inside the caller's write transaction, so its statistics commit with the rows
    that changed them. The check is three one-row lookups. PostgreSQL keeps its own
    statistics (autovacuum); nothing is done there.
    """
    if session.get_bind().dialect.name != "sqlite":
        return
    newest = session.execute(text("SELECT max(id) FROM survey_responses")).scalar() or 0
    if not newest:
        return
    described = 0
    if session.execute(text(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")).first() is not None:
        # Each index's line starts with the rows it saw (a partial index: fewer).
        described = session.execute(text(
            "SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1"
            " WHERE tbl = 'survey_responses'")).scalar() or 0
    if described and newest <= STATISTICS_GROWTH * described:
        return
    session.execute(text(f"PRAGMA analysis_limit={_ANALYSIS_LIMIT}"))
    session.execute(text("ANALYZE"))
