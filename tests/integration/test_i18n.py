"""Russian and English: chosen by the browser, switchable from any page, remembered."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.pofile import read_po

from lab.paths import ROOT
from tests.web import csrf_from


def test_browser_language_is_the_default(world, client):
    """Without a choice, the browser's Accept-Language decides."""
    ru = client.get("/login", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
    assert "Войти" in ru.get_data(as_text=True)
    en = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert "Sign in" in en.get_data(as_text=True)
    assert 'lang="en"' in en.get_data(as_text=True)


def test_unknown_browser_language_falls_back_to_russian(world, client):
    """A browser asking for neither language gets Russian."""
    page = client.get("/login", headers={"Accept-Language": "de-DE"}).get_data(as_text=True)
    assert "Войти" in page


def test_switch_is_remembered_on_later_pages(world, auth, client):
    """Switching to English sticks for the next pages, whatever the browser says."""
    auth.login("agent_a")
    page = client.get("/codex", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "Кодекс обслуживания" in page
    response = client.post("/language", data={
        "lang": "en", "next": "/codex", "csrf_token": csrf_from(page)})
    assert response.headers["Location"] == "/codex"
    later = client.get("/me", headers={"Accept-Language": "ru"}).get_data(as_text=True)
    assert "My TNPS" in later and "Мой TNPS" not in later


def test_choice_follows_the_user_to_another_device(world, auth, client, app, db):
    """The choice is kept on the profile too."""
    auth.login("agent_a")
    page = client.get("/codex").get_data(as_text=True)
    client.post("/language", data={"lang": "en", "next": "/codex", "csrf_token": csrf_from(page)})
    db.expire_all()
    assert db.get(type(world.agent_a), world.agent_a.id).locale == "en"
    other = app.test_client()
    from tests.web import AuthActions

    AuthActions(other).login("agent_a")
    assert "My TNPS" in other.get("/codex", headers={"Accept-Language": "ru"}).get_data(
        as_text=True)


def test_language_switch_refuses_unknown_language(world, auth, client):
    """Only ru and en can be chosen."""
    page = client.get("/login").get_data(as_text=True)
    response = client.post("/language", data={
        "lang": "xx", "next": "/login", "csrf_token": csrf_from(page)})
    assert response.status_code == 302
    assert "lab_lang=xx" not in response.headers.get("Set-Cookie", "")


def test_every_string_has_a_russian_translation(tmp_path):
    """Every string marked in code and templates, and every message a service refuses
    with (lab.system.messages.Explained), is translated in the ru catalogue."""
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F",
         str(ROOT / "babel.cfg"), "-k", "_l", "-k", "Explained", "-k", "AccountError",
         "-k", "FixError", "-k", "SchemeTextError", "-o", str(pot), "."],
        cwd=ROOT, check=True, capture_output=True,
    )
    with pot.open("rb") as handle:
        wanted = {message.id for message in read_po(handle) if message.id}
    with (ROOT / "lab/translations/ru/LC_MESSAGES/messages.po").open("rb") as handle:
        catalogue = read_po(handle)
    done = {m.id for m in catalogue if m.id and m.string and "fuzzy" not in m.flags}
    assert sorted(map(str, wanted - done)) == []
