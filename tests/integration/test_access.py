"""Every registered route, walked as anonymous, agent, lead and admin.

EXPECTED is the access table of the whole app. A route added without a row here
fails `test_every_route_is_in_the_table`; a row that does not match what the app
does fails the walk.
"""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD

LOGIN = "login"  # redirect to /login
PAGE_ROLES = ("anonymous", "agent", "lead", "manager", "admin")

# endpoint -> {role: expected status}; LOGIN means a redirect to /login.
EXPECTED: dict[str, dict[str, object]] = {
    "training.home": {"anonymous": LOGIN, "agent": 302, "lead": 302, "manager": 302,
                "admin": 302},
    "auth.login": {"anonymous": 200, "agent": 302, "lead": 302, "manager": 302,
                "admin": 302},
    "auth.logout": {"anonymous": 302, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "auth.language": {},  # POST only
    # A first visit to the Lab starts with Eva's welcome tour.
    # Agents are sent to the welcome tour first; leads and admins see the map.
    "training.sector_map": {"anonymous": LOGIN, "agent": 302, "lead": 200, "manager": 403,
                            "admin": 200},
    "training.welcome": {"anonymous": LOGIN, "agent": 200, "lead": 200, "manager": 403,
                "admin": 200},
    # Sector 1 is locked until the Codex is read: back to the map with a message.
    "training.briefing": {"anonymous": LOGIN, "agent": 302, "lead": 302, "manager": 403,
                "admin": 302},
    "training.start": {},  # POST only
    "training.retry": {},  # POST only
    "training.trial": {"anonymous": LOGIN, "agent": 302, "lead": 302, "manager": 403,
                "admin": 302},
    "training.hint": {},  # POST only
    # Nobody has attempt 999; someone else's attempt is not found either.
    "training.result": {"anonymous": LOGIN, "agent": 404, "lead": 404, "manager": 403,
                "admin": 404},
    "codex.mark_read": {},  # POST only
    "team.open_for_agent": {},  # POST only
    "team.board_setting": {},  # POST only
    "api.lab_warnings": {},  # POST only
    "codex.index": {"anonymous": LOGIN, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "codex.chapter": {"anonymous": LOGIN, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "dashboard.me": {"anonymous": LOGIN, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    # My TNPS polls these; each answers only about the signed-in user.
    "dashboard.live_tnps": {"anonymous": 401, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "dashboard.live_comments": {"anonymous": 401, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "team.overview": {"anonymous": LOGIN, "agent": 403, "lead": 200, "manager": 200,
                "admin": 200},
    # Team A: its lead and admins see it; the other lead is told it does not exist.
    "team.detail": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                    "manager": 200,
                "admin": 200},
    "admin.index": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    # Team pages of team A (and its agent_a): the other lead is told they do not exist.
    "team.overview_csv": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                          "manager": 200,
                "admin": 200},
    "team.overview_json": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                           "manager": 200,
                "admin": 200},
    "team.agent": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                   "manager": 200,
                "admin": 200},
    "team.add_agent_note": {},  # POST only
    "team.review_agent_reply": {},  # POST only
    # Leads' reviews against the scorer: admins only.
    "admin.agreement": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                        "admin": 200},
    "team.followups": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                       "manager": 200,
                "admin": 200},
    # Nobody has response 999.
    "team.followup": {"anonymous": LOGIN, "agent": 403, "lead": 404, "manager": 404,
                "admin": 404},
    "team.update_followup": {},  # POST only
    "team.coaching": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                      "manager": 200,
                "admin": 200},
    "team.assign_sector": {},  # POST only
    "team.training_effect": {"anonymous": LOGIN, "agent": 403, "lead": 200,
                             "other_lead": 404, "manager": 200,
                "admin": 200},
    # Admin pages; user 999 and quarantined row 999 do not exist.
    "admin.users": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    "admin.user": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 404},
    "admin.teams": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    "admin.scheme": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    "admin.quarantine": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    "admin.quarantine_row": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 404},
    "admin.content": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    "admin.audit_log": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 403,
                "admin": 200},
    "admin.create_user": {}, "admin.change_role": {}, "admin.reset_password": {},  # POST
    "admin.toggle_active": {}, "admin.create_team": {}, "admin.add_lead": {},  # POST
    "admin.remove_lead": {}, "admin.save_bonus_scheme": {}, "admin.end_sessions": {},  # POST
    "admin.set_email": {},  # POST
    "auth.change_password": {"anonymous": LOGIN, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "admin.fix_quarantine_row": {}, "admin.dismiss_quarantine_row": {},  # POST only
    "admin.dismiss_quarantine_rows": {},  # POST only
    # FAIRNESS_READERS: leads their teams (another's is not found), managers and admins
    # every team.
    "fairness.page": {"anonymous": LOGIN, "agent": 403, "lead": 200, "other_lead": 404,
                      "manager": 200, "admin": 200},
    "fairness.review": {},  # POST only
    "api.health": {"anonymous": 200, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "api.me": {"anonymous": 401, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    "api.team": {"anonymous": 401, "agent": 403, "lead": 200, "other_lead": 404,
                 "manager": 200,
                "admin": 200},
    "static": {"anonymous": 200, "agent": 200, "lead": 200, "manager": 200,
                "admin": 200},
    # POST only; signed (HMAC), not CSRF: unsigned -> 401, no secret configured -> 503.
    "api.surveys_push": {},
    # The centre: managers and admins only.
    "centre.overview": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 200,
                        "admin": 200},
    "centre.report_json": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 200,
                           "admin": 200},
    "centre.report_csv": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 200,
                          "admin": 200},
    "centre.topics_csv": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 200,
                          "admin": 200},
    "centre.digest": {"anonymous": LOGIN, "agent": 403, "lead": 403, "manager": 200,
                      "admin": 200},
    # Everyone's own alerts; the poll answers JSON.
    "alerts.page": {"anonymous": LOGIN, "agent": 200, "lead": 200, "manager": 200, "admin": 200},
    "alerts.poll": {"anonymous": 401, "agent": 200, "lead": 200, "manager": 200, "admin": 200},
    "alerts.read_all": {}, "alerts.preferences": {},  # POST only
}
# POST routes a manager may use: their own session, language, password and alert choices.
# Every other POST changes the centre's data and is refused to a manager.
MANAGER_OWN_POSTS = {"auth.login", "auth.logout", "auth.language", "auth.change_password",
                     "alerts.read_all", "alerts.preferences"}
# POST routes that authenticate by signature: no secret configured in tests -> 503.
SIGNED_POSTS = {"api.surveys_push"}


def _url(app, rule, world) -> str:
    values = {}
    for argument in rule.arguments:
        if argument == "team_id":
            values[argument] = world.team_a.id
        elif argument == "sector_id":
            values[argument] = "unexpected-charge"
        elif argument == "attempt_id":
            values[argument] = 999
        elif argument == "step":
            values[argument] = 2
        elif argument == "agent_id":
            values[argument] = world.agent_a.id
        elif argument in ("response_id", "user_id", "row_id", "reply_id"):
            values[argument] = 999
        elif argument == "slug":
            values[argument] = "first-words"
        elif argument == "filename":
            values[argument] = "css/lab.css"
        else:  # pragma: no cover - a new argument needs a value here
            raise AssertionError(f"no test value for <{argument}> in {rule.rule}")
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def _client_as(app, role: str, world):
    client = app.test_client()
    login = {"agent": "agent_a", "lead": "lead_a", "other_lead": "lead_b",
             "manager": "boss", "admin": "root"}.get(role)
    if login:
        page = client.get("/login").get_data(as_text=True)
        from tests.web import csrf_from

        response = client.post("/login", data={
            "login": login, "password": PASSWORD, "csrf_token": csrf_from(page)})
        assert response.status_code == 302, f"could not sign in as {login}"
    return client


def test_every_route_is_in_the_table(app):
    """No route exists that the access table does not know."""
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(EXPECTED), (
        f"routes without an access row: {sorted(endpoints - set(EXPECTED))}; "
        f"rows without a route: {sorted(set(EXPECTED) - endpoints)}")


def test_every_route_declares_its_access(app):
    """Each view carries an explicit declaration (public or roles)."""
    from lab.auth.access import access_of

    missing = [rule.endpoint for rule in app.url_map.iter_rules()
               if access_of(app, rule.endpoint) is None]
    assert missing == []


@pytest.mark.parametrize("role", [*PAGE_ROLES, "other_lead"])
def test_walk_every_get_route(app, world, role):
    """Each GET route answers each role as the table says."""
    client = _client_as(app, role, world)
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        expected = EXPECTED[rule.endpoint].get(role)
        if expected is None and role == "other_lead":
            expected = EXPECTED[rule.endpoint].get("lead")
        url = _url(app, rule, world)
        response = client.get(url)
        where = f"GET {url} as {role}"
        if expected == LOGIN:
            assert response.status_code == 302, where
            assert response.headers["Location"].startswith("/login"), where
        else:
            assert response.status_code == expected, f"{where}: {response.status_code}"
        if rule.endpoint.startswith("api.") and response.status_code >= 400:
            assert response.is_json, f"{where} should answer JSON"
        response.close()


@pytest.mark.parametrize("role", PAGE_ROLES)
def test_every_post_route_needs_a_csrf_token(app, world, role):
    """A POST without its CSRF token is refused on every route that takes POST."""
    client = _client_as(app, role, world)
    posts = [rule for rule in app.url_map.iter_rules() if "POST" in rule.methods]
    assert posts, "the app has forms"
    for rule in posts:
        response = client.post(_url(app, rule, world), data={"anything": "x"})
        if role == "anonymous" and response.status_code == 302:
            assert response.headers["Location"].startswith("/login"), rule.rule
            continue
        allowed = (400, 401, 403, 503) if rule.endpoint in SIGNED_POSTS else (400, 401, 403)
        assert response.status_code in allowed, f"POST {rule.rule} as {role}"


def test_agent_sees_only_own_profile(app, world):
    """/api/v1/me answers with the signed-in agent and nobody else."""
    client = _client_as(app, "agent", world)
    data = client.get("/api/v1/me").get_json()
    assert data["login"] == "agent_a"
    assert data["team"] == "Alpha"


def test_lead_sees_own_team_but_not_another(app, world):
    """Team pages and JSON never show another team's agents to a lead."""
    client = _client_as(app, "lead", world)
    own = client.get(f"/team/{world.team_a.id}").get_data(as_text=True)
    assert "Anna Agentova" in own and "Boris Bystrov" not in own
    overview = client.get("/team").get_data(as_text=True)
    assert "Alpha" in overview and "Beta" not in overview
    assert client.get(f"/team/{world.team_b.id}").status_code == 404
    assert client.get(f"/api/v1/teams/{world.team_b.id}").status_code == 404
    agents = client.get(f"/api/v1/teams/{world.team_a.id}").get_json()["agents"]
    assert {agent["login"] for agent in agents} == {"agent_a", "agent_a2"}


def test_undeclared_route_is_refused(app, world):
    """A view added without an access declaration is refused, not served."""
    app.add_url_rule("/forgotten", "forgotten", lambda: "secret")
    client = _client_as(app, "admin", world)
    assert client.get("/forgotten").status_code == 403


def test_manager_changes_nothing(app, world):
    """With a valid CSRF token, every POST that changes the centre's data refuses a manager."""
    from tests.web import csrf_from

    client = _client_as(app, "manager", world)
    token = csrf_from(client.get("/alerts").get_data(as_text=True))
    posts = [rule for rule in app.url_map.iter_rules()
             if "POST" in rule.methods and rule.endpoint not in MANAGER_OWN_POSTS]
    assert len(posts) >= 20, "every write route of the app is walked"
    for rule in posts:
        response = client.post(_url(app, rule, world), data={
            "csrf_token": token, "status": "resolved", "note": "x", "outcome": "won_back",
            "sector_id": "unexpected-charge", "text": "x", "lang": "en"})
        expected = (401, 503) if rule.endpoint in SIGNED_POSTS else (403,)
        assert response.status_code in expected, f"POST {rule.rule} as manager"


def test_manager_reads_every_team_but_sees_no_write_form(app, world):
    """A manager sees both teams' pages, and no form that would change them."""
    client = _client_as(app, "manager", world)
    overview = client.get("/team").get_data(as_text=True)
    assert "Alpha" in overview and "Beta" in overview
    for team in (world.team_a, world.team_b):
        page = client.get(f"/team/{team.id}").get_data(as_text=True)
        assert 'method="post" action="/team/' not in page
    agent = client.get(f"/team/{world.team_b.id}/agents/{world.agent_b.id}").get_data(as_text=True)
    assert "Boris Bystrov" in agent and "/notes" not in agent
