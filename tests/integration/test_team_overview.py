"""The team overview: live TNPS per agent and team, flags, sorting, CSV and JSON, scoping."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from lab.surveys.domain import DEFAULT_WINDOWS
from lab.surveys.ingest import IngestContext, ingest, known_agents

_ids = itertools.count(1)


def add_answers(db, login: str, scores, comment: str | None = None, hours_ago: float = 2,
                late: bool = False) -> None:
    """Store IVR answers for an agent through the real ingest path (rollup included)."""
    ctx = IngestContext(known_agents(db), DEFAULT_WINDOWS, ZoneInfo("Europe/Moscow"))
    ended = datetime.now(UTC) - timedelta(hours=hours_ago)
    answered = ended + (timedelta(hours=1) if late else timedelta(minutes=1))
    rows = []
    for score in scores:
        number = next(_ids)
        rows.append({"response_id": f"r-{number}", "call_id": f"c-{number}",
                     "agent_login": login, "channel": "ivr", "sent_at": None,
                     "call_ended_at": ended.isoformat(), "answered_at": answered.isoformat(),
                     "score": score, "comment": comment})
    report = ingest(db, rows, "import", ctx)
    assert report.quarantined == 0
    db.commit()


def test_overview_shows_live_tnps_with_n_and_interval(auth, client, db, world):
    """An agent with enough answers shows TNPS and interval; one below min n says so."""
    add_answers(db, "agent_a", [10] * 25 + [3] * 5)
    add_answers(db, "agent_a2", [9, 9, 2])
    auth.login("lead_a")
    page = client.get(f"/team?team={world.team_a.id}").get_data(as_text=True)
    assert "Anna Agentova" in page and "Agent_A2" in page
    assert "+67" in page and "n=30" in page  # (25 - 5) / 30
    assert "not enough data" in page and "n=3" in page
    assert "Boris Bystrov" not in page


def test_flags_name_who_needs_help(auth, client, db, world):
    """Three detractors of three answers raise a flag; the 'only who needs help' filter
    keeps them. Six detractors among the team's busiest week of promoters do not."""
    add_answers(db, "agent_a2", [1, 2, 3], comment="плохо")
    add_answers(db, "agent_a", [10] * 60 + [8] * 10 + [3] * 6)
    auth.login("lead_a")
    page = client.get(f"/team?team={world.team_a.id}&flagged=1").get_data(as_text=True)
    assert "3 detractors of 3 answers in 7 days" in page
    assert "Anna Agentova" not in page


def test_csv_export_has_the_rows_and_the_scope(auth, client, db, world):
    """The CSV lists the team's agents with their counts; another team's CSV is not found."""
    add_answers(db, "agent_a", [10, 10, 0])
    auth.login("lead_a")
    response = client.get(f"/team/{world.team_a.id}/overview.csv?sort=n&dir=desc")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert [r["login"] for r in rows] == ["agent_a", "agent_a2"]
    assert rows[0]["n"] == "3" and rows[0]["enough_data"] == "no"
    assert rows[0]["tnps"] == "33.3"
    assert client.get(f"/team/{world.team_b.id}/overview.csv").status_code == 404


def test_json_is_scoped(auth, client, db, world):
    """The JSON overview holds only the team's agents; another team's is not found."""
    auth.login("lead_a")
    data = client.get(f"/team/{world.team_a.id}/overview.json").get_json()
    assert {a["agent"] for a in data["agents"]} == {"agent_a", "agent_a2"}
    assert client.get(f"/team/{world.team_b.id}/overview.json").status_code == 404
    assert client.get(f"/team?team={world.team_b.id}").status_code == 404


def test_admin_picks_any_team(auth, client, world):
    """An admin sees every team in the picker and can open team B."""
    auth.login("root")
    page = client.get(f"/team?team={world.team_b.id}").get_data(as_text=True)
    assert "Boris Bystrov" in page and "Alpha" in page


def test_formula_like_names_are_quoted_in_csv(auth, client, db, world):
    """A name starting with '=' is not run as a spreadsheet formula."""
    world.agent_a.name = "=HYPERLINK(1)"
    db.commit()
    auth.login("lead_a")
    text = client.get(f"/team/{world.team_a.id}/overview.csv").get_data(as_text=True)
    assert "'=HYPERLINK(1)" in text


def test_csv_opens_in_excel_with_cyrillic_and_a_semicolon_option(auth, client, db, world):
    """UTF-8 with a BOM (Excel on Russian Windows reads the names right); ?sep=semicolon
    splits on ';' with decimal commas, as Excel in a Russian locale expects."""
    world.agent_a.name = "Анна Агентова"
    db.commit()
    add_answers(db, "agent_a", [10, 10, 0])
    auth.login("lead_a")
    plain = client.get(f"/team/{world.team_a.id}/overview.csv").get_data()
    assert plain.startswith("\ufeff".encode()) and "Анна Агентова".encode() in plain
    excel = client.get(f"/team/{world.team_a.id}/overview.csv?sep=semicolon").get_data()
    assert excel.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    mine = next(r for r in rows if r["login"] == "agent_a")
    assert mine["name"] == "Анна Агентова" and mine["tnps"] == "33,3"
