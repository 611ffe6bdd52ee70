"""Numbers no database can hold, and names that mean nothing: 400 or 404, never a 500."""

from __future__ import annotations

import pytest

from lab.training.models import Attempt, Badge
from lab.ui.params import parse_db_id
from tests.web import csrf_from

HUGE = str(2**31)  # PostgreSQL's INTEGER ends here; SQLite's at 2^63
HUGER = "9" * 30


@pytest.mark.parametrize("path", [
    "/team/{n}", "/team/{n}/overview.csv", "/team/{n}/follow-up", "/team/{n}/coaching",
    "/team/{team}/agents/{n}", "/team/{team}/follow-up/{n}", "/api/v1/teams/{n}",
    "/admin/users/{n}", "/admin/quarantine/{n}", "/lab/unexpected-charge/attempts/{n}",
])
@pytest.mark.parametrize("number", [HUGE, HUGER])
def test_huge_ids_in_paths_are_not_found(world, auth, client, path, number):
    auth.login("root")
    response = client.get(path.format(n=number, team=world.team_a.id))
    assert response.status_code == 404, path


@pytest.mark.parametrize("query", [f"team={HUGE}", f"team={HUGER}", "team=²", "team=-1",
                                   "team=abc"])
def test_team_argument_out_of_range_is_not_found(world, auth, client, query):
    auth.login("root")
    assert client.get(f"/team?{query}").status_code == 404


@pytest.mark.parametrize(("query", "status"), [
    (f"page={HUGE}", 404), (f"page={HUGER}", 404), ("page=²", 400), ("page=abc", 400),
    ("page=0", 404), ("page=2", 200),
])
def test_audit_page_argument(world, auth, client, query, status):
    auth.login("root")
    assert client.get(f"/admin/audit?{query}").status_code == status


@pytest.mark.parametrize("query", [f"days={HUGER}", "days=²", f"days={HUGE}"])
def test_days_arguments_fall_back(world, auth, client, query):
    auth.login("lead_a")
    team = world.team_a.id
    for path in (f"/team/{team}/follow-up", f"/team?team={team}", f"/team/{team}/coaching",
                 f"/team/{team}/training-effect"):
        assert client.get(f"{path}{'&' if '?' in path else '?'}{query}").status_code == 200


def test_me_page_with_a_unicode_digit(world, auth, client):
    auth.login("agent_a")
    assert client.get("/me?page=²").status_code == 200
    assert client.get("/api/v1/me/comments?page=²").status_code == 400


def test_form_team_id_beyond_bigint(world, auth, client):
    auth.login("root")
    page = client.get("/admin/users").get_data(as_text=True)
    response = client.post("/admin/users", data={
        "login": "newbie", "name": "New", "role": "agent", "team_id": HUGER,
        "password": "a-long-rare-phrase", "csrf_token": csrf_from(page)})
    assert response.status_code == 400


def test_unknown_or_unearned_badges_do_not_show(world, auth, client, db):
    from lab.db import utcnow

    attempt = Attempt(user_id=world.agent_a.id, sector_id="unexpected-charge",
                      content_version="x", started_at=utcnow(), finished_at=utcnow(),
                      loyalty_code=80.0, stars=2)
    db.add(attempt)
    db.add(Badge(user_id=world.agent_a.id, code="first_promoter"))
    db.commit()
    auth.login("agent_a")
    url = f"/lab/unexpected-charge/attempts/{attempt.id}"
    response = client.get(f"{url}?new=no_such_badge,{HUGER},comeback,first_promoter")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "New badges" in html
    assert 'data-badge="comeback"' not in html
    assert client.get(f"{url}?new=no_such_badge").status_code == 200
    assert "New badges" not in client.get(f"{url}?new=comeback").get_data(as_text=True)


def test_parse_db_id():
    assert parse_db_id("12") == 12 and parse_db_id(str(2**31 - 1)) == 2**31 - 1
    for bad in (str(2**31), HUGE, HUGER, "²", "-1", "0", "1.5", "", None, " 1 2"):
        assert parse_db_id(bad) is None


@pytest.mark.parametrize("body", ["false", "5", "[1, 2]", '{"current": [1]}'])
def test_json_posted_to_a_page_is_refused(world, auth, client, body):
    """Flask-WTF read a JSON body as the form: `false` failed inside WTForms (a 500)."""
    auth.login("agent_a")
    token = csrf_from(client.get("/me").get_data(as_text=True))
    response = client.post("/account/password", data=body, headers={
        "Content-Type": "application/json", "X-CSRFToken": token})
    assert response.status_code == 415


@pytest.mark.parametrize("after", [str(2**31), "²", HUGER])
def test_live_tnps_cursor_beyond_the_keys_is_a_400(world, auth, client, after):
    auth.login("agent_a")
    assert client.get(f"/api/v1/me/tnps?after={after}").status_code == 400
    assert client.get("/api/v1/me/tnps?after=0").status_code == 200


def test_a_nul_in_a_form_is_a_400(world, auth, client):
    """PostgreSQL refuses text holding NUL: a note or a team name with one was a 500."""
    auth.login("lead_a")
    team, agent = world.team_a.id, world.agent_a.id
    page = client.get(f"/team/{team}/agents/{agent}").get_data(as_text=True)
    response = client.post(f"/team/{team}/agents/{agent}/notes",
                           data={"text": "bad\x00note", "csrf_token": csrf_from(page)})
    assert response.status_code == 400
    for path in ("/codex?q=a%00b", f"/team?team={team}&q=a%00b", "/me?topic=%00"):
        assert client.get(path).status_code == 200, path  # compared in Python only
    assert client.get(f"/team/{team}/agents/{agent}").status_code == 200
    auth.logout()
    auth.login("root")
    for path in ("/admin/audit?action=a%00b", "/admin/quarantine?reason=a%00b"):
        assert client.get(path).status_code == 200, path  # filtered without the NUL


def test_an_unexpected_error_rolls_back_before_the_error_page(app, world, auth, client,
                                                              monkeypatch):
    from sqlalchemy import text

    from lab.web_db import get_session

    def broken():
        get_session().execute(text("SELECT * FROM no_such_table"))

    broken.lab_access = app.view_functions["codex.index"].lab_access
    app.view_functions["codex.index"] = broken
    auth.login("agent_a")
    response = client.get("/codex")
    assert response.status_code == 500 and "Something went wrong" in response.get_data(True)
