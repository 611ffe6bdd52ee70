"""Eva's copy reads naturally, and the tour reconciles the formula with reputation."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD


def test_the_tour_reads_right_in_both_languages(world, page, live_server):
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/lab/welcome")
    tour = page.locator("main")
    expect(tour).to_contain_text("Eva, an android built to take care of customers")
    expect(tour).not_to_contain_text("programmed to generate")
    # Right after the formula that counts every answer once, the tour says why one
    # negative review still weighs more: reputation, not the formula.
    expect(tour).to_contain_text("The formula counts every answer the same, but a reputation "
                                 "does not: one negative review outweighs five positive ones")
    page.context.add_cookies([{"name": "lab_lang", "value": "ru", "url": live_server}])
    page.goto("/lab/welcome")
    expect(tour).to_contain_text("андроид, созданный заботиться о клиентах")
    expect(tour).to_contain_text("В формуле каждый ответ весит одинаково, а в репутации — нет")
