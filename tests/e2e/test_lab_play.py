"""Playing a whole sector in Chromium, as an agent would."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from lab.db import utcnow
from lab.training.models import CodexRead, LabProfile
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD

SECTOR = "unexpected-charge"


@pytest.fixture
def ready_agent(world, db, app):
    """agent_a has seen the tour and read every Codex chapter but the last."""
    chapters = app.extensions["lab.content"].codex.chapters
    for chapter in chapters[:-1]:
        db.add(CodexRead(user_id=world.agent_a.id, chapter=chapter.slug))
    db.add(LabProfile(user_id=world.agent_a.id, xp=0, tour_done_at=utcnow()))
    db.commit()
    return chapters[-1]


def _reply(page, text: str) -> None:
    page.get_by_role("textbox", name="Your reply").fill(text)
    page.get_by_role("button", name="Send to the customer").click()


def test_play_sector_one_from_codex_to_result(ready_agent, page, app):
    """Read the last chapter, play six steps (one bad), see the code, stars and sector 2."""
    sector = app.extensions["lab.content"].sector(SECTOR)
    sign_in(page, "agent_a", PASSWORD)
    expect(page.get_by_text("First, the Codex")).to_be_visible()
    page.goto(f"/codex/{ready_agent.slug}")
    page.get_by_role("button", name="I have read this chapter").click()
    expect(page.get_by_role("status")).to_contain_text("sector 1 is open")

    page.goto("/lab")
    page.locator(f"[data-sector={SECTOR}]").get_by_role("link").click()
    expect(page.get_by_role("heading", name="Customer card")).to_be_visible()
    page.get_by_role("button", name="Take the call").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 1 of 6")
    expect(page.locator(".bubble.customer .said").last).to_contain_text("299")

    # A good reply calms the customer down.
    _reply(page, sector.trial(1).model_answer.en)
    expect(page.locator(".result-flash")).to_contain_text("promoter")
    expect(page.locator(".bubble.customer .said").nth(-2)).to_have_text(
        sector.trial(1).branches.promoter.text.en)
    page.get_by_text("Show the model answer").click()
    expect(page.locator("details.model p")).to_be_visible()

    # Eva warns while a bad draft is typed, before it is sent.
    box = page.get_by_role("textbox", name="Your reply")
    box.press_sequentially("You should have read the terms yourself.", delay=5)
    expect(page.locator("[data-live-warnings]")).to_contain_text("Eva warns")
    _reply(page, "You should have read the terms yourself. Not our problem.")
    expect(page.locator(".result-flash")).to_contain_text("detractor")
    expect(page.locator(".chat-mood [data-move]")).to_have_text("↑ angrier")

    for step in range(3, 7):
        _reply(page, sector.trial(step).model_answer.en)
    expect(page).to_have_url(re.compile(rf"/lab/{SECTOR}/attempts/\d+"))
    expect(page.locator("[data-code]")).to_have_text("+67")
    expect(page.get_by_label("2 of 3 stars")).to_be_visible()
    expect(page.get_by_text("Sector passed!")).to_be_visible()

    page.get_by_role("link", name="Back to the map").click()
    second = app.extensions["lab.content"].sectors[1]
    expect(page.locator(f"[data-sector={second.id}] .state-tag")).to_have_text("Unlocked")
    expect(page.locator(f"[data-sector={SECTOR}] .code strong")).to_have_text("+67")


def _take_the_call(page) -> None:
    page.goto(f"/lab/{SECTOR}")
    page.get_by_role("button", name="Take the call").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 1 of 6")


def test_a_reply_without_the_time_is_asked_for_the_time(ready_agent, page, app, db, world):
    """The refund promised without a time brings the customer's question about the time."""
    db.add(CodexRead(user_id=world.agent_a.id, chapter=ready_agent.slug))
    db.commit()
    trial = app.extensions["lab.content"].sector(SECTOR).trial(1)
    asked = [t.en for r in trial.reactions if "refund" in r.when.untimed for t in r.say]
    sign_in(page, "agent_a", PASSWORD)
    _take_the_call(page)
    _reply(page, "Hello Irina, I'm sorry. I've switched the subscription off and we'll refund "
                 "the 299 roubles to your balance.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 2 of 6")
    said = page.locator(".bubble.customer .said").nth(-2).inner_text()
    assert said in asked and "when" in said.lower()


def test_a_fact_given_at_step_one_is_not_asked_again(ready_agent, page, app, db, world):
    """The refund time said at step 1: at step 3 the customer builds on it instead of
    asking "when do I get my money back?", and Eva does not ask for the time again."""
    db.add(CodexRead(user_id=world.agent_a.id, chapter=ready_agent.slug))
    db.commit()
    sector = app.extensions["lab.content"].sector(SECTOR)
    sign_in(page, "agent_a", PASSWORD)
    _take_the_call(page)
    _reply(page, sector.trial(1).model_answer.en)
    _reply(page, sector.trial(2).model_answer.en)
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 3 of 6")
    last = page.locator(".bubble.customer .said").last
    expect(last).to_have_text(sector.trial(3).customer_given[0].text.en)
    expect(page.locator(".chat")).not_to_contain_text(sector.trial(3).customer.en)
    _reply(page, "I'll send you an SMS the moment the money lands, so you won't need to keep "
                 "checking your balance.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 4 of 6")
    refund_time = next(n for n in sector.trial(3).rubric.needs if n.id == "refund-time")
    expect(page.locator(".eva-block")).not_to_contain_text(refund_time.feedback.en)


def test_result_replays_the_call_and_a_step_can_be_tried_again(ready_agent, page, app, db,
                                                               world):
    """The result page replays all six steps; "Try this step again" reopens step 5 with the
    first four replies kept."""
    db.add(CodexRead(user_id=world.agent_a.id, chapter=ready_agent.slug))
    db.commit()
    sector = app.extensions["lab.content"].sector(SECTOR)
    sign_in(page, "agent_a", PASSWORD)
    _take_the_call(page)
    for trial in sector.trials:
        _reply(page, trial.model_answer.en)
    expect(page).to_have_url(re.compile(rf"/lab/{SECTOR}/attempts/\d+"))
    expect(page.locator(".replay-step")).to_have_count(6)
    expect(page.locator("[data-code]")).to_have_attribute("data-category", "promoter")
    step6 = page.locator("#step-6")
    expect(step6.locator("[data-reaction]")).to_contain_text(
        sector.trial(6).branches.promoter.text.en)
    step6.get_by_text("Show the model answer").click()
    expect(step6.locator("details.model p")).to_be_visible()
    page.locator("#step-5").get_by_role("button", name="Try this step again").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 5 of 6")
    expect(page.locator(".bubble.agent")).to_have_count(4)


def test_on_a_phone_the_conversation_comes_first(ready_agent, page, app, db, world):
    """At 390 px the customer's newest message and the reply box are on the first screen,
    Eva's panel below them, also after a few steps of history."""
    db.add(CodexRead(user_id=world.agent_a.id, chapter=ready_agent.slug))
    db.commit()
    sector = app.extensions["lab.content"].sector(SECTOR)
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "agent_a", PASSWORD)
    _take_the_call(page)
    for trial in sector.trials[:3]:
        _reply(page, trial.model_answer.en)
    expect(page.get_by_role("heading", level=1)).to_have_text("Step 4 of 6")
    page.evaluate("window.scrollTo(0, 0)")
    newest = page.locator(".chat .bubble.customer").last.bounding_box()
    box = page.get_by_role("textbox", name="Your reply").bounding_box()
    eva = page.locator("aside.eva").bounding_box()
    assert newest["y"] + newest["height"] <= 844, newest
    assert box["y"] < eva["y"]


def test_tour_is_skippable_and_replayable(world, page):
    """The welcome tour walks step by step, can be skipped, and comes back on request."""
    sign_in(page, "agent_a", PASSWORD)
    expect(page.get_by_role("heading", name="1. What TNPS is")).to_be_visible()
    expect(page.get_by_role("button", name="Back")).to_be_hidden()
    expect(page.get_by_role("button", name="Let's begin")).to_be_hidden()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="2. How real customers rate you")).to_be_visible()
    expect(page.get_by_role("heading", name="1. What TNPS is")).to_be_hidden()
    page.get_by_role("button", name="Skip the tour").click()
    expect(page).to_have_url(re.compile(r"/lab$"))
    page.get_by_role("link", name="Replay Eva's welcome tour").click()
    expect(page.get_by_role("heading", name="1. What TNPS is")).to_be_visible()
