"""Bad input gets a clear page or JSON error in the user's language, never a trace."""

from __future__ import annotations

import pytest


def test_unknown_page_is_a_friendly_404(world, client):
    """An unknown URL shows a page with a way back."""
    response = client.get("/no/such/page")
    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Page not found" in page and "Go to the start page" in page


def test_unknown_page_in_russian(world, client):
    """The error page speaks the user's language."""
    response = client.get("/nope", headers={"Accept-Language": "ru"})
    assert "Страница не найдена" in response.get_data(as_text=True)


def test_unknown_api_path_answers_json(world, client):
    """The API answers JSON even for paths it does not have."""
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["status"] == 404


def test_api_wrong_method_answers_json(world, auth, client):
    """A malformed request to the API gets a JSON error."""
    auth.login("agent_a")
    response = client.post("/api/v1/me", data="{not json", content_type="application/json")
    assert response.status_code in (400, 405)
    assert response.is_json


def test_api_error_message_in_russian(world, client):
    """JSON errors are in the user's language too."""
    response = client.get("/api/v1/me", headers={"Accept-Language": "ru"})
    assert response.status_code == 401
    assert response.get_json()["message"] == "Сначала войдите."


def test_too_large_body_is_refused_cleanly(world, client):
    """A huge POST body gets 413 with a page, not a crash."""
    response = client.post("/login", data={"login": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)


def test_unexpected_error_shows_no_traceback(world, app, client, caplog):
    """A bug shows a calm 500 page; the trace goes to the log only."""
    from lab.auth.access import public

    def broken():
        raise RuntimeError("internal detail that must not leak")

    app.add_url_rule("/broken", "broken", public(broken))
    response = client.get("/broken")
    assert response.status_code == 500
    page = response.get_data(as_text=True)
    assert "Something went wrong" in page
    assert "internal detail" not in page and "Traceback" not in page
    assert "internal detail" in caplog.text


@pytest.mark.parametrize("path", ["/team/999999", "/team/abc"])
def test_bad_ids_are_404(world, auth, client, path):
    """Unknown or malformed ids are not found, not errors."""
    auth.login("root")
    assert client.get(path).status_code == 404
