"""An external store: another table name, other column names, native column types."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    Table,
    Text,
    insert,
)

from lab.db import is_sqlite
from lab.surveys.settings import settings_from
from lab.surveys.store import SurveyStore
from lab.surveys.sync import sync_once
from tests.integration.surveys.conftest import make_app
from tests.integration.surveys.rows import quarantine_reasons, stored_ids

MAPPING = {
    "id": "seq", "response_id": "answer_uuid", "call_id": "call_ref",
    "agent_login": "operator", "channel": "survey_kind", "call_ended_at": "hangup_at",
    "sent_at": "sms_sent", "answered_at": "replied_at", "score": "nps_value",
    "comment": "verbatim",
}


def _their_table(url: str) -> Table:
    """Their DDL: timestamptz and numeric on PostgreSQL, text where SQLite has no types."""
    stamp = Text() if is_sqlite(url) else DateTime(timezone=True)
    id_type = Integer() if is_sqlite(url) else BigInteger()
    return Table(
        "nps_feed", MetaData(),
        Column("seq", id_type, primary_key=True, autoincrement=True),
        Column("answer_uuid", Text, unique=True), Column("call_ref", Text),
        Column("operator", Text), Column("survey_kind", Text), Column("hangup_at", stamp),
        Column("sms_sent", stamp), Column("replied_at", stamp),
        Column("nps_value", Numeric(asdecimal=False)), Column("verbatim", Text),
        Column("their_own_column", Text),
    )


def _stamp(url: str, moment: datetime):
    return moment.isoformat() if is_sqlite(url) else moment


def test_sync_from_a_store_with_other_names(database_url, store_url, db, world):
    """SURVEY_STORE_TABLE and SURVEY_STORE_COLUMNS point the sync at their layout."""
    app = make_app(database_url, store_url, SURVEY_STORE_TABLE="nps_feed",
                   SURVEY_STORE_COLUMNS=json.dumps(MAPPING))
    settings = settings_from(app.config)
    table = _their_table(store_url)
    store = SurveyStore.from_settings(settings)
    table.metadata.create_all(store.engine)
    ended = datetime(2026, 11, 20, 9, 0, tzinfo=timezone(timedelta(hours=3)))
    rows = [
        {"answer_uuid": "ext-1", "call_ref": "c1", "operator": "agent_a", "survey_kind": "ivr",
         "hangup_at": _stamp(store_url, ended), "sms_sent": None,
         "replied_at": _stamp(store_url, ended + timedelta(minutes=1)), "nps_value": 10,
         "verbatim": "great", "their_own_column": "ignored"},
        {"answer_uuid": "ext-2", "call_ref": "c2", "operator": "agent_b", "survey_kind": "sms",
         "hangup_at": _stamp(store_url, ended), "sms_sent": _stamp(store_url, ended.astimezone(UTC)
                                                                   + timedelta(hours=1)),
         "replied_at": _stamp(store_url, ended + timedelta(hours=3)), "nps_value": 3,
         "verbatim": None, "their_own_column": None},
        {"answer_uuid": "ext-3", "call_ref": "c3", "operator": "agent_b", "survey_kind": "ivr",
         "hangup_at": _stamp(store_url, ended), "sms_sent": None,
         "replied_at": _stamp(store_url, ended + timedelta(minutes=2)), "nps_value": 8.5,
         "verbatim": None, "their_own_column": None},
    ]
    with store.engine.begin() as connection:
        connection.execute(insert(table), rows)
    try:
        report = sync_once(app.extensions["lab.db"].sessions, store, settings)
    finally:
        store.dispose()
        app.extensions["lab.db"].engine.dispose()
    assert (report.taken, report.quarantined) == (2, 1)
    assert stored_ids(db) == ["ext-1", "ext-2"]
    assert quarantine_reasons(db) == ["bad_score"]


def test_the_mapping_comes_from_the_environment(monkeypatch):
    """LAB_SURVEY_STORE_TABLE and LAB_SURVEY_STORE_COLUMNS (JSON) reach the settings."""
    from lab.config import from_environment

    monkeypatch.setenv("LAB_SURVEY_STORE_TABLE", "nps_feed")
    monkeypatch.setenv("LAB_SURVEY_STORE_COLUMNS", json.dumps({"score": "nps_value"}))
    monkeypatch.setenv("LAB_SURVEY_STORE_URL", "postgresql+psycopg://u:secret@db/feed")
    settings = settings_from(from_environment())
    store = SurveyStore.from_settings(settings)
    assert store.table.name == "nps_feed"
    assert store.table.c.score.name == "nps_value" and store.table.c.id.name == "id"
    assert store.identity == "postgresql+psycopg://u:***@db/feed#nps_feed"
    store.dispose()
