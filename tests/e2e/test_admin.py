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
    expect(page.get_by_text("The score must be a whole number from 0 to 10.")).to_be_visible()
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
    expect(page.locator("main")).to_contain_text("quarantine row fixed")
    expect(page.locator("main")).to_contain_text("score: 6.5 → 6")


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


def test_admin_dismisses_skipped_surveys_in_bulk(world, db, page):
    """Skipped surveys are out of the default list; one button dismisses all of them,
    ticking a row dismisses that one."""
    from tests.integration.test_admin_store import _held, _row

    _held(db, [_row(i, score=None) for i in range(4)] + [_row(10, score="6.5"),
                                                          _row(11, score="12")])
    sign_in(page, "root", PASSWORD)
    page.goto("/admin/quarantine")
    expect(page.locator("[data-reasons]")).to_contain_text("Can be fixed (2)")
    expect(page.locator("input[name=row]")).to_have_count(2)
    page.get_by_role("link", name="Survey not answered: 4").click()
    expect(page.locator("[data-explanation]")).to_contain_text("nothing to fix")
    page.get_by_role("button", name="Dismiss all 4 rows “Survey not answered”").click()
    expect(page.get_by_role("status")).to_contain_text("4 rows dismissed.")
    page.goto("/admin/quarantine")
    page.locator("input[name=row]").first.check()
    page.get_by_role("button", name="Dismiss the selected rows").click()
    expect(page.get_by_role("status")).to_contain_text("1 row dismissed.")
    expect(page.locator("input[name=row]")).to_have_count(1)
    _shot(page, "quarantine-bulk")
