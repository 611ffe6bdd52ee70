"""Security headers on every kind of answer, no caching of personal data, no version."""

from __future__ import annotations

import re

import pytest

from lab import create_app
from lab.security_headers import CSP

COMMON = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _check(response, *, cached: bool = False) -> None:
    for name, value in COMMON.items():
        assert response.headers.get(name) == value, name
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    if not cached:
        assert response.headers["Cache-Control"] == "no-store"
    assert re.search(r"\d", response.headers.get("Server", "")) is None


def test_every_kind_of_answer_has_the_headers(world, auth, client):
    _check(client.get("/login"))  # a public page
    _check(client.get("/no-such-page"))  # an error page
    _check(client.get("/api/v1/me"))  # JSON 401
    static = client.get("/static/css/lab.css")
    _check(static, cached=True)  # a static file may be cached
    static.close()
    auth.login("lead_a")
    team = f"/team/{world.team_a.id}"
    for path in ("/lab/welcome", "/me", "/team", "/api/v1/me", f"{team}/overview.csv",
                 f"{team}/overview.json", "/api/v1/me/tnps"):
        response = client.get(path)
        assert response.status_code == 200, path
        _check(response)
    response = client.post("/api/v1/lab/warnings", json={"x": 1},
                           headers={"X-CSRFToken": auth.token("/me")})
    _check(response)


def test_no_hsts_on_plain_http(world, client):
    assert "Strict-Transport-Security" not in client.get("/login").headers


def test_hsts_behind_the_tls_proxy(database_url, tmp_path):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "PROXY_HOPS": 1,
                      "SURVEY_STORE_URL": f"sqlite:///{tmp_path / 'store.db'}"})
    response = app.test_client().get("/login", headers={"X-Forwarded-Proto": "https",
                                                       "X-Forwarded-For": "203.0.113.9"})
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    app.extensions["lab.db"].engine.dispose()


@pytest.mark.parametrize("login", ["agent_a", "lead_a", "admin"])
def test_pages_have_no_inline_script_or_style(world, auth, client, login):
    """The CSP allows neither, so the pages must not need them."""
    auth.login(login)
    for path in ("/lab", "/me", "/codex", "/team", "/admin"):
        html = client.get(path).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), path
        assert not re.search(r"\sstyle=|\son[a-z]+=", html), path


def test_dev_server_hides_its_version():
    from lab.security_headers import QuietRequestHandler

    assert QuietRequestHandler.version_string(object.__new__(QuietRequestHandler)) == "TNPS Lab"
