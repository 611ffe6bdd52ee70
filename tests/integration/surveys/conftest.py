"""Fixtures for the survey feed: a store (SQLite file, or PostgreSQL from LAB_TEST_STORE_URL),
the app pointed at it with a push secret, and a factory of valid store rows.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from lab import create_app
from lab.db import make_engine
from lab.surveys.settings import settings_from
from lab.surveys.store import SurveyStore

STORE_PG_URL = os.environ.get("LAB_TEST_STORE_URL")
PUSH_SECRET = "push-secret-for-tests"
STORE_TABLES = ("tnps_responses", "nps_feed")


def _reset_store(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in STORE_TABLES:
            connection.execute(text(f"DROP TABLE IF EXISTS {table}"))
    engine.dispose()


@pytest.fixture
def store_url(tmp_path) -> str:
    """The survey store for one test: PostgreSQL when LAB_TEST_STORE_URL is set, empty."""
    if STORE_PG_URL:
        _reset_store(STORE_PG_URL)
        return STORE_PG_URL
    return f"sqlite:///{tmp_path / 'survey_store.db'}"


def make_app(database_url: str, store_url: str, **extra):
    """The app on the test database and store, CSRF on, a push secret set."""
    return create_app({
        "TESTING": True,
        "DATABASE_URL": database_url,
        "SURVEY_STORE_URL": store_url,
        "SURVEY_PUSH_SECRET": PUSH_SECRET,
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "TIMEZONE": "Europe/Moscow",
        **extra,
    })


@pytest.fixture
def app(database_url: str, store_url: str):
    """The app of tests/conftest.py, but reading the store fixture and accepting pushes."""
    application = make_app(database_url, store_url)
    yield application
    application.extensions["lab.db"].engine.dispose()


@pytest.fixture
def settings(app):
    """The survey settings the app runs with."""
    return settings_from(app.config)


@pytest.fixture
def sessions(app):
    """The app database's session factory."""
    return app.extensions["lab.db"].sessions


@pytest.fixture
def store(settings):
    """The store, its table created."""
    survey_store = SurveyStore.from_settings(settings)
    survey_store.create()
    yield survey_store
    survey_store.dispose()
