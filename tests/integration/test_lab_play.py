"""Playing sector 1 through the real forms: replies, branches, hints, results, bad input."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from lab.db import utcnow
from lab.training.models import Attempt, LabProfile, Reply
from tests.web import csrf_from

SECTOR = "unexpected-charge"


def _start(client):
    page = client.get(f"/lab/{SECTOR}").get_data(as_text=True)
    response = client.post(f"/lab/{SECTOR}/start", data={"csrf_token": csrf_from(page)})
    assert response.status_code == 302
    return client.get(f"/lab/{SECTOR}/play")


def _send(client, text: str, step: int | None = None, version: str | None = None):
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    form = dict(re.findall(r'name="(csrf_token|step|version)"[^>]*value="([^"]*)"', page))
    form["text"] = text
    if step is not None:
        form["step"] = str(step)
    if version is not None:
        form["version"] = version
    return client.post(f"/lab/{SECTOR}/play", data=form)


def test_first_visit_shows_the_tour_then_the_map(world, auth, client):
    """Eva's tour comes first; finishing it leads to the map, and it can be replayed."""
    auth.login("agent_a")
    assert client.get("/lab").headers["Location"] == "/lab/welcome"
    tour = client.get("/lab/welcome").get_data(as_text=True)
    assert "TNPS" in tour and "IVR" in tour and "SMS" in tour
    client.post("/lab/welcome", data={"csrf_token": csrf_from(tour)})
    page = client.get("/lab")
    assert page.status_code == 200
    assert "First, the Codex" in page.get_data(as_text=True)
    assert client.get("/lab/welcome").status_code == 200


def test_sector_one_opens_after_the_codex(world, auth, client, db, content):
    """Sector 1 is locked until every chapter is marked read."""
    db.add(LabProfile(user_id=world.agent_a.id, xp=0, tour_done_at=utcnow()))
    db.commit()
    auth.login("agent_a")
    assert client.get(f"/lab/{SECTOR}").headers["Location"] == "/lab"
    for chapter in content.codex.chapters:
        page = client.get(f"/codex/{chapter.slug}").get_data(as_text=True)
        client.post(f"/codex/{chapter.slug}/read", data={"csrf_token": csrf_from(page)})
    assert client.get(f"/lab/{SECTOR}").status_code == 200


def test_whole_sector_with_model_answers_passes_with_stars(ready, client, content, db):
    """Six model answers: promoters all the way, three stars, sector 2 opens."""
    sector = content.sector(SECTOR)
    _start(client)
    for trial in sector.trials:
        response = _send(client, trial.model_answer.en)
        assert response.status_code == 302
    location = response.headers["Location"]
    assert re.search(rf"/lab/{SECTOR}/attempts/\d+", location)
    result = client.get(location).get_data(as_text=True)
    assert "+100" in result and "Sector passed!" in result
    attempt = db.scalar(select(Attempt).where(Attempt.user_id == ready.id))
    assert attempt.stars == 3 and attempt.loyalty_code == 100.0
    second = content.sectors[1].id if len(content.sectors) > 1 else None
    if second:
        assert client.get(f"/lab/{second}").status_code == 200


def test_good_reply_calms_and_bad_reply_angers(ready, client, content):
    """The customer's next message follows the branch of how the reply landed."""
    sector = content.sector(SECTOR)
    _start(client)
    _send(client, sector.trial(1).model_answer.en)
    calm = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    assert str(escape(sector.trial(1).branches.promoter.text.en)) in calm
    _send(client, "Not our problem, you clicked it yourself. Read the terms.")
    angry = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    assert str(escape(sector.trial(2).branches.detractor.text.en)) in angry


def test_feedback_shows_scores_rating_and_codex_links(ready, client):
    """After sending: bars, the rating, Eva's advice linked into the Codex, the model answer."""
    _start(client)
    response = _send(client, "Hello. I will check it.")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "would rate your reply" in page
    assert 'role="meter"' in page and "Reliability" in page
    assert re.search(r'href="/codex/[a-z-]+#[a-z-]+"', page)
    assert "Show the model answer" in page


@pytest.mark.parametrize("text, message", [
    ("   ", "Write a reply first."),
    ("x" * 5000, "at most 2000 characters"),
])
def test_empty_or_huge_reply_is_refused_clearly(ready, client, db, text, message):
    """An empty or 5,000-character reply is refused with what to fix; nothing is stored."""
    _start(client)
    response = _send(client, text)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Reply)) == 0


def test_reply_posted_twice_is_stored_once(ready, client, db):
    """A double submit (same step) keeps one reply and shows the same result."""
    _start(client)
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    form = dict(re.findall(r'name="(csrf_token|step|version)"[^>]*value="([^"]*)"', page))
    form["text"] = "Hello Irina, I have switched the subscription off."
    first = client.post(f"/lab/{SECTOR}/play", data=form)
    second = client.post(f"/lab/{SECTOR}/play", data=form)
    assert first.status_code == second.status_code == 302
    assert db.scalar(select(func.count()).select_from(Reply)) == 1


def test_step_out_of_order_is_refused(ready, client, db):
    """A reply to a later step than the current one is refused with a message."""
    _start(client)
    response = _send(client, "Hello there, all done.", step=4)
    assert response.status_code == 409
    assert "not the current one" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Reply)) == 0


def test_stale_page_keeps_the_text(ready, client, db):
    """A reply from a page of older content is refused; the typed text is kept in the form."""
    _start(client)
    _send(client, "Hello Irina, I have switched it off.")
    response = _send(client, "My carefully typed second answer", version="old-version")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "was updated while you were typing" in page
    assert "My carefully typed second answer" in page
    assert db.scalar(select(func.count()).select_from(Reply)) == 1


def test_locked_sector_cannot_be_started(ready, client, content):
    """Posting to start a locked sector is refused with a message."""
    last = content.sectors[-1].id
    if last == SECTOR:
        pytest.skip("one sector only")
    page = client.get("/lab").get_data(as_text=True)
    response = client.post(f"/lab/{last}/start", data={"csrf_token": csrf_from(page)})
    assert response.headers["Location"] == "/lab"
    assert "still locked" in client.get("/lab").get_data(as_text=True)


def test_hint_costs_xp(ready, client, db, content):
    """Asking for a hint shows it and the reply earns 10 XP less."""
    _start(client)
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    client.post(f"/lab/{SECTOR}/hint", data={"csrf_token": csrf_from(page)})
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    assert content.sector(SECTOR).trial(1).hint.en.split(",")[0] in page
    _send(client, content.sector(SECTOR).trial(1).model_answer.en)
    reply = db.scalar(select(Reply))
    assert reply.hint_used and reply.xp == reply.rating * 10 - 10


def test_another_users_result_is_not_found(ready, client, db, world):
    """An attempt of another agent is 404 for this one."""
    other = Attempt(user_id=world.agent_b.id, sector_id=SECTOR, content_version="x",
                    finished_at=utcnow(), loyalty_code=50.0, stars=1)
    db.add(other)
    db.commit()
    assert client.get(f"/lab/{SECTOR}/attempts/{other.id}").status_code == 404


def test_live_warnings_api(ready, client):
    """The draft check finds blame and hedging and links them to the Codex."""
    page = client.get("/codex").get_data(as_text=True)
    response = client.post("/api/v1/lab/warnings", json={
        "sector": SECTOR, "step": 1, "lang": "en",
        "text": "Maybe I'll try, but you should have read the terms yourself."},
        headers={"X-CSRFToken": csrf_from(page)})
    assert response.status_code == 200
    kinds = {warning["kind"] for warning in response.get_json()["warnings"]}
    assert kinds, "expected warnings"
    assert all("#" in w["codex"] for w in response.get_json()["warnings"])


def test_live_warnings_say_while_typing_that_the_call_is_in_english(ready, client):
    """A Russian draft in an English call is flagged before it is sent, in the call's words."""
    page = client.get("/codex").get_data(as_text=True)
    response = client.post("/api/v1/lab/warnings", json={
        "sector": SECTOR, "step": 1, "lang": "en",
        "text": "Ирина, подписку я уже отключила, деньги вернутся в течение 24 часов."},
        headers={"X-CSRFToken": csrf_from(page)})
    found = {w["kind"]: w for w in response.get_json()["warnings"]}
    assert "This call is in English" in found["language"]["message"]


def test_live_warnings_api_rejects_bad_input(ready, client):
    """Malformed JSON or an unknown step gets a JSON error, not a 500."""
    page = client.get("/codex").get_data(as_text=True)
    headers = {"X-CSRFToken": csrf_from(page)}
    bad = client.post("/api/v1/lab/warnings", data="{oops", headers=headers,
                      content_type="application/json")
    assert bad.status_code == 400 and bad.is_json
    missing = client.post("/api/v1/lab/warnings", json={
        "sector": SECTOR, "step": 99, "lang": "en", "text": "hi"}, headers=headers)
    assert missing.status_code == 404 and missing.is_json


@pytest.mark.parametrize("text, message", [
    ("Ирина, подписку я уже отключила, а 299 рублей вернутся в течение 24 часов.",
     "your reply is in Russian"),
])
def test_reply_in_another_language_than_the_call_is_refused(ready, client, db, text, message):
    """A Russian reply to a call held in English is not scored by the English rules (it
    would read as a list of unknown words): the page says which language the call is in and
    how to switch, the text stays in the box, nothing is stored."""
    _start(client)
    response = _send(client, text)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page and "switch the Lab to RU" in page
    assert str(escape(text)) in page
    assert db.scalar(select(func.count()).select_from(Reply)) == 0
    # The same call takes an English reply, a Latin-lettered name or two in it included.
    assert _send(client, "Irina, I've switched the Horoscope subscription off.").status_code \
        == 302
