"""Alembic environment: the URL comes from the caller or from LAB_DATABASE_URL."""

from alembic import context

from lab import models  # noqa: F401  (fills the metadata)
from lab.db import Base, is_sqlite, make_engine

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = config.attributes.get("url")
    if url:
        return url
    from lab.config import from_environment

    return str(from_environment()["DATABASE_URL"])


def run_migrations_offline() -> None:
    url = _url()
    context.configure(url=url, target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=is_sqlite(url))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    url = _url()
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            if is_sqlite(url):
                # Batch mode rebuilds a table by dropping it: with foreign keys on, the
                # drop would cascade into every table that references it. Set outside
                # any transaction (the driver autocommits), where SQLite honours it.
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
            # SQLite: batch mode rebuilds tables for ALTERs it cannot do in place.
            context.configure(connection=connection, target_metadata=target_metadata,
                              render_as_batch=is_sqlite(url), compare_type=True)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
