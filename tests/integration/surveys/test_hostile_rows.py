"""Rows a feed should never send: each is quarantined with a reason, the good ones are kept.

Before: one such row failed a whole push with a 500, stopped the sync for good with an
OverflowError (the cursor never moved and the lag said 0) and made the CSV import print
a traceback and take nothing.
"""

from __future__ import annotations

import csv
import json
import time

import pytest

from lab.cli import cli
from lab.surveys.push import sign
from lab.surveys.settings import STORE_COLUMNS
from lab.surveys.sync import sync_once
from tests.integration.surveys.conftest import PUSH_SECRET
from tests.integration.surveys.rows import (
    PUSH_URL,
    quarantine_reasons,
    recount,
    rollup_tally,
    signed_post,
    status,
    store_row,
    stored_ids,
)
from tests.web import csrf_from

Y9999_END = {"call_ended_at": "9999-12-31T23:00:00+00:00",
             "answered_at": "9999-12-31T23:01:00+00:00"}
Y9999_WEST = {"answered_at": "9999-12-31T23:59:59-05:00"}
HOSTILE = [
    ("surrogate_response_id", {"response_id": "bad-\ud800"}),
    ("surrogate_comment", {"comment": "fine \udfff"}),
    ("nul_call_id", {"call_id": "call\x00x"}),
    ("huge_id", {"id": 10**20}),
    ("year_9999_end", Y9999_END),
    ("year_9999_west", Y9999_WEST),
    ("year_1_east", {"call_ended_at": "0001-01-01T00:00:00+05:00"}),
    ("huge_score", {"score": 10**30}),
]


def _hostile_rows(prefix: str) -> list[dict]:
    return [store_row(response_id=f"{prefix}-{name}", **change) if "response_id" not in change
            else store_row(**change) for name, change in HOSTILE]


def test_push_keeps_the_good_rows_and_names_the_bad(client, world, db):
    good = [store_row(response_id="good-1"), store_row(response_id="good-2", score=3)]
    bad = _hostile_rows("bad")
    response = signed_post(client, [good[0], *bad, good[1]])
    assert response.status_code == 200, response.get_data(as_text=True)
    data = response.get_json()
    assert (data["taken"], data["quarantined"]) == (2, len(bad))
    assert sorted(item["index"] for item in data["rejected"]) == list(range(1, len(bad) + 1))
    assert all(item["reason"] for item in data["rejected"])
    assert stored_ids(db) == ["good-1", "good-2"]
    assert len(quarantine_reasons(db)) == len(bad)
    assert rollup_tally(db) == recount(db)
    again = signed_post(client, [good[0], *bad, good[1]]).get_json()
    assert (again["taken"], again["quarantined"], again["duplicate"]) == (0, 0, len(bad) + 2)


def test_push_refuses_a_huge_timestamp_header_before_anything(client, world):
    body = json.dumps(store_row()).encode()
    stamp = "9" * 400
    response = client.post(PUSH_URL, data=body, headers={
        "X-Lab-Timestamp": stamp, "X-Lab-Signature": sign(PUSH_SECRET, stamp, body),
        "Content-Type": "application/json"})
    assert response.status_code == 401
    assert "unix seconds" in response.get_json()["error"]


@pytest.mark.parametrize("depth", [40, 3000, 100_000])
def test_push_refuses_deep_json_with_a_reason(client, world, db, depth):
    body = ("[" * depth + "]" * depth).encode()
    response = signed_post(client, None, body=body)
    assert response.status_code == 400
    assert "nested" in response.get_json()["error"]
    assert stored_ids(db) == []


def test_push_caps_the_body_and_the_rows(client, world, app):
    many = [store_row() for _ in range(5001)]
    response = signed_post(client, many)
    assert response.status_code == 413 and "rows" in response.get_json()["error"]
    body = b"[" + b" " * (1024 * 1024) + b"]"
    response = signed_post(client, None, body=body)
    assert response.status_code == 413 and response.get_json()["error"]
    stamp = str(int(time.time()))
    big = b"x" * (3 * 1024 * 1024)
    response = client.post(PUSH_URL, data=big, headers={
        "X-Lab-Timestamp": stamp, "X-Lab-Signature": sign(PUSH_SECRET, stamp, big)})
    assert response.status_code == 413 and response.is_json


@pytest.mark.parametrize("depth", [3000, 50_000])
def test_warnings_api_refuses_deep_json(world, auth, client, depth):
    auth.login("agent_a")
    token = csrf_from(client.get("/me").get_data(as_text=True))
    response = client.post("/api/v1/lab/warnings", data="[" * depth + "]" * depth,
                           headers={"Content-Type": "application/json", "X-CSRFToken": token})
    assert response.status_code == 400 and response.is_json


def test_sync_quarantines_unreadable_rows_and_moves_on(world, db, store, sessions, settings):
    rows = [store_row(response_id="s-1"), store_row(response_id="s-9999", **Y9999_END),
            store_row(response_id="s-west", **Y9999_WEST),
            store_row(response_id="s-sur", comment="x \ud800"), store_row(response_id="s-2")]
    rows[3]["comment"] = "broken"  # SQLite cannot hold a lone surrogate in the store itself
    store.append(rows)
    report = sync_once(sessions, store, settings)
    assert (report.taken, report.quarantined) == (3, 2)
    assert stored_ids(db) == ["s-1", "s-2", "s-sur"]
    state = status(db)
    assert state.cursor == store.max_id() and state.lag == 0 and state.last_error is None
    assert sorted(quarantine_reasons(db)) == ["timestamp_out_of_range"] * 2
    store.append([store_row(response_id="s-3")])
    assert sync_once(sessions, store, settings).taken == 1


def test_status_lag_is_the_rows_waiting(app, world, db, store, sessions, settings):
    store.append([store_row() for _ in range(5)])
    result = app.test_cli_runner().invoke(cli, ["surveys", "sync"], catch_exceptions=False)
    assert result.exit_code == 0
    store.append([store_row() for _ in range(7)])
    shown = app.test_cli_runner().invoke(cli, ["surveys", "status"]).output
    assert "lag 7" in shown


def _write(path, rows):
    with path.open("w", newline="", encoding="utf-8", errors="surrogateescape") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(STORE_COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({key: "" if row.get(key) is None else row.get(key)
                             for key in STORE_COLUMNS})


def test_import_quarantines_bad_rows_in_one_line_each(app, world, db, tmp_path):
    path = tmp_path / "feed.csv"
    rows = [store_row(response_id="c-1", id=1), store_row(response_id="c-big", id=10**20),
            store_row(response_id="c-9999", id=3, **Y9999_END),
            store_row(response_id="c-west", id=4, **Y9999_WEST),
            store_row(response_id="c-2", id=5)]
    _write(path, rows)
    result = app.test_cli_runner().invoke(cli, ["surveys", "import", str(path)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert "5 rows read: 2 taken" in result.output and "3 quarantined" in result.output
    assert stored_ids(db) == ["c-1", "c-2"]
    assert sorted(quarantine_reasons(db)) == ["bad_id", "timestamp_out_of_range",
                                              "timestamp_out_of_range"]
