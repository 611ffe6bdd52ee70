"""A team lead in Chromium: finds the gamed agents on the fair numbers page, reads the
evidence and notes that they looked into it; on a phone the page still reads."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.integration.test_fairness_page import gamed_team  # noqa: F401 (a fixture)


def test_lead_reads_the_signs_and_notes_a_look(gamed_team, page):  # noqa: F811
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/team")
    page.get_by_role("link", name="Fair numbers").click()
    expect(page.get_by_role("heading", name="Fair numbers")).to_be_visible()
    steerer = page.locator('[data-flagged="steerer"]')
    expect(steerer).to_contain_text("Channel steering")
    expect(steerer.locator("tr.hit").first).to_contain_text("TNPS gap IVR − SMS")
    beggar = page.locator('[data-flagged="beggar"]')
    expect(beggar).to_contain_text("Begging")
    expect(beggar.locator(".fairness-comments li").first).to_be_visible()

    beggar.get_by_label("What you found").fill("Listened to three calls: she asks for a 10.")
    beggar.get_by_role("button", name="I looked into it").click()
    expect(page.locator(".flash, [role=status], .notice").first).to_contain_text("Noted")
    expect(page.locator('[data-flagged="beggar"] [data-reviewed]')).to_contain_text(
        "Listened to three calls")

    page.set_viewport_size({"width": 390, "height": 800})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"the page scrolls sideways on a phone: {width}px"
