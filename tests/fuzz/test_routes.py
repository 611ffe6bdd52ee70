"""Every registered route, as every role, with generated path values, query strings, form
bodies and JSON: never a 5xx, and the security headers on every answer."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lab.accounts.services import create_user
from lab.surveys.push import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign
from tests.factories import PASSWORD
from tests.fuzz.conftest import FUZZ, PUSH_SECRET
from tests.fuzz.strategies import forms, json_bodies, path_value, query_strings
from tests.integration.test_team_overview import add_answers
from tests.web import AuthActions, csrf_from

ROLES = {"anonymous": None, "agent": "agent_a", "lead": "lead_a", "admin": "root"}
ARG = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
# Sign-out ends the fuzzing client's own session; it is walked by test_access instead.
SKIP_POST = {"auth.logout"}
# User pages an admin can change: fuzzed on spare users, not on the fuzzing ones.
ON_SPARE_USERS = {"admin.toggle_active", "admin.reset_password", "admin.change_role",
                  "admin.end_sessions"}


def _rules(app, method: str):
    return sorted((rule for rule in app.url_map.iter_rules()
                   if method in rule.methods and rule.endpoint != "static"
                   and not (method == "POST" and rule.endpoint in SKIP_POST)),
                  key=lambda rule: rule.rule)


@st.composite
def urls(draw, rules, spare_ids):
    rule = draw(st.sampled_from(rules))

    def value(match):
        kind, name = match.group(1) or "string", match.group(2)
        if rule.endpoint in ON_SPARE_USERS and name == "user_id":
            return str(draw(st.sampled_from(spare_ids)))
        return draw(path_value(kind, name))

    path = ARG.sub(value, rule.rule)
    query = draw(query_strings())
    return rule.endpoint, f"{path}?{query}" if query else path


@pytest.fixture
def fuzz_world(world, db):
    """The test world, some live answers and attempts to find, and spare users."""
    add_answers(db, "agent_a", [0, 3, 6, 8, 10], comment="Подам в суд, связь пропадает")
    spare = [create_user(db, f"spare{n}", role, "a-rare-long-phrase", team_name=team)
             for n, (role, team) in enumerate((("agent", "Alpha"), ("lead", "Alpha"),
                                               ("admin", None)))]
    db.commit()
    return [user.id for user in spare] + [2**63, 10**20]


@pytest.fixture
def clients(app, fuzz_world):
    """One client per role, each from its own address (the login throttle counts them)."""
    found = {}
    for number, (role, login) in enumerate(ROLES.items(), start=10):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = f"10.9.0.{number}"
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
        if login:
            assert AuthActions(client).login(login, PASSWORD).status_code == 302
        found[role] = (client, login)
    return found


def _check(response, what: str) -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"
    assert "Content-Security-Policy" in response.headers, what
    response.close()


def _token(client, login: str | None) -> str:
    """A CSRF token from a page the role can open (the language form is on each)."""
    return csrf_from(client.get("/me" if login else "/login").get_data(as_text=True))


def test_get_anything_never_fails(app, clients, fuzz_world):
    rules = _rules(app, "GET")

    @FUZZ
    @given(role=st.sampled_from(list(ROLES)), target=urls(rules, fuzz_world))
    def walk(role, target):
        client, _login = clients[role]
        endpoint, url = target
        _check(client.get(url), f"GET {url} ({endpoint}) as {role}")

    walk()


def test_post_anything_never_fails(app, clients, fuzz_world):
    rules = _rules(app, "POST")

    @FUZZ
    @given(role=st.sampled_from(list(ROLES)), target=urls(rules, fuzz_world), form=forms,
           body=json_bodies(), as_json=st.booleans(), with_token=st.booleans())
    def post(role, target, form, body, as_json, with_token):
        client, login = clients[role]
        endpoint, url = target
        token = _token(client, login) if with_token else "not-a-token"
        if endpoint == "api.surveys_push":
            stamp = str(int(time.time()))
            signature = sign(PUSH_SECRET, stamp, body) if with_token else "0" * 64
            response = client.post(url, data=body, headers={
                "Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
                SIGNATURE_HEADER: signature})
        elif as_json or endpoint.startswith("api."):
            response = client.post(url, data=body, headers={
                "Content-Type": "application/json", "X-CSRFToken": token})
        else:
            response = client.post(url, data={**form, "csrf_token": token})
        _check(response, f"POST {url} ({endpoint}) as {role}")
        if login and client.get("/api/v1/me").status_code != 200:
            # A fuzzed form may sign this client out (a role change, a new password):
            # sign in again, so the rest of the run is still this role.
            AuthActions(client).login(login, PASSWORD)

    post()
