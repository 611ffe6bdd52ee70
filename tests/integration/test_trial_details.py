"""The small things a new user trips over on the trial page, and the Codex badge."""

from __future__ import annotations

import re

from sqlalchemy import select

from lab.training.models import Badge, LabProfile, Reply
from tests.integration.test_lab_play import SECTOR, _send, _start
from tests.web import csrf_from


def test_step_circles_show_step_numbers_with_ratings_beside(ready, client, content):
    """Past steps keep their number (the rating sits beside it), so the row reads 1..6."""
    _start(client)
    _send(client, content.sector(SECTOR).trial(1).model_answer.en)
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    numbers = re.findall(r'class="step-no">(\d+)<', page)
    assert numbers == ["1", "2", "3", "4", "5", "6"]
    assert re.search(r'class="step-rating">\d+/10<', page)


def test_a_call_keeps_the_language_it_began_in(ready, client, content, db):
    """Switching the interface to Russian mid-call keeps the customer in English and says
    so; replies go on being scored in English."""
    sector = content.sector(SECTOR)
    _start(client)
    _send(client, sector.trial(1).model_answer.en)
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    client.post("/language", data={"lang": "ru", "next": "/lab", "csrf_token": csrf_from(page)})
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    assert "Шаг 2 из 6" in page
    said = re.findall(r'<li class="bubble customer">.*?<span class="said"[^>]*>(.*?)</span>', page)
    assert len(said) == 3 and not any(re.search("[а-яё]", line, re.I) for line in said)
    assert "This call began in English" not in page and "data-call-lang" in page
    _send(client, sector.trial(2).model_answer.en)
    assert [r.lang for r in db.scalars(select(Reply).order_by(Reply.step))] == ["en", "en"]


def test_a_resubmitted_old_step_keeps_the_new_text(ready, client, content):
    """Sent again from the browser's history with other words, step 1 is not silently
    dropped: the page says what happened and the text stays in the box."""
    sector = content.sector(SECTOR)
    _start(client)
    _send(client, sector.trial(1).model_answer.en)
    response = _send(client, "A second thought I typed after going back.", step=1)
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "already answered" in page
    assert "A second thought I typed after going back." in page
    same = _send(client, sector.trial(1).model_answer.en, step=1)  # a double click
    assert same.status_code == 302


def test_leads_and_admins_are_not_sent_to_the_agents_tour(world, auth, client):
    """The welcome tour is an agent's first step; a lead opening the Lab sees the map."""
    auth.login("lead_a")
    response = client.get("/lab")
    assert response.status_code == 200
    assert "/lab/welcome" in response.get_data(as_text=True)  # offered, not forced


def test_the_codex_badge_comes_with_the_last_chapter(world, auth, client, db, content):
    """Reading the last chapter earns the Codex badge at once, not after a sector."""
    db.add(LabProfile(user_id=world.agent_a.id, xp=0))
    db.commit()
    auth.login("agent_a")
    for chapter in content.codex.chapters:
        page = client.get(f"/codex/{chapter.slug}").get_data(as_text=True)
        response = client.post(f"/codex/{chapter.slug}/read",
                               data={"csrf_token": csrf_from(page)}, follow_redirects=True)
    assert "New badge: Codex scholar" in response.get_data(as_text=True)
    assert db.get(Badge, (world.agent_a.id, "codex_scholar")) is not None
