"""Users change their own password; common ones and the login are refused everywhere."""

from __future__ import annotations

import pytest

from lab.accounts import services
from lab.accounts.passwords import common_passwords, password_check
from lab.accounts.services import AccountError
from tests.factories import PASSWORD
from tests.web import AuthActions, csrf_from


@pytest.mark.parametrize("weak", ["12345678", "password", "PASSWORD", "qwerty123", "iloveyou"])
def test_common_passwords_are_refused(weak):
    assert password_check(weak, "someone") == "common"


def test_the_list_is_about_ten_thousand_long():
    assert 9_000 <= len(common_passwords()) <= 11_000


def test_the_login_is_refused_as_password():
    assert password_check("Agent_Anna", "agent_anna") == "is_login"
    assert password_check("a-long-and-rare-one", "agent_anna") is None


def test_admin_and_cli_paths_refuse_them_too(world, db):
    with pytest.raises(AccountError, match="common"):
        services.set_password(db, world.agent_a, "password")
    with pytest.raises(AccountError, match="login"):
        services.create_user(db, "newbie.one", "agent", "newbie.one", team_name="Alpha")


def _change(client, current, new, confirm=None):
    page = client.get("/account/password").get_data(as_text=True)
    return client.post("/account/password", data={
        "current": current, "new": new, "confirm": new if confirm is None else confirm,
        "csrf_token": csrf_from(page)})


def test_change_own_password_keeps_this_browser_and_ends_the_others(world, app, auth, client):
    auth.login("agent_a")
    other = app.test_client()
    AuthActions(other).login("agent_a")
    response = _change(client, PASSWORD, "a-fresh-long-phrase")
    assert response.status_code == 302
    assert client.get("/api/v1/me").status_code == 200
    assert other.get("/api/v1/me").status_code == 401
    auth.logout()
    assert auth.login("agent_a", "a-fresh-long-phrase").status_code == 302


@pytest.mark.parametrize(("current", "new", "confirm", "message"), [
    ("wrong-password", "a-fresh-long-phrase", None, "The current password is wrong"),
    (PASSWORD, "12345678", None, "most common passwords"),
    (PASSWORD, "short1", None, "at least 8"),
    (PASSWORD, "agent_a", None, "at least 8"),
    (PASSWORD, "a-fresh-long-phrase", "another-phrase-x", "differ"),
])
def test_change_own_password_refusals(world, auth, client, current, new, confirm, message):
    auth.login("agent_a")
    response = _change(client, current, new, confirm)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    auth.logout()
    assert auth.login("agent_a").status_code == 302  # the old password still works


def test_the_login_cannot_be_the_new_password(world, db, auth, client):
    world.agent_a.login = "agent_anna"
    db.commit()
    auth.login("agent_anna")
    response = _change(client, PASSWORD, "AGENT_ANNA")
    assert response.status_code == 400 and "cannot be your login" in response.get_data(True)


def test_the_page_is_linked_from_every_page(world, auth, client):
    auth.login("agent_a")
    assert 'href="/account/password"' in client.get("/me").get_data(as_text=True)
