"""One customer, one voice: the store's customer_key, hashed, and the window rule.

Runs on SQLite and, with the PostgreSQL pass, on PostgreSQL (app database and store).
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select, text

from lab.surveys.models import SurveyResponse
from lab.surveys.settings import CustomerRule
from lab.surveys.store import SurveyStore, layout_table
from lab.surveys.sync import sync_once
from lab.tnps.tally import Tally
from tests.integration.surveys.rows import rollup_tally, signed_post, sms_row, store_row


def _marks(db) -> dict[str, int | None]:
    """response_id -> the response_id of the answer counted instead (None: counted)."""
    db.rollback()
    rows = db.execute(select(SurveyResponse.id, SurveyResponse.response_id,
                             SurveyResponse.repeat_of)).all()
    by_id = {row.id: row.response_id for row in rows}
    return {row.response_id: by_id.get(row.repeat_of) if row.repeat_of else None
            for row in rows}


def _at(day: str) -> dict[str, str]:
    return {"call_ended_at": f"{day}T10:00:00+03:00", "answered_at": f"{day}T10:01:00+03:00"}


def test_a_customer_counts_once_within_the_window(world, db, store, sessions, settings):
    """Three answers of one customer in two months count once; the key is not kept."""
    assert store.has_customer_key  # the bundled layout has the column
    store.append([
        store_row(response_id="c1-a", customer_key="+7 900 111-22-33", score=10,
                  **_at("2026-09-01")),
        store_row(response_id="c1-b", customer_key="+7 900 111-22-33", score=2,
                  **_at("2026-10-01")),
        sms_row(response_id="c1-c", customer_key="+7 900 111-22-33", score=9),
        store_row(response_id="c2", customer_key="acct-42", score=3),
        store_row(response_id="none", score=8),
    ])
    report = sync_once(sessions, store, settings)
    assert report.taken == 5
    assert _marks(db) == {"c1-a": None, "c1-b": "c1-a", "c1-c": "c1-a", "c2": None,
                          "none": None}
    assert rollup_tally(db) == Tally(promoters=1, passives=1, detractors=1)
    stored = db.scalars(select(SurveyResponse.customer_hash)
                        .where(SurveyResponse.response_id == "c1-a")).one()
    assert len(stored) == 64 and "900" not in stored  # a keyed hash, not the number
    dump = " ".join(str(v) for row in db.execute(text("SELECT * FROM survey_responses"))
                    for v in row)
    assert "111-22-33" not in dump and "acct-42" not in dump


def test_after_the_window_the_customer_counts_again(world, db, store, sessions, settings):
    store.append([
        store_row(response_id="old", customer_key="k", score=10, **_at("2026-01-10")),
        store_row(response_id="new", customer_key="k", score=0, **_at("2026-11-10")),
    ])
    sync_once(sessions, store, settings)
    assert _marks(db) == {"old": None, "new": None}
    assert rollup_tally(db) == Tally(promoters=1, detractors=1)


def test_the_latest_rule_takes_back_an_answer_counted_before(world, db, store, sessions,
                                                             settings):
    """With `latest`, a newer answer replaces the counted one, in the rollup too."""
    latest = replace(settings, customer=replace(settings.customer, keep="latest"))
    store.append([store_row(response_id="first", customer_key="k", score=10,
                            **_at("2026-10-01"))])
    sync_once(sessions, store, latest)
    assert rollup_tally(db) == Tally(promoters=1)
    store.append([store_row(response_id="second", customer_key="k", score=1,
                            **_at("2026-11-01"))])
    sync_once(sessions, store, latest)
    assert _marks(db) == {"first": "second", "second": None}
    assert rollup_tally(db) == Tally(detractors=1)


def test_arrival_order_does_not_change_which_answer_counts(world, db, store, sessions,
                                                           settings):
    """An earlier call's answer that arrives later still is the first one."""
    store.append([store_row(response_id="later-call", customer_key="k", score=1,
                            **_at("2026-11-01"))])
    sync_once(sessions, store, settings)
    store.append([store_row(response_id="earlier-call", customer_key="k", score=10,
                            **_at("2026-10-20"))])
    sync_once(sessions, store, settings)
    assert _marks(db) == {"later-call": "earlier-call", "earlier-call": None}
    assert rollup_tally(db) == Tally(promoters=1)


def test_pushed_answers_follow_the_same_rule(world, db, client, app):
    first = store_row(response_id="p1", customer_key="k9", score=10, **_at("2026-11-01"))
    second = store_row(response_id="p2", customer_key="k9", score=0, **_at("2026-11-02"))
    assert signed_post(client, [first, second]).status_code == 200
    assert _marks(db) == {"p1": None, "p2": "p1"}
    assert rollup_tally(db) == Tally(promoters=1)


def test_a_bad_customer_key_is_quarantined_with_its_reason(world, db, store, sessions,
                                                           settings):
    store.append([store_row(customer_key="x" * 500)])
    report = sync_once(sessions, store, settings)
    assert report.quarantined == 1
    db.rollback()
    assert db.scalar(text("SELECT reason FROM quarantine")) == "bad_customer_key"


def test_a_store_without_the_column_syncs_as_before(world, db, settings, sessions):
    """The old layout (no customer_key): same rows, same counts, nothing marked."""
    old = SurveyStore.from_settings(settings)
    with old.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS tnps_responses"))
    layout_table(settings.table, settings.columns, customer=False).create(old.engine)
    try:
        assert not old.has_customer_key
        rows = [store_row(score=10), store_row(score=7), sms_row(score=3),
                store_row(score=10), store_row(score=11)]
        old.append(rows)
        report = sync_once(sessions, old, settings)
        assert (report.seen, report.taken, report.quarantined) == (5, 4, 1)
        assert rollup_tally(db) == Tally(promoters=2, passives=1, detractors=1)
        db.rollback()
        assert set(db.scalars(select(SurveyResponse.customer_hash))) == {None}
        assert set(db.scalars(select(SurveyResponse.repeat_of))) == {None}
    finally:
        old.dispose()


def test_a_mapped_customer_column_is_read(world, db, sessions, settings):
    """customer_key is mappable like the other columns."""
    mapped = replace(settings, columns={**settings.columns, "customer_key": "msisdn"})
    store = SurveyStore.from_settings(mapped)
    with store.engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS tnps_responses"))
    store.create()
    try:
        assert store.has_customer_key
        store.append([store_row(response_id="m1", customer_key="k", **_at("2026-11-01")),
                      store_row(response_id="m2", customer_key="k", **_at("2026-11-03"))])
        sync_once(sessions, store, mapped)
        assert _marks(db) == {"m1": None, "m2": "m1"}
    finally:
        store.dispose()


def test_the_rule_settings_are_checked():
    import pytest

    from lab.surveys.settings import customer_rule_from
    with pytest.raises(ValueError, match="'first' or 'latest'"):
        customer_rule_from({"CUSTOMER_RULE": "middle"})
    with pytest.raises(ValueError, match="at least 1"):
        customer_rule_from({"CUSTOMER_WINDOW_DAYS": "0"})
    assert customer_rule_from({}) == CustomerRule(183, "first", customer_rule_from({}).secret)


def test_rebuild_applies_a_changed_rule_to_what_is_stored(app, world, db, store, sessions,
                                                          settings):
    """`lab tnps rebuild` after LAB_CUSTOMER_RULE changed: the other answer counts now."""
    from lab.cli import cli

    store.append([store_row(response_id="a", customer_key="k", score=10, **_at("2026-10-01")),
                  store_row(response_id="b", customer_key="k", score=0, **_at("2026-10-05"))])
    sync_once(sessions, store, settings)
    assert rollup_tally(db) == Tally(promoters=1)
    app.config["CUSTOMER_RULE"] = "latest"
    result = app.test_cli_runner().invoke(cli, ["tnps", "rebuild"], catch_exceptions=False)
    assert result.exit_code == 0
    assert _marks(db) == {"a": "b", "b": None}
    assert rollup_tally(db) == Tally(detractors=1)


def test_writers_at_once_count_a_customer_once(world, db, sessions, settings):
    """Eight pushes at once, each a different answer of the same three customers: each
    customer still counts once (the bucket lock on PostgreSQL, the write lock on SQLite)."""
    import threading

    from lab.db import writing
    from lab.surveys.ingest import ingest, load_context

    with sessions() as session:
        ctx = load_context(session, settings)
    start = threading.Barrier(8)
    errors = []

    def push(number: int) -> None:
        rows = [store_row(response_id=f"w{number}-{key}", customer_key=key, score=9,
                          **_at(f"2026-11-{10 + number:02d}")) for key in ("k1", "k2", "k3")]
        try:
            start.wait()
            with writing(), sessions() as session, session.begin():
                ingest(session, rows, "push", ctx)
        except Exception as exc:  # reported below: a thread's failure must fail the test
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    marks = _marks(db)
    assert len(marks) == 24
    assert sorted(key for key, counted_instead in marks.items() if counted_instead is None) \
        == ["w0-k1", "w0-k2", "w0-k3"]
    assert rollup_tally(db) == Tally(promoters=3)
