"""The centre page: teams side by side, segments, CSV and JSON with the same numbers."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from tests.answers import answer, store
from tests.factories import PASSWORD
from tests.web import csrf_from

MSK = ZoneInfo("Europe/Moscow")
MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=MSK)


def _fill(app, db):
    rows = []
    for i in range(40):  # Alpha: 40 answers this week, 30 promoters and 10 detractors
        rows.append(answer("agent_a", 10 if i < 30 else 2, MONDAY + timedelta(minutes=7 * i),
                           "Связь пропадает" if i >= 30 else None))
    for i in range(5):  # Beta: too few to show a number
        rows.append(answer("agent_b", 9, MONDAY + timedelta(hours=1, minutes=i), channel="sms"))
    for i in range(40):  # Alpha the week before: all passives
        rows.append(answer("agent_a", 8, MONDAY - timedelta(days=7) + timedelta(minutes=5 * i)))
    store(app, db, rows)


def _as_manager(app):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"login": "boss", "password": PASSWORD,
                                "csrf_token": csrf_from(page)})
    return client


def test_centre_numbers_agree_between_page_json_and_csv(app, db, world):
    _fill(app, db)
    client = _as_manager(app)
    data = client.get("/centre/report.json?week=2026-W48").get_json()
    teams = {row["value"]: row for row in data["segments"]["team"]}
    assert teams["Alpha"]["n"] == 40 and teams["Alpha"]["tnps"] == 50.0
    assert teams["Alpha"]["previous"]["tnps"] == 0.0
    assert teams["Alpha"]["change"]["significant"] is True
    assert teams["Beta"]["n"] == 5 and teams["Beta"]["enough_data"] is False
    assert data["centre"]["n"] == 45
    channels = {row["value"]: row["n"] for row in data["segments"]["channel"]}
    assert channels == {"ivr": 40, "sms": 5}
    connection = next(g for g in data["detractor_topics"] if g["topic"] == "connection")
    assert connection["with_topic"] == 10 and connection["detractors"] == 10
    lines = list(csv.DictReader(io.StringIO(
        client.get("/centre/report.csv?week=2026-W48").get_data(as_text=True))))
    alpha = next(r for r in lines if r["section"] == "segment" and r["value"] == "Alpha")
    assert (alpha["n"], alpha["tnps"], alpha["ci_low"], alpha["significant"]) == (
        "40", "50.0", f"{teams['Alpha']['ci_low']:.1f}", "yes")
    beta_week = next(r for r in lines if r["section"] == "trend" and r["dimension"] == "team"
                     and r["value"] == "Beta" and r["week"] == "2026-W48")
    assert beta_week["n"] == "5" and beta_week["tnps"] == ""  # too few: withheld
    page = client.get("/centre?week=2026-W48&segment=team").get_data(as_text=True)
    assert "Alpha" in page and "Beta" in page and "not enough data" in page
    assert "+50" in page


def test_centre_refuses_a_bad_week_with_a_message(app, db, world):
    client = _as_manager(app)
    response = client.get("/centre?week=2026-48")
    assert response.status_code == 400 and "2026-W48" in response.get_data(as_text=True)
    assert client.get("/centre/report.json?week=x").status_code == 400
    assert client.get("/centre?week=2026-W48&segment=<b>").status_code == 200
