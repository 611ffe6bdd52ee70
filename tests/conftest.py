"""Fixtures shared by every test: a migrated database per test, the app, clients, users.

The app database is SQLite by default and PostgreSQL when LAB_TEST_DATABASE_URL is
set (the test command runs the suite both ways). The schema always comes from the
Alembic migrations, never from `create_all`.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from sqlalchemy import text

# Before the app is imported anywhere: keep tests away from the real instance folder.
os.environ["LAB_INSTANCE_PATH"] = tempfile.mkdtemp(prefix="tnps-lab-test-")
os.environ.setdefault("LAB_SECRET_KEY", "test-secret-key")

from lab import create_app, migrate  # noqa: E402
from lab.db import make_engine  # noqa: E402
from lab.models import Base  # noqa: E402
from tests.factories import World, build_world  # noqa: E402
from tests.web import AuthActions  # noqa: E402

PG_URL = os.environ.get("LAB_TEST_DATABASE_URL")


def _reset_postgres(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(scope="session")
def migrated(tmp_path_factory) -> str:
    """A database migrated once per session: a template file (SQLite) or the PG schema."""
    if PG_URL:
        _reset_postgres(PG_URL)
        migrate.upgrade(PG_URL)
        return PG_URL
    path = tmp_path_factory.mktemp("template") / "lab.db"
    migrate.upgrade(f"sqlite:///{path}")
    return str(path)


@pytest.fixture
def database_url(migrated: str, tmp_path) -> str:
    """A fresh, migrated, empty database for one test."""
    if PG_URL:
        engine = make_engine(PG_URL)
        tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
        with engine.begin() as connection:
            connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
        engine.dispose()
        return PG_URL
    target = tmp_path / "lab.db"
    shutil.copy(migrated, target)
    return f"sqlite:///{target}"


def make_app(database_url: str, tmp_path, **extra):
    """The app on the test database, with CSRF on as in production (plus extra settings)."""
    return create_app({
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SURVEY_STORE_URL": f"sqlite:///{tmp_path / 'store.db'}",
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        **extra,
    })


@pytest.fixture
def app(database_url: str, tmp_path):
    """The app on the test database, with CSRF on as in production."""
    application = make_app(database_url, tmp_path)
    yield application
    application.extensions["lab.db"].engine.dispose()


@pytest.fixture
def db(app):
    """A session on the app's database, for arranging and checking data."""
    session = app.extensions["lab.db"].sessions()
    yield session
    session.close()


@pytest.fixture
def world(db) -> World:
    """Two teams (A led by lead_a, B by lead_b), their agents and an admin."""
    return build_world(db)


@pytest.fixture
def client(app):
    """A test client whose browser prefers English (messages are asserted in English)."""
    test_client = app.test_client()
    test_client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return test_client


@pytest.fixture
def runner(app):
    """A CLI runner bound to the app."""
    return app.test_cli_runner()


@pytest.fixture
def auth(client) -> AuthActions:
    """Log in and out through the real forms."""
    return AuthActions(client)
