"""Signing in and out through the real forms."""

from __future__ import annotations

from flask import session

from lab.accounts import services
from tests.factories import PASSWORD


def test_login_takes_agent_to_the_lab(world, auth, client):
    """A right password signs in and lands on the Lab with the user's name shown."""
    response = auth.login("agent_a")
    assert response.status_code == 302
    assert response.headers["Location"] == "/lab"
    page = client.get("/codex").get_data(as_text=True)
    assert "Anna Agentova" in page


def test_login_is_case_insensitive_for_the_login(world, auth):
    """Logins are not case-sensitive."""
    assert auth.login("AGENT_A").status_code == 302


def test_wrong_password_says_so_and_stays(world, auth, client):
    """A wrong password shows a clear message and no session."""
    response = auth.login("agent_a", "wrong-password", )
    assert response.status_code == 401
    assert "Wrong login or password" in response.get_data(as_text=True)
    assert client.get("/lab").status_code == 302


def test_unknown_user_gets_the_same_message(world, auth):
    """An unknown login is not distinguishable from a wrong password."""
    response = auth.login("nobody", "whatever-pass")
    assert response.status_code == 401
    assert "Wrong login or password" in response.get_data(as_text=True)


def test_session_is_renewed_at_login(world, auth, client):
    """Nothing put in the session before login survives it."""
    with client.session_transaction() as before:
        before["planted"] = "by an attacker"
    auth.login("agent_a")
    with client.session_transaction() as after:
        assert "planted" not in after
        assert after.get("_user_id", "").startswith(f"{world.agent_a.id}.")


def test_logout_clears_the_session(world, auth, client):
    """After logout the pages need a login again."""
    auth.login("agent_a")
    response = auth.logout()
    assert response.status_code == 302
    with client.session_transaction() as after:
        assert "_user_id" not in after
    assert client.get("/lab").headers["Location"].startswith("/login")


def test_logout_by_get_only_asks(world, auth, client):
    """A GET to /logout (a link from another site) does not sign out."""
    auth.login("agent_a")
    assert client.get("/logout").status_code == 200
    assert client.get("/codex").status_code == 200


def test_deactivated_user_cannot_log_in(world, auth, db):
    """Deactivated users get a clear refusal."""
    services.set_active(db, world.agent_b, False)
    db.commit()
    response = auth.login("agent_b")
    assert response.status_code == 403
    assert "deactivated" in response.get_data(as_text=True)


def test_deactivation_ends_an_open_session(world, auth, client, db):
    """A user deactivated while signed in is signed out at the next request."""
    auth.login("agent_b")
    assert client.get("/codex").status_code == 200
    services.set_active(db, world.agent_b, False)
    db.commit()
    assert client.get("/codex").status_code == 302


def test_failed_logins_slow_down_the_account_from_that_address(world, auth):
    """After three failures from one address even the right password waits there."""
    for _ in range(3):
        assert auth.login("agent_a", "wrong-password").status_code == 401
    response = auth.login("agent_a", PASSWORD)
    assert response.status_code == 429
    assert "Too many failed attempts" in response.get_data(as_text=True)
    # Another account from the same address is not blocked by this one's failures.
    assert auth.login("agent_b").status_code == 302


def test_failed_logins_are_limited_per_address(world, app, auth):
    """Spraying many accounts from one address is blocked too."""
    app.config["LOGIN_MAX_FAILURES_PER_ADDRESS"] = 6
    for number in range(6):
        auth.login(f"guess{number}", "wrong-password")
    assert auth.login("agent_a").status_code == 429


def test_next_parameter_cannot_leave_the_site(world, auth, client):
    """Only local paths are followed after login."""
    response = client.post(
        "/login?next=//evil.example/steal",
        data={"login": "agent_a", "password": PASSWORD, "csrf_token": auth.token()},
    )
    assert response.headers["Location"] == "/lab"


def test_next_parameter_returns_to_the_page(world, auth, client):
    """A user sent to login comes back where they were going."""
    redirect = client.get("/codex").headers["Location"]
    response = client.post(redirect, data={
        "login": "agent_a", "password": PASSWORD, "csrf_token": auth.token()})
    assert response.headers["Location"] == "/codex"


def test_login_without_csrf_token_is_refused(world, client):
    """A login form posted without its token is refused with a clear page."""
    response = client.post("/login", data={"login": "agent_a", "password": PASSWORD})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_stale_csrf_token_from_another_session_is_refused(world, app, auth):
    """A token taken from another browser's session does not work here."""
    token = auth.token()
    other = app.test_client()
    response = other.post("/login", data={
        "login": "agent_a", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 400


def test_over_long_login_gets_a_field_error(world, auth):
    """A 5,000-character login is answered with what to fix, not an error page."""
    response = auth.login("x" * 5000)
    assert response.status_code == 400
    assert "at most 40 characters" in response.get_data(as_text=True)


def test_session_cookie_flags(world, app, auth):
    """The session cookie is HttpOnly and SameSite; Secure by default in production."""
    response = auth.login("agent_a")
    cookie = response.headers.get("Set-Cookie", "")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert app.config["SESSION_COOKIE_NAME"] in cookie


def test_production_cookies_are_secure_by_default(monkeypatch):
    """Without LAB_COOKIE_SECURE the cookies carry the Secure flag."""
    from lab import config

    monkeypatch.delenv("LAB_COOKIE_SECURE", raising=False)
    settings = config.from_environment()
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["REMEMBER_COOKIE_SECURE"] is True


def test_login_records_last_login(world, auth, db):
    """A successful login is recorded on the user."""
    auth.login("agent_a")
    db.expire_all()
    assert db.get(type(world.agent_a), world.agent_a.id).last_login_at is not None


def test_session_user_is_the_logged_in_one(world, app, auth, client):
    """The session holds the signed-in user's id."""
    auth.login("lead_a")
    with client:
        client.get("/team")
        assert session["_user_id"].split(".")[0] == str(world.lead_a.id)


def test_pages_after_login_leave_the_session_cookie_alone(world, auth, client):
    """The session made at sign-in already holds the CSRF secret, so the pages after it do
    not write the session again and send no new cookie on every view."""
    auth.login("agent_a")
    with client.session_transaction() as after:
        assert after.get("csrf_token")
    for path in ("/me", "/codex"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path
