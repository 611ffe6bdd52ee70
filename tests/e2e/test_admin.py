"""An admin in Chromium: fixes a quarantined row and sees it counted; manages users."""

from __future__ import annotations

import os
from pathlib import Path

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.integration.test_admin_store import quarantine_bad_score

SHOTS = Path(os.environ.get("LAB_SHOTS_ADMIN", "/tmp/shots-admin"))


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_admin_fixes_a_quarantined_row_and_sees_it_counted(world, db, page):
    """A 6.5 score is corrected to 6: the quarantine empties and team A's TNPS counts it."""
    row = quarantine_bad_score(db)
    sign_in(page, "root", PASSWORD)
    page.goto("/admin/quarantine")
    expect(page.get_by_test_id("count-bad_score")).to_have_text("1")
    page.get_by_role("link", name=str(row.id), exact=True).click()
    expect(page.get_by_text("score must be a whole number")).to_be_visible()
    _shot(page, "quarantine-row")
    page.get_by_label("Field").select_option("score")
    page.get_by_label("New value (empty for none)").fill("6")
    page.get_by_role("button", name="Save and re-process").click()
    expect(page.get_by_role("status")).to_contain_text("stored and counted in TNPS")
    expect(page.get_by_test_id("quarantine-empty")).to_be_visible()
    _shot(page, "quarantine-after")

    page.goto(f"/team?team={world.team_a.id}")
    expect(page.locator(".team-live")).to_contain_text("detractors 1")
    page.goto("/admin/audit")
    expect(page.locator("main")).to_contain_text("quarantine.fix")


def test_admin_creates_and_deactivates_a_user(world, page):
    """A new agent is created (an error first), then deactivated; both show in the list."""
    sign_in(page, "root", PASSWORD)
    page.goto("/admin/users")
    page.get_by_label("Login").fill("vera")
    page.get_by_label("Role").select_option("agent")
    page.get_by_label("Password").fill("a-long-enough-password")
    page.get_by_role("button", name="Create the user").click()
    expect(page.get_by_role("alert")).to_contain_text("an agent needs a team")
    page.get_by_label("Team").select_option(label="Alpha")
    page.get_by_label("Password").fill("a-long-enough-password")
    page.get_by_role("button", name="Create the user").click()
    expect(page.get_by_role("status")).to_contain_text("User vera created")
    page.get_by_role("link", name="vera").click()
    page.get_by_role("button", name="Deactivate").click()
    expect(page.get_by_role("status")).to_contain_text("vera is deactivated")
    _shot(page, "user")
    page.goto("/admin/scheme")
    _shot(page, "scheme")
    page.goto("/admin/teams")
    _shot(page, "teams")
    page.set_viewport_size({"width": 390, "height": 844})
    for name in ("users", "quarantine", "audit", "content"):
        page.goto(f"/admin/{name}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 400, name
        _shot(page, f"phone-{name}")
