"""What a user sees of the one-voice rule: My TNPS, the bonus panel, the admin's store page."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lab.surveys.sync import sync_once
from tests.integration.surveys.rows import store_row
from tests.web import AuthActions


def _row(response_id: str, minutes_ago: int, **changes):
    ended = datetime.now(UTC) - timedelta(minutes=minutes_ago)
    return store_row(response_id=response_id, call_ended_at=ended.isoformat(),
                     answered_at=(ended + timedelta(minutes=1)).isoformat(), **changes)


def _repeat_of_one_customer(store, sessions, settings):
    store.append([_row("v1", 90, customer_key="+79001234567", score=10, comment="Всё решили"),
                  _row("v2", 30, customer_key="+79001234567", score=2,
                       comment="Second call <b>again</b>")])
    sync_once(sessions, store, settings)


def test_my_tnps_marks_the_repeat_and_the_bonus_panel_says_why(world, client, store,
                                                               sessions, settings):
    _repeat_of_one_customer(store, sessions, settings)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    AuthActions(client).login("agent_a")
    page = client.get("/me").get_data(as_text=True)
    assert "repeat customer: not counted" in page
    assert "Second call &lt;b&gt;again&lt;/b&gt;" in page  # the comment kept, escaped
    assert "1 answer this month is from a customer who already answered within 183 days" in page
    assert "Not counted for the bonus this month:" in page
    assert "1 repeat answer (the customer already answered within 183 days)" in page
    live = client.get("/api/v1/me/tnps?after=0").get_json()
    assert live["summary"]["n"] == 1 and live["summary"]["promoters"] == 1  # counted once
    assert [c["repeat"] for c in live["comments"]] == [True, False]


def test_the_russian_page_says_it_in_russian(world, client, store, sessions, settings):
    _repeat_of_one_customer(store, sessions, settings)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "ru"
    AuthActions(client).login("agent_a")
    page = client.get("/me").get_data(as_text=True)
    assert "повторный клиент: не учтён" in page
    assert "1 ответ в этом месяце — от клиента, который уже отвечал в пределах 183 дней" in page


def test_the_admin_store_page_lists_what_was_not_counted_and_why(world, client, store,
                                                                 sessions, settings):
    _repeat_of_one_customer(store, sessions, settings)
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    AuthActions(client).login("root")
    page = client.get("/admin").get_data(as_text=True)
    assert "only a customer's first answer counts" in page
    assert "2 stored answers name their customer" in page
    assert "1 is not counted as a repeat." in page
    assert "the same customer answered on" in page and "and that answer counts" in page
    assert "Second call &lt;b&gt;again&lt;/b&gt;" in page
    assert "+79001234567" not in page
