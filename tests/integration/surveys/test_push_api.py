"""POST /api/v1/surveys: signed pushes stored once; unsigned, stale or malformed refused."""

from __future__ import annotations

import json
import time

import pytest

from lab.surveys.push import sign
from lab.tnps.tally import Tally
from tests.integration.surveys.conftest import PUSH_SECRET, make_app
from tests.integration.surveys.rows import PUSH_URL as URL
from tests.integration.surveys.rows import (
    quarantine_reasons,
    recount,
    rollup_tally,
    signed_post,
    store_row,
    stored_ids,
)


def test_signed_push_is_stored_and_counted(client, world, db):
    """One object or a list; the answer holds the counts."""
    one = signed_post(client, store_row(response_id="p-1"))
    assert one.status_code == 200
    assert one.get_json() == {"seen": 1, "taken": 1, "duplicate": 0, "quarantined": 0,
                              "late": 0, "reprocessed": 0, "batches": 0, "rejected": []}
    many = signed_post(client, [
        store_row(response_id="p-2"), store_row(response_id="p-3", score=11),
        store_row(response_id="p-4", answered_at="2026-11-20T11:00:00+03:00"), "not a row"])
    assert many.status_code == 200
    data = many.get_json()
    assert (data["taken"], data["quarantined"], data["late"]) == (2, 2, 1)
    assert stored_ids(db) == ["p-1", "p-2", "p-4"]
    assert quarantine_reasons(db) == ["bad_score", "not_an_object"]
    assert rollup_tally(db) == recount(db) == Tally(promoters=2)  # daily and monthly


def test_replay_is_harmless(client, world, db):
    """The same signed request twice: stored once, the second answer says duplicate."""
    payload = [store_row(response_id="r-1"), store_row(response_id="r-2", score=6.5)]
    body = json.dumps(payload).encode()
    now = int(time.time())
    first = signed_post(client, None, body=body, at=now).get_json()
    second = signed_post(client, None, body=body, at=now).get_json()
    assert (first["taken"], first["quarantined"]) == (1, 1)
    assert (second["taken"], second["quarantined"], second["duplicate"]) == (0, 0, 2)
    assert stored_ids(db) == ["r-1"]
    assert quarantine_reasons(db) == ["bad_score"]


@pytest.mark.parametrize("skew", [-301, 301, -3600])
def test_outside_the_tolerance_is_refused(client, world, db, skew):
    """Five minutes either way, no more."""
    response = signed_post(client, store_row(), at=time.time() + skew)
    assert response.status_code == 401
    assert "tolerance" in response.get_json()["error"]
    assert stored_ids(db) == []


def test_inside_the_tolerance_is_accepted(client, world):
    """Four minutes of clock drift is fine."""
    assert signed_post(client, store_row(), at=time.time() - 240).status_code == 200


@pytest.mark.parametrize("headers", [
    {},
    {"X-Lab-Timestamp": "123"},
    {"X-Lab-Signature": "ab" * 32},
    {"X-Lab-Timestamp": "yesterday", "X-Lab-Signature": "ab" * 32},
])
def test_missing_or_garbled_headers_are_refused(client, world, db, headers):
    """No signature, no entry: 401 in JSON."""
    response = client.post(URL, json=store_row(), headers=headers)
    assert response.status_code == 401 and response.is_json
    assert stored_ids(db) == []


def test_wrong_secret_or_altered_body_is_refused(client, world, db):
    """A signature by another secret, or over another body, does not pass."""
    assert signed_post(client, store_row(), secret="other-secret").status_code == 401
    stamp = str(int(time.time()))
    signed = sign(PUSH_SECRET, stamp, b'{"score": 9}')
    altered = client.post(URL, data=b'{"score": 10}',
                          headers={"X-Lab-Timestamp": stamp, "X-Lab-Signature": signed})
    assert altered.status_code == 401
    assert altered.get_json()["error"] == "bad signature"
    assert stored_ids(db) == []


@pytest.mark.parametrize(("body", "reason"), [
    (b'{"score": ', "malformed JSON"),
    (b"\xff\xfe", "not UTF-8"),
    (b"42", "expected a JSON object or a list"),
])
def test_malformed_json_is_a_400_with_the_reason(client, world, body, reason):
    """Signed but unreadable: 400, and the reason in JSON."""
    response = signed_post(client, None, body=body)
    assert response.status_code == 400
    assert reason in response.get_json()["error"]


def test_no_secret_means_push_not_configured(database_url, store_url):
    """Without SURVEY_PUSH_SECRET the endpoint answers 503, whatever is sent."""
    app = make_app(database_url, store_url, SURVEY_PUSH_SECRET=None)
    response = app.test_client().post(URL, json=store_row())
    assert response.status_code == 503
    assert response.get_json()["error"] == "push not configured"
    app.extensions["lab.db"].engine.dispose()


def test_no_csrf_token_and_no_session_needed(client, world):
    """A platform has neither a session nor a CSRF token: the signature is enough."""
    response = signed_post(client, store_row())
    assert response.status_code == 200
