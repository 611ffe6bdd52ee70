"""A team lead in Chromium: works a detractor from new to resolved; never sees another team."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.integration.test_team_overview import add_answers

SHOTS = Path(os.environ.get("LAB_SHOTS", "/tmp/shots-team"))


def _shot(page, name: str) -> None:
    """Keep a screenshot to look at (desktop, then phone width)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def answers(world, db):
    """Team A has promoters and detractors (one threatening court); team B has one too."""
    add_answers(db, "agent_a", [10] * 20 + [8] * 4)
    add_answers(db, "agent_a", [1], comment="Подам в суд, если не вернёте деньги за подписку")
    add_answers(db, "agent_a2", [5], comment="Долго ждал на линии")
    add_answers(db, "agent_a2", [2], comment="Списали деньги непонятно за что", hours_ago=60)
    add_answers(db, "agent_b", [0], comment="Секрет команды Бета")
    return world


def test_lead_works_a_detractor_from_new_to_resolved(answers, page):
    """The court threat is on top; in progress, then resolved with an outcome and a note."""
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/team")
    expect(page.get_by_role("navigation", name="Teams")).to_have_text("Alpha")
    _shot(page, "overview")
    page.get_by_role("link", name="Follow-up").click()
    first = page.locator(".queue-item").first
    expect(first).to_contain_text("Подам в суд")
    expect(first).to_contain_text("High alarm")
    expect(page.locator(".queue-item.is-overdue")).to_contain_text("Списали деньги")
    _shot(page, "followups")
    first.get_by_role("link", name="Open").click()

    page.get_by_label("Status").select_option("in_progress")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("status")).to_have_text("Being worked on")

    # Closing without a note is refused with a clear message.
    page.get_by_label("Status").select_option("resolved")
    page.get_by_label("Outcome (when closing)").select_option("won_back")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Write a note")

    page.get_by_label("Status").select_option("resolved")
    page.get_by_label("Outcome (when closing)").select_option("won_back")
    page.get_by_label("Note").fill("Вернули 299 ₽, клиент остаётся")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("status")).to_have_text("Resolved")
    expect(page.locator(".history li")).to_have_count(2)
    _shot(page, "followup-resolved")

    page.goto(page.url.rsplit("/", 1)[0] + "?show=all")
    expect(page.get_by_text("customers won back (of 1 closed)")).to_be_visible()


def test_lead_never_sees_another_team(answers, page, world):
    """Team B's agents and comments appear nowhere for lead A: pages, CSV, JSON."""
    sign_in(page, "lead_a", PASSWORD)
    for path in ("/team", f"/team/{world.team_a.id}", f"/team/{world.team_a.id}/follow-up?show=all",
                 f"/team/{world.team_a.id}/coaching", f"/team/{world.team_a.id}/training-effect"):
        page.goto(path)
        expect(page.locator("main")).not_to_contain_text("Boris")
        expect(page.locator("main")).not_to_contain_text("Секрет команды Бета")
        expect(page.locator("main")).not_to_contain_text("Beta")
    for path in (f"/team?team={world.team_b.id}", f"/team/{world.team_b.id}",
                 f"/team/{world.team_b.id}/follow-up", f"/team/{world.team_b.id}/overview.csv",
                 f"/team/{world.team_b.id}/overview.json",
                 f"/team/{world.team_a.id}/agents/{world.agent_b.id}"):
        assert page.request.get(path).status == 404, path
    csv_text = page.request.get(f"/team/{world.team_a.id}/overview.csv").text()
    assert "agent_b" not in csv_text and "agent_a2" in csv_text
    data = page.request.get(f"/team/{world.team_a.id}/overview.json").json()
    assert {row["agent"] for row in data["agents"]} == {"agent_a", "agent_a2"}


def test_pages_on_a_phone(answers, page, world):
    """The overview and the queue fit a 390px screen (screenshots to look at)."""
    sign_in(page, "lead_a", PASSWORD)
    page.set_viewport_size({"width": 390, "height": 844})
    for name, path in (("overview", "/team"), ("followups", f"/team/{world.team_a.id}/follow-up"),
                       ("coaching", f"/team/{world.team_a.id}/coaching"),
                       ("effect", f"/team/{world.team_a.id}/training-effect"),
                       ("agent", f"/team/{world.team_a.id}/agents/{world.agent_a.id}")):
        page.goto(path)
        expect(page.locator("main h1")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 400, f"{path} scrolls sideways ({width}px)"
        _shot(page, f"phone-{name}")


def test_training_effect_is_honest_about_few_answers_and_labels_its_dots(world, db, page):
    """One answer after passing is no '+80 points'; the scatter's axes fit three agents
    between +40 and +90 and each dot carries the number its table row shows."""
    from tests.integration.test_team_agent import _attempt

    add_answers(db, "agent_a", [0, 0, 10], hours_ago=24 * 5)
    _attempt(db, world.agent_a, "Ответ", days_ago=3)
    add_answers(db, "agent_a", [10], hours_ago=24)
    _attempt(db, world.agent_a2, "Ответ", days_ago=3)
    add_answers(db, "agent_a2", [10, 10, 9, 9, 8], hours_ago=30)
    sign_in(page, "lead_a", PASSWORD)
    page.goto(f"/team/{world.team_a.id}/training-effect")
    row = page.locator(".effect-table tbody tr").filter(has_text=world.agent_a.name)
    expect(row.locator("[data-too-few]")).to_contain_text("n = 3 before, 1 after")
    expect(row).not_to_contain_text("points")
    # Both practice codes sit in one 50-point span: the x axis is that span, not -100..100.
    xs = page.locator(".scatter .x-tick").all_text_contents()
    assert len(xs) == 3 and "-100" not in xs, xs
    dots = page.locator(".scatter [data-dot]")
    expect(dots).to_have_count(2)
    first = dots.first
    number = first.locator(".dot-label").text_content()
    expect(first.locator("title")).to_contain_text(f"{number}. ")
    named = first.locator("title").text_content().split(":")[0].split(". ", 1)[1]
    table_row = page.locator(".scatter + .table-wrap tr, .card .table-wrap tr").filter(
        has_text=named).first
    expect(table_row.locator(".dot-number")).to_have_text(number)
    # Every tick label lies inside the chart (the "+100" was cut off at the edge).
    svg = page.locator(".scatter svg").bounding_box()
    for box in (t.bounding_box() for t in page.locator(".scatter .axis-label").all()):
        assert box["x"] >= svg["x"] - 1 and box["x"] + box["width"] <= svg["x"] + svg["width"] + 1


@pytest.mark.parametrize("width", [1280, 390])
def test_overview_table_reads_at_desktop_and_phone_width(answers, db, page, width):
    """At 1280 px the 'Needs help' column is on screen whole; at 390 px the agent's name
    stays in view while the table scrolls sideways to the last column."""
    add_answers(db, "agent_a2", [0] * 20 + [10] * 12)  # both flags, long labels
    page.set_viewport_size({"width": width, "height": 860})
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/team")
    table = page.locator(".overview-table")
    wrap = page.locator(".overview-table").locator("xpath=..")
    header = table.locator("thead th").last
    expect(header).to_have_text("Needs help")
    if width == 1280:
        edge = wrap.bounding_box()["x"] + wrap.bounding_box()["width"] + 1
        flags = table.locator("td.flags .flag")
        expect(flags).to_have_count(2)
        for box in [header.bounding_box(), *(f.bounding_box() for f in flags.all())]:
            assert box["x"] + box["width"] <= edge, "the 'Needs help' column is cut off"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        return
    name = table.locator("tbody th[scope=row]").first
    before = name.bounding_box()["x"]
    wrap.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert abs(name.bounding_box()["x"] - before) < 1, "the name column scrolled away"
    box = name.bounding_box()
    assert box["x"] + box["width"] <= width / 2, "the name column takes half the phone"
    _shot(page, "overview-phone")


def test_the_excel_csv_link_downloads_utf8_with_bom_and_semicolons(answers, page):
    sign_in(page, "lead_a", PASSWORD)
    page.goto("/team")
    with page.expect_download() as info:
        page.get_by_role("link", name="CSV for Excel (;)").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith("\ufeff".encode())
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("login;name;passed;")
