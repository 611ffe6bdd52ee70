"""Each thing is said once: Eva's live warnings while typing, a form's error."""

from __future__ import annotations

from playwright.sync_api import expect

from lab.db import utcnow
from lab.training.models import CodexRead, LabProfile
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD


def test_a_live_warning_shows_once_however_often_it_is_hit(world, db, app, page):
    """Two rude phrases in one draft: Eva's advice on rudeness appears once."""
    for chapter in app.extensions["lab.content"].codex.chapters:
        db.add(CodexRead(user_id=world.agent_a.id, chapter=chapter.slug))
    db.add(LabProfile(user_id=world.agent_a.id, xp=0, tour_done_at=utcnow()))
    db.commit()
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/lab/unexpected-charge")
    page.get_by_role("button", name="Take the call").click()
    page.get_by_role("textbox", name="Your reply").press_sequentially(
        "It's not my fault, it is your problem. ", delay=5)
    panel = page.locator("[data-live-warnings]")
    expect(panel).to_contain_text("Rudeness is never acceptable")
    items = panel.locator("li").all_text_contents()
    assert len(items) == len(set(items)), items
    assert sum("Rudeness" in item for item in items) == 1, items


def test_the_create_user_form_says_a_password_problem_once(world, page):
    sign_in(page, "root", PASSWORD)
    page.goto("/admin/users")
    page.get_by_label("Login").fill("vera")
    page.get_by_label("Role").select_option("admin")
    page.get_by_label("Password").fill("short")
    page.get_by_role("button", name="Create the user").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("at least 8 characters")
    assert alert.inner_text().count("at least 8 characters") == 1, alert.inner_text()
