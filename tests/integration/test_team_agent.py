"""An agent's page for the lead: replies with Eva's feedback, live comments, notes; coaching
suggestions and the training effect page."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from lab.system.models import AuditEvent
from lab.training.models import Attempt, Reply, SectorAccess
from tests.integration.test_team_overview import add_answers


def _attempt(db, agent, text: str, stars: int = 2, days_ago: int = 1) -> Attempt:
    finished = datetime.now(UTC) - timedelta(days=days_ago)
    attempt = Attempt(user_id=agent.id, sector_id="unexpected-charge", content_version="x",
                      started_at=finished - timedelta(minutes=10), finished_at=finished,
                      loyalty_code=60.0, stars=stars, xp=10)
    attempt.replies.append(Reply(
        step=1, lang="ru", text=text, mood="calm", reliability=70, empathy=40,
        inspiration=55, rating=8, category="passive", xp=5,
        feedback=json.dumps([{"dimension": "empathy", "message": "Назови чувство клиента",
                              "codex": "first-words#greeting"}], ensure_ascii=False)))
    db.add(attempt)
    db.commit()
    return attempt


def test_lead_reads_replies_feedback_and_comments(auth, client, db, world):
    """The page shows the reply as typed (escaped), its scores, Eva's feedback, comments."""
    _attempt(db, world.agent_a, "Понимаю <i>вас</i>, сейчас проверю")
    add_answers(db, "agent_a", [4], comment="Долго <b>ждал</b>")
    auth.login("lead_a")
    page = client.get(f"/team/{world.team_a.id}/agents/{world.agent_a.id}").get_data(
        as_text=True)
    assert "Понимаю &lt;i&gt;вас&lt;/i&gt;, сейчас проверю" in page
    assert "empathy 40" in page and "Назови чувство клиента" in page
    assert "Долго &lt;b&gt;ждал&lt;/b&gt;" in page


def test_overview_averages_the_dimensions(auth, client, db, world):
    """Reliability, empathy and inspiration on the overview are the replies' averages."""
    _attempt(db, world.agent_a, "Ответ")
    auth.login("lead_a")
    data = client.get(f"/team/{world.team_a.id}/overview.csv").get_data(as_text=True)
    # One passive reply (8): practice code 0 so far.
    assert "agent_a,Anna Agentova,1,4,0.0,70.0,40.0,55.0" in data


def test_notes_are_added_listed_escaped_and_audited(auth, client, db, world):
    """A lead's note is saved, shown escaped, and its writing is audited."""
    auth.login("lead_a")
    url = f"/team/{world.team_a.id}/agents/{world.agent_a.id}"
    token = auth.token(url)
    response = client.post(url + "/notes", data={"csrf_token": token,
                                                 "text": "Talk about <script>x</script>"})
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "Talk about &lt;script&gt;x&lt;/script&gt;" in page
    db.rollback()
    db.expire_all()
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "agent.note")) is not None


def test_another_teams_agent_is_not_found(auth, client, world):
    """Team A's lead cannot open team B's agent, under either team's address."""
    auth.login("lead_a")
    assert client.get(f"/team/{world.team_a.id}/agents/{world.agent_b.id}").status_code == 404
    assert client.get(f"/team/{world.team_b.id}/agents/{world.agent_b.id}").status_code == 404


def test_coaching_suggests_and_assigns_a_sector(auth, client, db, world):
    """Charges in most detractor comments suggest 'Unexpected charge'; assigning opens it."""
    for text in ("Списали деньги за подписку", "Снова списание, верните деньги",
                 "Непонятное списание с баланса"):
        add_answers(db, "agent_a", [2], comment=text)
    add_answers(db, "agent_a", [3], comment="Связь пропадает")
    auth.login("lead_a")
    page = client.get(f"/team/{world.team_a.id}/coaching").get_data(as_text=True)
    assert "3 of Anna Agentova's 4 detractor comments are about charges" in page
    token = auth.token(f"/team/{world.team_a.id}/coaching")
    due = (datetime.now(UTC) + timedelta(days=5)).date().isoformat()
    response = client.post(f"/team/{world.team_a.id}/coaching/{world.agent_a.id}/assign",
                           data={"csrf_token": token, "sector_id": "unexpected-charge",
                                 "due_on": due})
    assert response.status_code == 302
    db.rollback()
    db.expire_all()
    access = db.get(SectorAccess, (world.agent_a.id, "unexpected-charge"))
    assert access is not None and access.due_on.isoformat() == due
    assert "Assigned, due" in client.get(f"/team/{world.team_a.id}/coaching").get_data(
        as_text=True)


def test_training_effect_shows_before_and_after(auth, client, db, world):
    """A passed sector gets a before/after row; the scatter has a text table."""
    add_answers(db, "agent_a", [0, 0, 10], hours_ago=24 * 5)
    _attempt(db, world.agent_a, "Ответ", days_ago=3)
    add_answers(db, "agent_a", [10, 10, 9], hours_ago=24)
    auth.login("lead_a")
    page = client.get(f"/team/{world.team_a.id}/training-effect").get_data(as_text=True)
    assert "<svg" in page and "The chart's numbers" in page
    # 3 answers each side: no change is printed at all, only why.
    assert "too few answers to compare: n = 3 before, 3 after" in page
    assert "within noise" not in page and "more than noise" not in page
