"""The customer answers what was said, remembers what was settled, and the result teaches."""

from __future__ import annotations

import re

from markupsafe import escape
from sqlalchemy import select

from lab.training.models import Attempt
from tests.integration.test_lab_play import SECTOR, _send, _start
from tests.web import csrf_from

NO_TIME = ("Hello Irina, I'm sorry about this. I've switched the Horoscope subscription off "
           "and we'll refund the 299 roubles to your balance.")
WITH_TIME = ("Hello Irina, I'm sorry about this. A banner on a mobile website switched the "
             "subscription on. I've switched it off, and the 299 roubles will be back on your "
             "balance within 24 hours.")


def _said(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", m) for m in re.findall(r'<span class="said"[^>]*>(.*?)</span>',
                                                            page, re.S)]


def _variants(trial, key: str, need: str) -> set[str]:
    rule = next(r for r in trial.reactions if need in getattr(r.when, key))
    return {str(escape(text.en)) for text in rule.say}


def test_a_reply_without_the_time_is_asked_for_the_time(ready, client, content):
    """The refund promised with no time brings "when exactly?", not the rating's stock line."""
    trial = content.sector(SECTOR).trial(1)
    _start(client)
    page = client.get(_send(client, NO_TIME).headers["Location"]).get_data(as_text=True)
    reaction = _said(page)[-2]  # the customer's answer, then the step-2 message
    assert reaction in _variants(trial, "untimed", "refund")
    assert "when" in reaction.lower()


def test_blame_makes_the_customer_angrier(ready, client, content):
    """A blaming reply turns the customer angrier, and the page says so."""
    _start(client)
    page = client.get(_send(client, "You tapped the banner yourself, so it's your own fault."
                            ).headers["Location"]).get_data(as_text=True)
    assert 'data-move="angrier"' in page
    assert 'data-mood="angry"' in page  # annoyed, one step angrier


def test_what_was_settled_is_not_asked_again(ready, client, content):
    """The refund time given at step 1 is neither asked for at step 3 nor advised there."""
    sector = content.sector(SECTOR)
    step3 = sector.trial(3)
    _start(client)
    _send(client, WITH_TIME)
    _send(client, sector.trial(2).model_answer.en)
    page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    assert str(escape(step3.customer_given[0].text.en)) in page
    assert str(escape(step3.customer.en)) not in page
    response = _send(client, "I'll send you an SMS the moment the money lands, so you won't "
                             "need to keep checking.")
    after = client.get(response.headers["Location"]).get_data(as_text=True)
    refund_time = next(n for n in step3.rubric.needs if n.id == "refund-time")
    assert str(escape(refund_time.feedback.en)) not in after
    # Without the time settled, the same words rate as a detractor's (the time is missing).
    rating = int(re.search(r"would rate your reply (\d+) of 10", after).group(1))
    assert rating >= 7


def _finish(client, sector, first: str):
    _start(client)
    response = _send(client, first)
    for trial in sector.trials[1:]:
        response = _send(client, trial.model_answer.en)
    return response.headers["Location"]


def test_result_replays_every_step_and_colours_the_code(ready, client, content, db):
    """Every step comes back with the reply, its rating, scores, Eva's notes, the model
    answer and the customer's reaction, the last step's closing words included."""
    sector = content.sector(SECTOR)
    page = client.get(_finish(client, sector, NO_TIME)).get_data(as_text=True)
    assert len(re.findall(r'class="card replay-step', page)) == 6
    for trial in sector.trials:
        assert str(escape(trial.model_answer.en)) in page
    assert page.count("Try this step again") == 6
    assert str(escape(sector.trial(6).branches.promoter.text.en)) in page
    assert "Codex →" in page and 'role="meter"' in page
    attempt = db.scalar(select(Attempt).where(Attempt.user_id == ready.id))
    expected = "promoter" if attempt.loyalty_code >= 50 else \
        "passive" if attempt.loyalty_code >= 0 else "detractor"
    assert f'data-category="{expected}"' in page


def test_a_low_code_is_not_drawn_as_a_promoters(ready, client, content):
    """A code below zero is coloured as a detractor's."""
    sector = content.sector(SECTOR)
    _start(client)
    for _ in sector.trials:
        response = _send(client, "ok")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "data-category=\"detractor\"" in page, re.findall(r"data-code[^>]*>[^<]*", page)
    assert "code-word code-detractor" in page, re.findall(r"code-word[^<]*", page)


def test_try_a_step_again_keeps_the_replies_before_it(ready, client, content, db):
    """"Try this step again" at step 4 opens a new attempt at step 4 with steps 1-3 kept,
    which the customer still remembers; the old attempt stays as it was."""
    sector = content.sector(SECTOR)
    result_url = _finish(client, sector, WITH_TIME)
    page = client.get(result_url).get_data(as_text=True)
    source_id = int(re.search(r"/attempts/(\d+)", result_url).group(1))
    response = client.post(f"/lab/{SECTOR}/attempts/{source_id}/retry/4",
                           data={"csrf_token": csrf_from(page)})
    assert response.headers["Location"].endswith(f"/lab/{SECTOR}/play")
    trial_page = client.get(f"/lab/{SECTOR}/play").get_data(as_text=True)
    assert "Step 4 of 6" in trial_page
    assert str(escape(WITH_TIME)) in trial_page
    assert str(escape(sector.trial(4).customer_given[0].text.en)) in trial_page
    attempts = db.scalars(select(Attempt).where(Attempt.user_id == ready.id)
                          .order_by(Attempt.id)).all()
    assert len(attempts) == 2 and len(attempts[0].replies) == 6
    assert [r.step for r in attempts[1].replies] == [1, 2, 3]
    assert all(r.xp == 0 for r in attempts[1].replies)


def test_retry_refuses_while_another_attempt_has_replies(ready, client, content):
    """A retry never throws away an attempt under way: the agent is told to finish it."""
    sector = content.sector(SECTOR)
    result_url = _finish(client, sector, WITH_TIME)
    page = client.get(result_url).get_data(as_text=True)
    source_id = int(re.search(r"/attempts/(\d+)", result_url).group(1))
    token = csrf_from(page)
    client.post(f"/lab/{SECTOR}/attempts/{source_id}/retry/2", data={"csrf_token": token})
    _send(client, sector.trial(2).model_answer.en)
    response = client.post(f"/lab/{SECTOR}/attempts/{source_id}/retry/5",
                           data={"csrf_token": token}, follow_redirects=True)
    assert "under way" in response.get_data(as_text=True)
    assert "Step 3 of 6" in response.get_data(as_text=True)


def test_retry_of_someone_elses_attempt_is_not_found(ready, client, content, world, auth):
    """An attempt id of another agent is a 404, and a bad step is refused without a 500."""
    sector = content.sector(SECTOR)
    result_url = _finish(client, sector, WITH_TIME)
    page = client.get(result_url).get_data(as_text=True)
    source_id = int(re.search(r"/attempts/(\d+)", result_url).group(1))
    token = csrf_from(page)
    bad = client.post(f"/lab/{SECTOR}/attempts/{source_id}/retry/9", data={"csrf_token": token})
    assert bad.status_code == 302
    auth.logout()
    auth.login("agent_b")
    other = client.get("/lab/welcome").get_data(as_text=True)
    response = client.post(f"/lab/{SECTOR}/attempts/{source_id}/retry/2",
                           data={"csrf_token": csrf_from(other)})
    assert response.status_code == 404
