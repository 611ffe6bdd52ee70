"""Leads review reply ratings: who may, what is refused, what the agent and the admin see,
and the labelled export."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from lab.calibration.models import ReplyReview
from lab.calibration.reviews import review_reply
from lab.cli import cli
from lab.scoring.corpus import load_jsonl
from lab.system.models import AuditEvent
from lab.training.models import Attempt, CodexRead, LabProfile, Reply
from tests.web import csrf_from

SECTOR = "unexpected-charge"


def played(db, agent, ratings=(8,), texts=None, lang="ru", days_ago=1) -> Attempt:
    """A finished attempt of the first sector with one reply per rating."""
    finished = datetime.now(UTC) - timedelta(days=days_ago)
    attempt = Attempt(user_id=agent.id, sector_id=SECTOR, content_version="x",
                      started_at=finished - timedelta(minutes=10), finished_at=finished,
                      loyalty_code=0.0, stars=0, xp=10)
    for step, rating in enumerate(ratings, start=1):
        category = "promoter" if rating >= 9 else "passive" if rating >= 7 else "detractor"
        text = texts[step - 1] if texts else f"Ответ на шаг {step}"
        attempt.replies.append(Reply(
            step=step, lang=lang, text=text, mood="calm", reliability=60, empathy=50,
            inspiration=40, rating=rating, category=category, xp=5, feedback="[]",
            created_at=finished))
    db.add(attempt)
    db.commit()
    return attempt


def _review_url(world, agent, reply, team=None) -> str:
    team = team or agent.team
    return f"/team/{team.id}/agents/{agent.id}/replies/{reply.id}/review"


def _post_review(client, world, agent, reply, team=None, **fields):
    page = client.get(f"/team/{(team or agent.team).id}/agents/{agent.id}")
    # Someone who may not open the page still has a valid token from a page they may open.
    source = page if page.status_code == 200 else client.get("/logout")
    token = csrf_from(source.get_data(as_text=True))
    prefix = f"r{reply.id}-"
    data = {"csrf_token": token, prefix + "csrf_token": token}
    data.update({prefix + key: value for key, value in fields.items()})
    return client.post(_review_url(world, agent, reply, team), data=data)


def _reviews(db) -> list[ReplyReview]:
    db.rollback()
    db.expire_all()
    return list(db.scalars(select(ReplyReview)))


def test_lead_overrides_a_rating_with_a_comment(auth, client, db, world):
    """The lead's rating and comment are saved, shown on the agent page, and audited."""
    reply = played(db, world.agent_a, [8]).replies[0]
    auth.login("lead_a")
    response = _post_review(client, world, world.agent_a, reply, rating="4",
                            comment="Нет срока <b>возврата</b>", override="Save my rating")
    assert response.status_code == 302 and response.location.endswith(f"#reply-{reply.id}")
    [review] = _reviews(db)
    assert (review.verdict, review.lead_rating, review.reviewer_label) == ("override", 4,
                                                                            "lead_a")
    page = client.get(response.location).get_data(as_text=True)
    assert "Review saved" in page
    assert "Lead&#39;s rating: 4" in page or "Lead's rating: 4" in page
    assert "Нет срока &lt;b&gt;возврата&lt;/b&gt;" in page
    event = db.scalar(select(AuditEvent).where(AuditEvent.action == "reply.review"))
    assert event.actor_label == "lead_a" and "scorer 8, lead 4" in event.detail


def test_marking_right_keeps_the_scorers_rating_and_a_change_replaces_the_review(
        auth, client, db, world):
    """One current review per reply: 'right' then an override leave one row, two audits."""
    reply = played(db, world.agent_a, [7]).replies[0]
    auth.login("lead_a")
    _post_review(client, world, world.agent_a, reply, rating="2", comment="",
                 right="The rating is right")
    [review] = _reviews(db)
    assert (review.verdict, review.lead_rating) == ("right", 7)
    _post_review(client, world, world.agent_a, reply, rating="9", comment="Всё по делу",
                 override="Save my rating")
    [review] = _reviews(db)
    assert (review.verdict, review.lead_rating, review.comment) == ("override", 9,
                                                                     "Всё по делу")
    assert db.scalar(select(func.count()).select_from(AuditEvent)
                     .where(AuditEvent.action == "reply.review")) == 2
    # "My rating" equal to the scorer's is a confirmation and needs no comment.
    _post_review(client, world, world.agent_a, reply, rating="7", comment="",
                 override="Save my rating")
    [review] = _reviews(db)
    assert (review.verdict, review.lead_rating, review.comment) == ("right", 7, None)


def test_bad_reviews_are_refused_with_a_clear_message(auth, client, db, world):
    """No comment, a too-long comment, a rating outside 0-10 or not a number: no review."""
    reply = played(db, world.agent_a, [8]).replies[0]
    auth.login("lead_a")
    cases = [
        ({"rating": "3", "comment": "  "}, "Say in a few words why"),
        ({"rating": "3", "comment": "x" * 501}, "at most 500 characters"),
        ({"rating": "11", "comment": "Слишком"}, "Choose a rating from 0 to 10"),
        ({"rating": "abc", "comment": "Слишком"}, "Choose a rating from 0 to 10"),
        ({"rating": "-1", "comment": "Слишком"}, "Choose a rating from 0 to 10"),
    ]
    for fields, message in cases:
        response = _post_review(client, world, world.agent_a, reply, override="Save my rating",
                                **fields)
        assert response.status_code == 302, fields
        assert message in client.get(response.location).get_data(as_text=True), fields
    assert _reviews(db) == []


def test_an_agent_cannot_review(auth, client, db, world):
    """Even their own reply: agents do not review ratings."""
    reply = played(db, world.agent_a, [8]).replies[0]
    auth.login("agent_a")
    response = _post_review(client, world, world.agent_a, reply, rating="10",
                            comment="Я молодец", override="Save my rating")
    assert response.status_code == 403
    assert _reviews(db) == []


def test_a_lead_cannot_review_another_teams_agent(auth, client, db, world):
    """Team B's lead gets 'not found' under either team's address; nothing is saved."""
    reply = played(db, world.agent_a, [8]).replies[0]
    auth.login("lead_b")
    for team in (world.team_a, world.team_b):
        response = _post_review(client, world, world.agent_a, reply, team=team, rating="1",
                                comment="Чужой", override="Save my rating")
        assert response.status_code == 404
    assert _reviews(db) == []


def test_a_reply_of_another_agent_is_not_found_under_this_agent(auth, client, db, world):
    """The reply must belong to the agent in the address."""
    other = played(db, world.agent_a2, [8]).replies[0]
    auth.login("lead_a")
    response = _post_review(client, world, world.agent_a, other, rating="1", comment="Нет",
                            override="Save my rating")
    assert response.status_code == 404
    assert _reviews(db) == []


def test_an_admin_may_review_any_team(auth, client, db, world):
    """Admins are not bound to a team."""
    reply = played(db, world.agent_b, [6]).replies[0]
    auth.login("root")
    response = _post_review(client, world, world.agent_b, reply, rating="6", comment="",
                            right="The rating is right")
    assert response.status_code == 302
    assert [r.reviewer_label for r in _reviews(db)] == ["root"]


def ready_for_the_lab(db, agent) -> None:
    db.add(LabProfile(user_id=agent.id, xp=0, tour_done_at=datetime.now(UTC)))
    db.add(CodexRead(user_id=agent.id, chapter="first-words"))
    db.commit()


def test_the_agent_sees_the_comment_on_the_result_and_a_marker_on_the_map(
        auth, client, db, world):
    """The lead's rating and comment, escaped, beside the reply; the map points there."""
    attempt = played(db, world.agent_a, [8, 9])
    review_reply(db, attempt.replies[0], world.lead_a, "override", 5,
                 "Где <script>срок</script>?")
    review_reply(db, attempt.replies[1], world.lead_a, "right")
    db.commit()
    ready_for_the_lab(db, world.agent_a)
    auth.login("agent_a")
    result = client.get(f"/lab/{SECTOR}/attempts/{attempt.id}").get_data(as_text=True)
    assert "Your lead would rate this reply 5, not 8." in result
    assert "Где &lt;script&gt;срок&lt;/script&gt;?" in result
    assert "Your lead confirmed the rating 9." in result
    page = client.get("/lab").get_data(as_text=True)
    assert "Your lead left 1 comment" in page
    assert f"/lab/{SECTOR}/attempts/{attempt.id}#your-replies" in page


def test_the_agreement_page_is_for_admins_and_waits_for_enough_reviews(
        auth, client, db, world):
    """Below ten reviews no Spearman and no grid; from ten the figures appear."""
    scorer = [2, 3, 4, 5, 6, 7, 8, 9, 10, 8, 7]
    lead = [1, 3, 5, 5, 4, 7, 9, 9, 10, 6, 7]
    attempt = played(db, world.agent_a, scorer)
    for reply, rating in zip(attempt.replies[:5], lead, strict=False):
        review_reply(db, reply, world.lead_a, "override" if rating != reply.rating else "right",
                     rating, "Иначе" if rating != reply.rating else None)
    db.commit()
    for login in ("agent_a", "lead_a"):
        auth.login(login)
        assert client.get("/admin/agreement").status_code == 403
        auth.logout()
    auth.login("root")
    page = client.get("/admin/agreement").get_data(as_text=True)
    assert "not enough reviews" in page and "Not enough reviews to draw this" in page
    for reply, rating in zip(attempt.replies[5:], lead[5:], strict=True):
        review_reply(db, reply, world.lead_a, "override" if rating != reply.rating else "right",
                     rating, "Иначе" if rating != reply.rating else None)
    db.commit()
    page = client.get("/admin/agreement").get_data(as_text=True)
    assert 'data-testid="overall-n">11<' in page
    assert "Not enough reviews to draw this" not in page
    # Gaps: -1,0,+1,0,-2,0,+1,0,0,-2,0 -> mean -3/11.
    assert "-0.27" in page
    assert "Where they differ most" in page and "Ответ на шаг 5" in page


def test_export_round_trips_through_the_corpus_reader(app, db, world, tmp_path):
    """Every reviewed reply, labelled with the lead's rating, read back as corpus items."""
    attempt = played(db, world.agent_a, [8, 3], texts=["Верну деньги сегодня", "Не знаю"])
    english = played(db, world.agent_b, [9], texts=["Refund today, by 6 pm"], lang="en")
    review_reply(db, attempt.replies[0], world.lead_a, "override", 6, "Без срока")
    review_reply(db, english.replies[0], world.lead_b, "right")
    db.commit()
    out = tmp_path / "reviewed.jsonl"
    result = app.test_cli_runner().invoke(cli, ["eval", "export", "--out", str(out)])
    assert result.exit_code == 0, result.output
    items = load_jsonl(out)
    assert [(i.sector, i.lang, i.step, i.label, i.text) for i in items] == [
        (SECTOR, "ru", 1, 6, "Верну деньги сегодня"), (SECTOR, "en", 1, 9,
                                                        "Refund today, by 6 pm")]
    assert {i.split for i in items} == {"holdout"} and {i.kind for i in items} == {""}
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["scorer_rating"] == 8 and rows[0]["comment"] == "Без срока"
    # Without --out the set goes to standard output.
    printed = app.test_cli_runner().invoke(cli, ["eval", "export"])
    assert printed.output.count("\n") == 2 and "Refund today" in printed.output
