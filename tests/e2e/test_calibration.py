"""A lead overrides a rating in Chromium; the agent reads the comment; the admin sees it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.integration.test_calibration import played, ready_for_the_lab

SHOTS = Path(os.environ.get("LAB_SHOTS", "/tmp/shots-calibration"))
REPLY = "Понимаю вас. Я проверю, что можно сделать, и вам сообщат."


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def reviewed_by_lead(world, db, browser, live_server):
    """Team A's lead overrides the scorer's 8 with a 4 and says why, in the browser."""
    attempt = played(db, world.agent_a, [8, 9], texts=[REPLY, "Деньги вернутся сегодня."])
    ready_for_the_lab(db, world.agent_a)
    reply = attempt.replies[0]
    context = browser.new_context(locale="en-US", base_url=live_server,
                                  viewport={"width": 1280, "height": 860})
    context.set_default_timeout(10_000)
    lead = context.new_page()
    sign_in(lead, "lead_a", PASSWORD)
    lead.goto(f"/team/{world.team_a.id}/agents/{world.agent_a.id}")
    item = lead.locator(f"#reply-{reply.id}")
    item.get_by_text("Review the rating").click()
    expect(item).to_contain_text("The scorer rated this reply 8.")
    # Overriding without a word of why is refused, with a message saying so.
    item.get_by_label("Your rating").select_option("4")
    item.get_by_role("button", name="Save my rating").click()
    expect(lead.locator(".flash-error")).to_contain_text("Say in a few words why")
    item = lead.locator(f"#reply-{reply.id}")
    item.get_by_text("Review the rating").click()
    item.get_by_label("Your rating").select_option("4")
    item.get_by_label("Why (required when you change the rating)").fill(
        "Нет срока <и> нет действия: клиент позвонит снова.")
    item.get_by_role("button", name="Save my rating").click()
    expect(lead.get_by_text("Review saved")).to_be_visible()
    expect(lead.locator(f"#reply-{reply.id}")).to_contain_text("Lead's rating: 4")
    _shot(lead, "lead-agent-page")
    context.close()
    return attempt


def test_a_lead_overrides_a_rating_and_the_agent_sees_the_comment(reviewed_by_lead, page):
    """The map marks the sector; the result shows the lead's 4 and the comment as typed."""
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/lab")
    marker = page.locator('[data-sector="unexpected-charge"] .lead-marker')
    expect(marker).to_have_text("✎ Your lead left 1 comment")
    marker.get_by_role("link").click()
    review = page.locator(".lead-review.is-override")
    expect(review).to_contain_text("Your lead would rate this reply 4, not 8.")
    expect(review).to_contain_text("Нет срока <и> нет действия: клиент позвонит снова.")
    expect(page.locator(".lead-review")).to_have_count(1)  # the second reply was not reviewed
    _shot(page, "agent-result")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(review).to_be_visible()
    _shot(page, "agent-result-phone")


def test_the_admin_agreement_page_shows_the_override(reviewed_by_lead, page):
    """One review: n is 1, too few for a Spearman; the override tops the differences."""
    sign_in(page, "root", PASSWORD)
    page.goto("/admin")
    page.get_by_role("link", name="Scorer and leads").click()
    expect(page.get_by_test_id("overall-n")).to_have_text("1")
    expect(page.get_by_test_id("overall-spearman")).to_have_text("not enough reviews")
    expect(page.get_by_test_id("overall-gap")).to_have_text("-4.00")
    difference = page.locator(".difference").first
    expect(difference).to_contain_text(REPLY)
    expect(difference).to_contain_text("Нет срока <и> нет действия")
    expect(difference.locator(".diff-ratings")).to_contain_text("Scorer 8 Lead 4 -4")
    _shot(page, "admin-agreement")
