"""My TNPS in Chromium: own data only, live answers without reload, the bonus panel."""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from lab.surveys.settings import settings_from
from lab.surveys.store import SurveyStore
from lab.surveys.sync import sync_once
from lab.tnps.bonus import BonusScheme
from lab.tnps.scheme_store import save_scheme
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.integration.test_me import add_answers, answer, scores, this_month_moment

SHOTS = Path(os.environ.get("LAB_SHOTS_DIR", "/tmp/shots-dashboard"))
COMMENTS = [
    (2, "You charged me for a subscription I never ordered, money is gone"),
    (10, "Polite agent, explained everything and thanked me"),
    (3, "Internet signal drops every evening, nobody can fix it"),
    (9, "The refund came back the same day, thanks"),
    (6, "The new tariff price is too expensive for me"),
    (1, "They charged my balance twice this month"),
    (8, "Connection is fine now, the engineer came quickly"),
    (10, "Friendly and patient, a pleasure to talk to"),
]


def _history(app, db) -> None:
    """Six months of answers for agent_a and the team, with comments on several topics."""
    tz = app.config["TIMEZONE"]
    now = this_month_moment(tz)
    rows = []
    for week in range(26):
        ended = now - timedelta(weeks=week, hours=2)
        if week in (9, 10):
            continue  # a holiday: the trend shows the gap
        for i in range(3 + week % 3):
            score, text = COMMENTS[(week + i) % len(COMMENTS)]
            score = min(10, score + (1 if week > 12 and score < 9 else 0))
            rows.append(answer("agent_a", score, text, ended=ended - timedelta(hours=i),
                               channel="sms" if i % 2 else "ivr"))
        for i in range(6):
            rows.append(answer("agent_a2", (10, 9, 8, 10, 4, 9)[i], None,
                               ended=ended - timedelta(hours=i)))
    # Enough this month for a tier: seconds apart, so they stay inside the month.
    for i in range(30):
        score, text = COMMENTS[i % len(COMMENTS)]
        rows.append(answer("agent_a", (10, 9, 10, 8, 3)[i % 5], text if i % 3 == 0 else None,
                           ended=now - timedelta(seconds=i + 1)))
    add_answers(app, db, rows)


def _shoot(page, name: str) -> None:
    """The whole page, and each card on its own (readable at full size)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    cards = page.locator("main section.card")
    for index in range(cards.count()):
        cards.nth(index).screenshot(path=str(SHOTS / f"{name}-card{index}.png"))


def test_agent_sees_only_own_numbers_and_comments(app, db, world, page):
    """agent_a's page shows agent_a's comments; a teammate's and another team's never."""
    scores(app, db, "agent_a", [10, 9], "Anna solved it in two minutes")
    scores(app, db, "agent_a2", [0, 1, 2], "Teammate's private complaint")
    scores(app, db, "agent_b", [3], "Other team's private complaint")
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me")
    expect(page.get_by_role("heading", name="My TNPS", level=1)).to_be_visible()
    expect(page.locator(".comment-text").first).to_have_text("Anna solved it in two minutes")
    content = page.content()
    assert "private complaint" not in content
    # Two promoters of my own: the counts are mine, not the team's five answers.
    expect(page.locator('[data-live-field="promoters"]').first).to_have_text("2")
    expect(page.locator('[data-live-field="detractors"]').first).to_have_text("0")


def test_new_answer_in_the_store_appears_without_reload(app, db, world, page):
    """A row written into the survey store and synced shows on the open page: the notice
    is announced, the comment is listed, the headline counts it."""
    app.config["ME_POLL_SECONDS"] = 1
    scores(app, db, "agent_a", [9])
    settings = settings_from(app.config)
    store = SurveyStore.from_settings(settings)
    store.create()
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me")
    expect(page.locator('[data-live-field="detail"]').first).to_contain_text("n = 1")
    marker = page.evaluate("() => { window.__sameDocument = true; return 1; }")
    ended = this_month_moment(app.config["TIMEZONE"])
    store.append([answer("agent_a", 2, "Fresh <b>complaint</b> from the store", ended=ended),
                  answer("agent_a", 10, None, ended=ended)])
    sync_once(app.extensions["lab.db"].sessions, store, settings)
    store.dispose()
    notice = page.get_by_role("status").filter(has_text="New answers")
    expect(notice).to_contain_text("New answers since you opened the page: 2.")
    expect(page.locator(".comment-text").first).to_have_text(
        "Fresh <b>complaint</b> from the store")
    expect(page.locator('[data-live-field="detail"]').first).to_contain_text("n = 3")
    expect(page.locator('.strip-me [data-live-field="detail"]')).to_contain_text("n = 3")
    expect(page.locator('[data-mix="detractors"]')).not_to_have_attribute("width", "0")
    assert marker == 1 and page.evaluate("() => window.__sameDocument === true")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "me-live-notice.png"))


def test_bonus_panel_matches_the_scheme(app, db, world, page):
    """Eight promoters, a passive and a detractor under a known scheme: +70 pays 15%,
    five promoters reach 25%, one detractor costs 15 points and six promoters."""
    save_scheme(db, BonusScheme([(-100, 0), (0, 5), (50, 15), (80, 25)], min_n=10))
    db.commit()
    scores(app, db, "agent_a", [10] * 8 + [8, 3])
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me")
    panel = page.locator("[data-bonus]")
    expect(panel.locator("[data-bonus-percent]")).to_have_text("15%")
    expect(panel.locator("[data-bonus-next]")).to_contain_text(
        "25% from TNPS +80: 5 more promoters without a new detractor")
    expect(panel.locator("[data-bonus-detractor]")).to_contain_text("from +70 to +55")
    expect(panel.locator("[data-bonus-detractor]")).to_contain_text("takes 6 promoters")
    expect(panel.locator("[data-forecast-sentence]")).to_have_text(
        re.compile(r"If you keep answering as you do, there is a (<1|>99|\d+)% chance you end "
                   r"\w+ at 15% or more\."))


def test_bonus_panel_without_enough_data(app, db, world, page):
    """Four answers under a scheme that needs ten: no percent, how many are missing."""
    save_scheme(db, BonusScheme([(-100, 0), (0, 5), (50, 15)], min_n=10))
    db.commit()
    scores(app, db, "agent_a", [10, 10, 9, 2])
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me")
    panel = page.locator("[data-bonus]")
    expect(panel.locator("[data-bonus-percent]")).to_have_text("Not enough data yet")
    expect(panel).to_contain_text("4 of the 10 answers the scheme needs this month: 6 more")
    expect(page.locator('[data-live-field="tnps"]').first).to_have_text("Not enough data")


@pytest.mark.parametrize("lang,width", [("en", 1280), ("en", 390), ("ru", 1280), ("ru", 390)])
def test_page_reads_in_both_languages_and_on_a_phone(app, db, world, page, lang, width):
    """The full page with six months of answers: no horizontal scroll, charts described."""
    _history(app, db)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, "agent_a", PASSWORD)
    if lang == "ru":
        page.goto("/codex")
        page.get_by_role("button", name="RU").click()
    page.goto("/me")
    expect(page.locator(".trend svg")).to_be_visible()
    expect(page.locator("#trend-cap")).not_to_be_empty()
    expect(page.locator(".odds li").first).to_be_visible()
    assert page.locator(".comment").count() == 20
    _shoot(page, f"me-{lang}-{width}")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{overflow}px of horizontal scroll at {width}px"


def test_lead_sees_the_empty_state(app, db, world, page):
    """A lead without calls sees what will be there, not invented numbers."""
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/me")
    expect(page.get_by_role("heading", name="No survey answers yet")).to_be_visible()
    _shoot(page, "me-lead-empty")
