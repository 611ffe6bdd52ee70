"""The fairness page: a simulated steering agent and a begging one are found, with their
evidence; honest teammates are not; a lead notes a look, audited; money is not touched."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from lab.cli import cli
from lab.fairness.models import FairnessReview
from lab.system.models import AuditEvent
from tests.factories import make_team, make_user
from tests.web import csrf_from

HONEST = [f"honest{n}" for n in range(1, 9)]


@pytest.fixture
def gamed_team(app, db, world):
    """Team A of the world, grown to ten agents, with 90 days of simulated answers in
    which `steerer` steers channels and `beggar` asks for 10s; synced."""
    for login in [*HONEST, "steerer", "beggar"]:
        make_user(db, login, team=world.team_a, name=login.title())
    db.commit()
    logins = ",".join([*HONEST, "steerer", "beggar"])
    runner = app.test_cli_runner()
    result = runner.invoke(cli, ["surveys", "simulate", "--days", "90", "--seed", "11",
                                 "--agents", logins, "--steering-agent", "steerer",
                                 "--begging-agent", "beggar"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    runner.invoke(cli, ["surveys", "sync"], catch_exceptions=False)
    return world.team_a


def _flagged(page: str) -> dict[str, set[str]]:
    """login -> the kinds of sign the page shows for that agent."""
    found: dict[str, set[str]] = {}
    for block in page.split('data-flagged="')[1:]:
        login = block.split('"', 1)[0]
        found[login] = set(re.findall(r'data-kind="(\w+)"', block.split("</article>", 1)[0]))
    return found


def test_the_page_finds_the_steering_and_the_begging_agent(client, auth, gamed_team):
    auth.login("lead_a")
    response = client.get(f"/team/{gamed_team.id}/fairness")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    flagged = _flagged(page)
    assert flagged.get("steerer") == {"steering"}
    assert flagged.get("beggar") == {"begging"}
    assert not set(flagged) & set(HONEST), "no honest teammate is flagged"
    # The evidence: the interval of each check, and the customers' own words, escaped.
    assert "TNPS gap IVR − SMS, against the rest of the team" in page
    assert re.search(r"\[\+\d+…\+\d+\]", page)
    # (The page's own scripts come from /static; no other script tag may appear.)
    assert "asked" in page
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", page, re.IGNORECASE)


def test_a_lead_notes_a_look_with_csrf_and_it_is_audited(client, auth, db, gamed_team):
    auth.login("lead_a")
    url = f"/team/{gamed_team.id}/fairness"
    page = client.get(url).get_data(as_text=True)
    beggar = db.scalar(select(FairnessReview.agent_id).where(False))  # none yet
    assert beggar is None
    agent_id = int(re.search(r'id="agent-(\d+)" data-flagged="beggar"', page).group(1))
    post = f"/team/{gamed_team.id}/fairness/agents/{agent_id}/reviews"
    assert client.post(post, data={"kind": "begging", "note": "x"}).status_code == 400
    answer = client.post(post, data={"kind": "begging", "note": "Talked <b>to her</b>.",
                                     "csrf_token": csrf_from(page)})
    assert answer.status_code == 302
    again = client.get(url).get_data(as_text=True)
    assert "Looked into by" in again and html.escape("Talked <b>to her</b>.") in again
    db.rollback()
    event = db.scalars(select(AuditEvent).where(AuditEvent.action == "fairness.review")).one()
    assert event.actor_label == "lead_a" and event.target == "beggar"


def test_an_empty_note_or_an_unknown_kind_is_refused_with_a_message(client, auth, db,
                                                                     gamed_team):
    auth.login("lead_a")
    url = f"/team/{gamed_team.id}/fairness"
    page = client.get(url).get_data(as_text=True)
    agent_id = int(re.search(r'id="agent-(\d+)" data-flagged="steerer"', page).group(1))
    post = f"/team/{gamed_team.id}/fairness/agents/{agent_id}/reviews"
    for data in ({"kind": "steering", "note": "  "}, {"kind": "money", "note": "ok"}):
        answer = client.post(post, data={**data, "csrf_token": csrf_from(page)},
                             follow_redirects=True)
        assert answer.status_code == 200
        assert "Write what you found" in answer.get_data(as_text=True)
    db.rollback()
    assert db.scalars(select(FairnessReview)).all() == []


def test_another_leads_team_is_not_found(client, auth, gamed_team):
    auth.login("lead_b")
    assert client.get(f"/team/{gamed_team.id}/fairness").status_code == 404


def test_a_small_team_is_never_judged(client, auth, db, world):
    """No answers at all: every agent reads 'not enough data', no sign anywhere."""
    lead = make_user(db, "lead_c", role="lead")
    team = make_team(db, "Gamma", leads=(lead,))
    make_user(db, "lonely", team=team)
    db.commit()
    auth.login("lead_c")
    page = client.get(f"/team/{team.id}/fairness").get_data(as_text=True)
    assert "not enough data" in page and 'data-flagged="' not in page


def test_simulate_refuses_a_gamed_agent_it_does_not_simulate(app, world):
    runner = app.test_cli_runner()
    result = runner.invoke(cli, ["surveys", "simulate", "--days", "1", "--agents", "agent_a",
                                 "--steering-agent", "ghost"])
    assert result.exit_code != 0 and "not among the simulated agents: ghost" in result.output
    result = runner.invoke(cli, ["surveys", "simulate", "--days", "1", "--agents", "agent_a",
                                 "--steering-agent", "agent_a", "--begging-agent", "agent_a"])
    assert result.exit_code != 0 and "either steering or begging" in result.output
