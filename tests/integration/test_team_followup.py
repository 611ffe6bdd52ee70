"""The follow-up queue: team detractors only, the most alarming first, closing rules, audit."""

from __future__ import annotations

from sqlalchemy import select

from lab.followup.models import FollowUp
from lab.surveys.models import SurveyResponse
from lab.system.models import AuditEvent
from tests.integration.test_team_overview import add_answers
from tests.web import csrf_from


def _response(db, comment: str) -> SurveyResponse:
    return db.scalar(select(SurveyResponse).where(SurveyResponse.comment == comment))


def test_queue_orders_by_alarm_and_leaves_out_others(auth, client, db, world):
    """Court threats first; promoters, late answers and team B never appear."""
    add_answers(db, "agent_a", [5], comment="Медленно отвечали")
    add_answers(db, "agent_a", [6], comment="Подам в суд и напишу в Роспотребнадзор")
    add_answers(db, "agent_a", [10], comment="Всё отлично")
    add_answers(db, "agent_a", [0], comment="Опоздавший ответ", late=True)
    add_answers(db, "agent_b", [0], comment="Чужая команда")
    auth.login("lead_a")
    page = client.get(f"/team/{world.team_a.id}/follow-up").get_data(as_text=True)
    assert page.index("Роспотребнадзор") < page.index("Медленно отвечали")
    assert "Всё отлично" not in page and "Опоздавший" not in page
    assert "Чужая команда" not in page
    assert "High alarm" in page


def test_other_teams_answer_is_not_found(auth, client, db, world):
    """A lead cannot open or change another team's detractor answer."""
    add_answers(db, "agent_b", [0], comment="Чужая команда")
    answer = _response(db, "Чужая команда")
    auth.login("lead_a")
    url = f"/team/{world.team_a.id}/follow-up/{answer.id}"
    assert client.get(url).status_code == 404
    assert client.get(f"/team/{world.team_b.id}/follow-up/{answer.id}").status_code == 404
    token = auth.token(f"/team/{world.team_a.id}/follow-up")
    assert client.post(url, data={"csrf_token": token, "status": "in_progress"}
                       ).status_code == 404


def _post(client, url, **data):
    token = csrf_from(client.get(url).get_data(as_text=True).split('class="followup-form"')[1])
    return client.post(url, data={"csrf_token": token, **data})


def test_closing_needs_note_and_outcome_then_is_recorded(auth, client, db, world):
    """Resolved without a note is refused with a clear error; with both it is saved."""
    add_answers(db, "agent_a", [2], comment="Списали деньги")
    answer = _response(db, "Списали деньги")
    auth.login("lead_a")
    url = f"/team/{world.team_a.id}/follow-up/{answer.id}"
    assert _post(client, url, status="in_progress").status_code == 302
    refused = _post(client, url, status="resolved", outcome="won_back", note="")
    assert refused.status_code == 400
    assert "Write a note" in refused.get_data(as_text=True)
    done = _post(client, url, status="resolved", outcome="won_back",
                 note="Вернули 300 ₽, <b>клиент</b> доволен")
    assert done.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "&lt;b&gt;клиент&lt;/b&gt;" in page  # the note is escaped
    db.rollback()  # a fresh snapshot: the app wrote in its own session
    db.expire_all()
    follow_up = db.scalar(select(FollowUp).where(FollowUp.response_id == answer.id))
    assert follow_up.status == "resolved" and follow_up.outcome == "won_back"
    assert [(e.status_from, e.status_to, e.actor_label) for e in follow_up.events] == [
        ("new", "in_progress", "lead_a"), ("in_progress", "resolved", "lead_a")]
    actions = db.scalars(select(AuditEvent.action).where(
        AuditEvent.action == "followup.status")).all()
    assert len(actions) == 2
    queue = client.get(f"/team/{world.team_a.id}/follow-up?show=all").get_data(as_text=True)
    assert "customers won back" in queue


def test_customer_comment_is_escaped_in_the_queue(auth, client, db, world):
    """A comment with markup is shown as text."""
    add_answers(db, "agent_a", [1], comment="<script>alert(1)</script>")
    auth.login("lead_a")
    page = client.get(f"/team/{world.team_a.id}/follow-up").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_overdue_is_marked(auth, client, db, world):
    """An open answer older than the SLA is marked overdue and counted."""
    add_answers(db, "agent_a", [3], comment="Давно жду ответа", hours_ago=60)
    auth.login("lead_a")
    page = client.get(f"/team/{world.team_a.id}/follow-up?show=overdue").get_data(as_text=True)
    assert "Давно жду ответа" in page and "is-overdue" in page
