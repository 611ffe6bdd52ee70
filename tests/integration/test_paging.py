"""Lists that grow with the feed come a page at a time: follow-up queue, quarantine, audit."""

from __future__ import annotations

import re

from lab.surveys.ingest import ingest, load_context
from lab.surveys.settings import settings_from
from lab.system.settings import audit
from lab.ui.paging import page_of
from tests.integration.test_team_overview import add_answers


def _count(html: str, marker: str) -> int:
    return len(re.findall(marker, html))


def test_follow_up_queue_is_paged(auth, client, db, world):
    add_answers(db, "agent_a", [3] * 130, comment="Долго ждал ответа")
    auth.login("lead_a")
    url = f"/team/{world.team_a.id}/follow-up"
    first = client.get(url).get_data(as_text=True)
    assert _count(first, 'class="queue-item') == 50
    assert "Page 1 of 3 · 130 in all" in first
    assert 'rel="next"' in first and "page=2" in first
    last = client.get(f"{url}?page=3").get_data(as_text=True)
    assert _count(last, 'class="queue-item') == 30
    assert ">130<" in first  # the figures still count every open answer
    beyond = client.get(f"{url}?page=7").get_data(as_text=True)
    assert "Page 3 of 3" in beyond
    assert client.get(f"{url}?page=abc").status_code == 400


def test_quarantine_is_paged(app, auth, client, db, world):
    ctx = load_context(db, settings_from(app.config))
    ingest(db, [{"response_id": f"q-{n}", "score": 99} for n in range(230)], "push", ctx)
    db.commit()
    auth.login("root")
    first = client.get("/admin/quarantine").get_data(as_text=True)
    assert _count(first, r'href="/admin/quarantine/\d+"') == 100
    assert "Page 1 of 3 · 230 in all" in first
    third = client.get("/admin/quarantine?page=3").get_data(as_text=True)
    assert _count(third, r'href="/admin/quarantine/\d+"') == 30
    by_reason = client.get("/admin/quarantine?reason=missing_field&page=2").get_data(True)
    assert "Page 2 of 3" in by_reason and "reason=missing_field" in by_reason


def test_audit_log_pages_stay_bounded(auth, client, db, world):
    for number in range(120):
        audit(db, "test.event", f"target {number}")
    db.commit()
    auth.login("root")
    page = client.get("/admin/audit").get_data(as_text=True)
    assert _count(page, "<code>test.event</code>") <= 100


def test_page_of_clamps():
    paged = page_of(list(range(7)), 9, 3)
    assert (paged.page, paged.pages, list(paged.items)) == (3, 3, [6])
    empty = page_of([], 1, 3)
    assert (empty.page, empty.pages, empty.total) == (1, 1, 0)
