"""The centre in Chromium: a manager reads and cannot change; a lead's bell rings within
10 s of an alarming detractor arriving; the digest lists this week's comment."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import expect

from lab.db import utcnow
from tests.answers import answer, store
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD

SHOTS = Path(os.environ.get("LAB_SHOTS", "/tmp/shots-centre"))


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_manager_reads_the_centre_and_cannot_change_anything(page, app, db, world):
    now = utcnow()
    store(app, db, [answer("agent_a", 10 if i % 3 else 3, now - timedelta(hours=1, minutes=i))
                    for i in range(40)])
    sign_in(page, "boss", PASSWORD)
    expect(page).to_have_url(f"{page.url.split('/centre')[0]}/centre")
    expect(page.get_by_role("heading", name="The centre", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="Teams side by side")).to_be_visible()
    expect(page.locator("tr[data-segment='Alpha']")).to_contain_text("n=40")
    _shot(page, "centre-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    _shot(page, "centre-390")
    page.set_viewport_size({"width": 1280, "height": 860})
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link")).to_have_text(["Codex", "Team", "Centre"])
    expect(page.locator(".whoami .role")).to_have_text("Manager")
    page.goto(f"/team/{world.team_a.id}")
    expect(page.get_by_role("heading", name="Alpha")).to_be_visible()
    # No form that changes anything: only sign-out and the language switch post.
    actions = page.locator("form[method='post']").evaluate_all(
        "forms => forms.map(f => new URL(f.action).pathname)")
    assert sorted(set(actions)) == ["/language", "/logout"]
    page.goto(f"/team/{world.team_a.id}/follow-up")
    answered = page.evaluate("""async () => {
        const token = document.querySelector("input[name=csrf_token]").value;
        const r = await fetch(location.pathname + "/1", {method: "POST",
            headers: {"Content-Type": "application/x-www-form-urlencoded"},
            body: "csrf_token=" + encodeURIComponent(token) + "&status=resolved"});
        return r.status; }""")
    assert answered == 403


def test_an_alarming_detractor_rings_the_leads_bell_within_10_s(page, app, db, world):
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/team")
    bell = page.locator("[data-bell-count]")
    expect(bell).to_be_hidden()
    started = time.monotonic()
    store(app, db, [answer("agent_a", 1, utcnow() - timedelta(minutes=1),
                           "Подам в суд, если не вернёте деньги")])
    expect(bell).to_have_text("1", timeout=10_000)
    assert time.monotonic() - started < 10
    page.locator("[data-bell]").click()
    expect(page.get_by_text("Alpha: 1 alarming detractor")).to_be_visible()


def test_the_digest_lists_a_comment_pushed_this_week(page, app, db, world):
    store(app, db, [answer("agent_b", 4, utcnow() - timedelta(minutes=5),
                           "Связь <b>пропадает</b> каждый вечер")])
    sign_in(page, "boss", PASSWORD)
    page.goto("/centre/digest")
    expect(page.get_by_text("Связь <b>пропадает</b> каждый вечер")).to_be_visible()
    _shot(page, "digest-1280")
