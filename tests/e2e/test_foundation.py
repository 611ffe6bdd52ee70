"""Signing in as each role, switching language, errors and refusals, in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD

NAV = {
    "agent_a": ["Lab", "Codex", "My TNPS"],
    "lead_a": ["Lab", "Codex", "My TNPS", "Team"],
    "root": ["Lab", "Codex", "My TNPS", "Team", "Centre", "Admin"],
}
ROLE = {"agent_a": "Agent", "lead_a": "Team lead", "root": "Administrator"}


@pytest.mark.parametrize("login", list(NAV))
def test_each_role_signs_in_and_sees_its_navigation(world, page, login):
    """Each role lands on the Lab and sees exactly its navigation, name and role."""
    sign_in(page, login, PASSWORD)
    # An agent's first visit lands on Eva's welcome tour; leads and admins on the map.
    landing = r"/lab/welcome$" if login.startswith("agent") else r"/lab$"
    expect(page).to_have_url(re.compile(landing))
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link")).to_have_text(NAV[login])
    expect(page.locator(".whoami .role")).to_have_text(ROLE[login])
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("status")).to_contain_text("signed out")


def test_wrong_password_shows_the_error(world, page):
    """A wrong password keeps the user on the form with a visible, announced error."""
    sign_in(page, "agent_a", "not-my-password")
    expect(page.get_by_role("alert")).to_have_text("Wrong login or password.")
    expect(page.get_by_label("Login")).to_have_value("agent_a")
    expect(page).to_have_url(re.compile(r"/login"))


def test_switching_language_is_remembered(world, page):
    """RU switches every label to Russian, and it stays after navigating and reloading."""
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/codex")
    page.get_by_role("button", name="RU").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Кодекс обслуживания")
    expect(page.get_by_role("navigation").get_by_role("link")).to_have_text(
        ["Лаборатория", "Кодекс", "Мой TNPS", "Команда"])
    page.get_by_role("link", name="Команда").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Команда")
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    page.get_by_role("button", name="EN").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team")


def test_agent_typing_team_is_refused(world, page):
    """An agent who types /team gets a clear refusal, and the team's names stay hidden."""
    sign_in(page, "agent_a", PASSWORD)
    response = page.goto("/team")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("No access")
    expect(page.locator("body")).not_to_contain_text("Alpha")


def test_anonymous_user_is_sent_to_login_and_back(world, page):
    """A deep link asks for login first, then opens the page asked for."""
    page.goto("/codex")
    expect(page).to_have_url(re.compile(r"/login\?next=(%2F|/)codex$"))
    page.get_by_label("Login").fill("agent_a")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/codex$"))


def test_phone_layout_keeps_navigation_usable(world, browser, live_server):
    """On a phone-sized screen the navigation and the language switch stay reachable."""
    context = browser.new_context(locale="en-US", base_url=live_server,
                                  viewport={"width": 375, "height": 740}, is_mobile=True)
    phone = context.new_page()
    sign_in(phone, "root", PASSWORD)
    for name in ("Lab", "Codex", "My TNPS", "Team", "Admin"):
        expect(phone.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(phone.get_by_role("button", name="RU")).to_be_visible()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"the page scrolls sideways on a phone ({width}px)"
    context.close()


def test_keyboard_reaches_the_form_in_order(world, page):
    """Tab goes from the skip link through the form fields in reading order."""
    page.goto("/login")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.get_by_label("Login").focus()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password", exact=True)).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Keep me signed in on this device")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Sign in")).to_be_focused()
