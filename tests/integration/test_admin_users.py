"""Admin: users (create, role and team, password, deactivate), teams and leads, audit log."""

from __future__ import annotations

from sqlalchemy import select

from lab.accounts.models import Team, User
from lab.system.models import AuditEvent
from tests.factories import PASSWORD
from tests.web import csrf_from


def _token(client, path: str) -> str:
    return csrf_from(client.get(path).get_data(as_text=True).split("<main")[1])


def test_create_user_and_clear_errors(auth, client, db, world):
    """A valid agent is created; a duplicate login comes back with the reason."""
    auth.login("root")
    token = _token(client, "/admin/users")
    data = {"csrf_token": token, "login": "Nina", "name": "Nina N", "role": "agent",
            "team_id": str(world.team_a.id), "password": "a-long-enough-password"}
    assert client.post("/admin/users", data=data).status_code == 302
    again = client.post("/admin/users", data=data)
    assert again.status_code == 400
    assert "already exists" in again.get_data(as_text=True)
    no_team = client.post("/admin/users", data={**data, "login": "olga", "team_id": ""})
    assert "an agent needs a team" in no_team.get_data(as_text=True)
    db.rollback()
    db.expire_all()
    nina = db.scalar(select(User).where(User.login == "nina"))
    assert nina.team.name == "Alpha"


def test_create_user_needs_csrf(auth, client, world):
    """Without its token the form is refused."""
    auth.login("root")
    response = client.post("/admin/users", data={"login": "x1", "role": "admin",
                                                 "password": "a-long-enough-password"})
    assert response.status_code == 400


def test_deactivate_reactivate_and_reset_password(auth, client, db, world):
    """Deactivation stops sign-in; reactivation and a new password let the user back."""
    auth.login("root")
    url = f"/admin/users/{world.agent_a.id}"
    client.post(url + "/active", data={"csrf_token": _token(client, url)})
    db.rollback()
    db.expire_all()
    assert db.get(User, world.agent_a.id).active is False
    client.post(url + "/active", data={"csrf_token": _token(client, url)})
    response = client.post(url + "/password", data={"csrf_token": _token(client, url),
                                                     "password": "brand-new-password-1"})
    assert response.status_code == 302
    short = client.post(url + "/password", data={"csrf_token": _token(client, url),
                                                 "password": "x"})
    assert short.status_code == 400
    auth.logout()
    assert auth.login("agent_a", "brand-new-password-1").status_code == 302
    db.rollback()
    db.expire_all()
    actions = set(db.scalars(select(AuditEvent.action)))
    assert {"user.deactivate", "user.activate", "user.password"} <= actions


def test_admin_cannot_deactivate_themself(auth, client, db, world):
    """The last door stays open: an admin cannot lock themself out."""
    auth.login("root")
    url = f"/admin/users/{world.admin.id}"
    client.post(url + "/active", data={"csrf_token": _token(client, url)})
    db.rollback()
    db.expire_all()
    assert db.get(User, world.admin.id).active is True


def test_change_role_to_lead_of_a_team(auth, client, db, world):
    """An agent made lead of team B leads it (and is no longer its member)."""
    auth.login("root")
    url = f"/admin/users/{world.agent_a2.id}"
    response = client.post(url + "/role", data={"csrf_token": _token(client, url),
                                                "role": "lead", "team_id": str(world.team_b.id)})
    assert response.status_code == 302
    db.rollback()
    db.expire_all()
    user = db.get(User, world.agent_a2.id)
    assert user.role == "lead" and user.team is None
    assert [t.name for t in user.led_teams] == ["Beta"]


def test_teams_create_and_assign_lead(auth, client, db, world):
    """A new team is created, a lead added and removed; duplicates are refused."""
    auth.login("root")
    token = _token(client, "/admin/teams")
    assert client.post("/admin/teams", data={"csrf_token": token, "name": "Gamma",
                                             "lead": ""}).status_code == 302
    duplicate = client.post("/admin/teams", data={"csrf_token": token, "name": "gamma",
                                                  "lead": ""})
    assert duplicate.status_code == 400 and "already exists" in duplicate.get_data(as_text=True)
    db.rollback()
    db.expire_all()
    gamma = db.scalar(select(Team).where(Team.name == "Gamma"))
    client.post(f"/admin/teams/{gamma.id}/leads", data={"csrf_token": token, "lead": "lead_b"})
    db.rollback()
    db.expire_all()
    assert [lead.login for lead in db.get(Team, gamma.id).leads] == ["lead_b"]
    client.post(f"/admin/teams/{gamma.id}/leads/{world.lead_b.id}/remove",
                data={"csrf_token": token})
    db.rollback()
    db.expire_all()
    assert db.get(Team, gamma.id).leads == []


def test_audit_log_pages(auth, client, db, world):
    """The audit log shows the newest events a page at a time and filters by action."""
    from lab.system.settings import audit

    for number in range(60):
        audit(db, "test.event", f"target-{number}")
    audit(db, "other.event", "lonely")
    db.commit()
    auth.login("root")
    first = client.get("/admin/audit").get_data(as_text=True)
    assert "lonely" in first and "Page 1 of 2" in first
    second = client.get("/admin/audit?page=2").get_data(as_text=True)
    assert "target-0<" in second
    only = client.get("/admin/audit?action=other").get_data(as_text=True)
    assert "lonely" in only and "target-5<" not in only


def test_admin_makes_a_manager_and_sets_an_email(app, db, world):
    """The admin's user form offers the manager role and keeps an e-mail for alerts."""
    from lab.accounts.models import User
    from tests.web import csrf_from

    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"login": "root", "password": PASSWORD,
                                "csrf_token": csrf_from(page)})
    page = client.get(f"/admin/users/{world.lead_b.id}").get_data(as_text=True)
    assert 'value="manager"' in page
    token = csrf_from(page)
    assert client.post(f"/admin/users/{world.lead_b.id}/role", data={
        "csrf_token": token, "role": "manager", "team_id": ""}).status_code == 302
    bad = client.post(f"/admin/users/{world.lead_b.id}/email",
                      data={"csrf_token": token, "email": "not an address"})
    assert bad.status_code == 400 and "Type an e-mail address." in bad.get_data(as_text=True)
    assert client.post(f"/admin/users/{world.lead_b.id}/email", data={
        "csrf_token": token, "email": "b@example.org"}).status_code == 302
    db.expire_all()
    changed = db.get(User, world.lead_b.id)
    assert (changed.role, changed.email, changed.led_teams) == ("manager", "b@example.org", [])
