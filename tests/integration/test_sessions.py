"""Sessions live on the server: sign-out, a new password, deactivation and an admin end them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from lab.accounts import services
from lab.accounts.models import UserSession
from lab.accounts.sessions import REMEMBER_LIFETIME
from tests.web import AuthActions, csrf_from


def _cookie(client, name: str) -> str | None:
    cookie = client.get_cookie(name)
    return cookie.value if cookie else None


def _replay(app, name: str, value: str):
    """A second browser holding a copy of a cookie."""
    other = app.test_client()
    other.set_cookie(name, value)
    return other


def test_a_saved_session_cookie_is_dead_after_sign_out(world, app, auth, client):
    auth.login("agent_a")
    saved = _cookie(client, "lab_session")
    assert _replay(app, "lab_session", saved).get("/api/v1/me").status_code == 200
    auth.logout()
    assert _replay(app, "lab_session", saved).get("/api/v1/me").status_code == 401


def test_a_saved_remember_me_cookie_is_dead_after_sign_out(world, app, auth, client):
    auth.login("agent_a", remember="y")
    saved = _cookie(client, "remember_token")
    assert saved
    assert _replay(app, "remember_token", saved).get("/api/v1/me").status_code == 200
    auth.logout()
    assert _replay(app, "remember_token", saved).get("/api/v1/me").status_code == 401


def test_remember_me_lasts_two_weeks_not_a_year(world, app, auth, client):
    assert app.config["REMEMBER_COOKIE_DURATION"] == REMEMBER_LIFETIME <= timedelta(days=30)
    response = auth.login("agent_a", remember="y")
    cookie = next(h for h in response.headers.getlist("Set-Cookie")
                  if h.startswith("remember_token="))
    assert "2027" not in cookie  # a year from 2026 would be


def test_an_expired_session_does_not_sign_in(world, app, auth, client, db):
    auth.login("agent_a")
    db.query(UserSession).update({UserSession.expires_at: UserSession.created_at})
    db.commit()
    assert client.get("/api/v1/me").status_code == 401


def test_admin_ends_every_session_of_a_user(world, app, auth, client, db):
    auth.login("agent_a")
    laptop = app.test_client()
    laptop.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    AuthActions(laptop).login(world.admin.login)
    page = laptop.get(f"/admin/users/{world.agent_a.id}").get_data(as_text=True)
    assert "Signed in on 1 device" in page
    response = laptop.post(f"/admin/users/{world.agent_a.id}/sessions",
                           data={"csrf_token": csrf_from(page)})
    assert response.status_code == 302
    assert client.get("/api/v1/me").status_code == 401
    assert laptop.get("/api/v1/me").status_code == 200  # the admin's own session stays
    count = db.scalar(select(func.count()).select_from(UserSession)
                      .where(UserSession.user_id == world.agent_a.id))
    assert count == 0


def test_deactivation_and_a_reset_password_end_the_rows(world, auth, client, db):
    auth.login("agent_a")
    services.set_password(db, world.agent_a, "a-much-better-passphrase")
    db.commit()
    assert db.scalar(select(func.count()).select_from(UserSession)) == 0
    assert client.get("/api/v1/me").status_code == 401


def test_a_forged_session_id_is_refused(world, app, client):
    with client.session_transaction() as session:
        session["_user_id"] = f"{world.agent_a.id}.0.made-up-token"
        session["_fresh"] = True
    assert client.get("/api/v1/me").status_code == 401
    with client.session_transaction() as session:
        session["_user_id"] = f"{world.agent_a.id}.0"  # the old form, without a token
    assert client.get("/api/v1/me").status_code == 401
