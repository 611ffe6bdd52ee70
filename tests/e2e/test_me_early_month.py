"""My TNPS in Chromium while the month is young: the last 30 days lead, last month's final
figure and tier beside them, no forecast yet, and the running week marked partial."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD
from tests.integration.test_me import add_answers, answer, this_month_moment


def _young_month(app, db) -> None:
    """Three answers this month; 40 in the middle of last month."""
    tz = ZoneInfo(app.config["TIMEZONE"])
    now = this_month_moment(app.config["TIMEZONE"])
    first = now.astimezone(tz).replace(day=1, hour=12, minute=0, second=0, microsecond=0)
    middle = (first - timedelta(days=1)).replace(day=15)
    rows = [answer("agent_a", (10, 9, 10, 7, 2)[i % 5], None, ended=middle - timedelta(hours=i))
            for i in range(40)]
    rows += [answer("agent_a", score, None, ended=now - timedelta(seconds=i + 1))
             for i, score in enumerate((10, 10, 3))]
    add_answers(app, db, rows)


def test_a_young_month_shows_30_days_last_month_and_no_forecast(app, db, world, page):
    _young_month(app, db)
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me")
    month = page.locator("section.me-month")
    expect(month.get_by_role("heading", level=2)).to_contain_text("Last 30 days")
    expect(month.locator("[data-beside-month]")).to_contain_text("This month so far")
    expect(month.locator("[data-beside-month]")).to_contain_text("n = 3 of the 30 needed")
    last = month.locator("[data-beside-last-month]")
    expect(last).to_contain_text(", final")
    expect(last).to_contain_text("n = 40")
    expect(last).to_contain_text("bonus")
    expect(page.locator("[data-bonus-last-month]")).to_contain_text("ended at TNPS")
    forecast = page.locator("[data-forecast-sentence]")
    expect(forecast).to_have_text(
        "The forecast starts once this month has 10 answers: 7 more to go.")
    expect(page.locator("ul.odds")).to_have_count(0)


def test_the_running_week_is_marked_partial(app, db, world, page):
    _young_month(app, db)
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me")
    expect(page.locator("circle[data-partial-week]")).to_have_count(1)
    expect(page.locator("circle.dot:not(.dot-partial)")).not_to_have_count(0)
    page.get_by_text("The trend as a table").click()
    row = page.locator("tr[data-partial-row]")
    expect(row).to_contain_text("so far")
    expect(row).not_to_contain_text("W")  # a week reads as its days, not "2026-W49"


def test_a_comment_shows_the_call_date_its_period_counts_by(app, db, world, page):
    """A call just before midnight of the month's eve, answered by SMS after midnight: it
    is listed under last month and says so — the call's date, and the answer's beside it."""
    tz = ZoneInfo(app.config["TIMEZONE"])
    now = this_month_moment(app.config["TIMEZONE"])
    midnight = now.astimezone(tz).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    ended = midnight - timedelta(minutes=90)  # the SMS comes an hour later, answered at 01:30
    add_answers(app, db, [answer("agent_a", 9, "Answered after midnight", channel="sms",
                                 ended=ended)])
    sign_in(page, "agent_a", PASSWORD)
    page.goto("/me?period=last_month")
    item = page.locator(".comment").filter(has_text="Answered after midnight")
    eve = ended.astimezone(tz)
    expect(item.locator("[data-when]")).to_have_text(
        f"call {eve.day} {eve.strftime('%b')} {eve.year}, {eve.strftime('%H:%M')}"
        f" · answered 1 {midnight.strftime('%b')}")
    page.goto("/me?period=month")
    expect(page.locator(".comment").filter(has_text="Answered after midnight")).to_have_count(0)
