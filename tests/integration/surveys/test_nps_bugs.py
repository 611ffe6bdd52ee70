"""The NPS bugs of other products, end to end: from the store (or a push) to the report."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lab.surveys.ingest import ingest, load_context
from lab.surveys.sync import sync_once
from lab.tnps.report import report
from lab.tnps.tally import Tally
from tests.integration.surveys.rows import (
    quarantine_reasons,
    recount,
    rollup_tally,
    signed_post,
    store_row,
    stored_ids,
)

DAY = date(2026, 11, 20)


def _agent_a(db) -> dict:
    db.rollback()
    rows = [row.to_row() for row in report(db, "agent", DAY, DAY) if row.key == "agent_a"]
    return rows[0]


@pytest.mark.parametrize("score", [6.5, 8.5, "8.5"])
def test_between_buckets_scores_are_refused_and_quarantined(world, db, store, sessions,
                                                            settings, score):
    """6.5 and 8.5 fall between buckets: refused, quarantined, not in n."""
    store.append([store_row(score=score), store_row(score=9)])
    result = sync_once(sessions, store, settings)
    assert (result.taken, result.quarantined) == (1, 1)
    assert quarantine_reasons(db) == ["bad_score"]
    assert _agent_a(db)["n"] == 1


@pytest.mark.parametrize("score", [6.5, 8.5, 7.0, "9.0", True, [9], {"value": 9}])
def test_pushed_non_whole_scores_are_refused(client, world, db, score):
    """JSON keeps what a store column might round: 7.0 or true is no score either."""
    data = signed_post(client, [store_row(score=score), store_row(score=9)]).get_json()
    assert (data["taken"], data["quarantined"]) == (1, 1)
    assert quarantine_reasons(db) == ["bad_score"]
    assert _agent_a(db)["n"] == 1


@pytest.mark.parametrize("score", [-1, 11, 100])
def test_out_of_range_scores_are_quarantined(world, db, store, sessions, settings, score):
    """Negative or above 10: quarantined, in no bucket and not in n."""
    store.append([store_row(score=score)])
    assert sync_once(sessions, store, settings).quarantined == 1
    assert quarantine_reasons(db) == ["bad_score"]
    assert _agent_a(db)["n"] == 0 and _agent_a(db)["tnps"] is None


def test_dismissed_answers_are_not_in_the_denominator(world, db, store, sessions, settings):
    """Two promoters and three dismissed surveys (score NULL in the store): TNPS is +100
    over n = 2, not +40 over n = 5; the dismissed rows are kept, never counted."""
    store.append([store_row(score=10), store_row(score=9),
                  store_row(score=None), store_row(score=None, comment="позвоните мне")])
    store.append([store_row(score=None)])
    result = sync_once(sessions, store, settings)
    assert (result.taken, result.quarantined) == (2, 3)
    assert quarantine_reasons(db) == ["dismissed"] * 3
    row = _agent_a(db)
    assert (row["n"], row["tnps"]) == (2, 100.0)
    assert rollup_tally(db) == recount(db) == Tally(promoters=2)


def test_empty_text_score_from_a_push_counts_nowhere(client, world, db):
    """An empty or blank score is no answer, whatever the channel brought it."""
    data = signed_post(client, [store_row(score=""), store_row(score="  ")]).get_json()
    assert data["quarantined"] == 2 and data["taken"] == 0
    assert quarantine_reasons(db) == ["dismissed", "dismissed"]


def test_a_non_nps_question_is_not_treated_as_nps(world, db, settings):
    """A row for another question of the SMS survey (a 1-5 CSAT, a yes/no) is refused even
    with a score that would fit 0-10; the TNPS question itself is accepted."""
    rows = [store_row(question="csat", score=4), store_row(question="resolved", score=1),
            store_row(question="tnps", score=9), store_row(score=9)]
    result = ingest(db, rows, "push", load_context(db, settings))
    db.commit()
    assert (result.taken, result.quarantined) == (2, 2)
    assert quarantine_reasons(db) == ["not_nps_question"] * 2
    assert _agent_a(db)["n"] == 2


def test_quarantine_keeps_the_raw_row(world, db, store, sessions, settings):
    """The admin sees what the platform wrote, not our reading of it."""
    from sqlalchemy import select

    from lab.surveys.models import QuarantinedRow

    store.append([store_row(response_id="bad-1", score=6.5, comment="ну такое")])
    sync_once(sessions, store, settings)
    db.rollback()
    held = db.scalar(select(QuarantinedRow))
    raw = json.loads(held.raw)
    assert raw["score"] == 6.5 and raw["comment"] == "ну такое"
    assert (held.source, held.field, held.response_id) == ("sync", "score", "bad-1")
    assert "6.5" in held.detail
    assert stored_ids(db) == []
