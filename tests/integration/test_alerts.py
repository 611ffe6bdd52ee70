"""Alerts: an alarming detractor reaches its team's lead (grouped per minute), an overdue
follow-up and an assigned sector too; each user's choices hold; e-mail goes out by SMTP."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from lab.alerts.detect import overdue_follow_ups
from lab.alerts.mailing import send_pending
from lab.alerts.models import AlertPreference, Notification
from lab.db import utcnow
from lab.system.mail import parse_smtp_url
from lab.training.assign import open_sector
from tests.answers import answer, store
from tests.factories import PASSWORD
from tests.smtp import smtp_server
from tests.web import csrf_from


def _signed_in(app, login):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get("/login").get_data(as_text=True)
    client.post("/login", data={"login": login, "password": PASSWORD,
                                "csrf_token": csrf_from(page)})
    return client


def _mine(db, user):
    return db.scalars(select(Notification).where(Notification.user_id == user.id)).all()


def test_alarming_detractor_reaches_the_lead_and_managers_only(app, db, world):
    now = utcnow()
    store(app, db, [answer("agent_a", 1, now - timedelta(minutes=3), "Подам в суд на вас!"),
                    answer("agent_a", 2, now - timedelta(minutes=2), "I will go to the regulator"),
                    answer("agent_a", 5, now - timedelta(minutes=2), "Slow, but fine"),
                    answer("agent_a", 9, now - timedelta(minutes=2), "Thanks")])
    mine = _mine(db, world.lead_a)
    assert len(mine) == 1 and mine[0].count == 2  # two alarming ones, one group
    assert _mine(db, world.lead_b) == []
    assert _mine(db, world.agent_a) == []
    assert _mine(db, world.manager)[0].count == 2
    poll = _signed_in(app, "lead_a").get("/api/v1/alerts").get_json()
    assert poll["unread"] == 2
    assert "Alpha: 2 alarming detractors" in poll["latest"][0]["text"]
    assert _signed_in(app, "lead_b").get("/api/v1/alerts").get_json()["unread"] == 0
    # The same answers again (a replay) alert nobody twice.
    db.expire_all()
    assert _mine(db, world.lead_a)[0].count == 2


def test_history_being_loaded_is_not_news(app, db, world):
    old = utcnow() - timedelta(days=3)
    store(app, db, [answer("agent_a", 0, old, "Подам в суд на вас!")])
    assert _mine(db, world.lead_a) == []


def test_a_user_who_turned_an_alert_off_does_not_get_it(app, db, world):
    db.add(AlertPreference(user_id=world.lead_a.id, kind="alarming_detractor", in_app=False,
                           email=False))
    db.commit()
    store(app, db, [answer("agent_a", 0, utcnow() - timedelta(minutes=1), "В суд!")])
    assert _mine(db, world.lead_a) == []
    assert len(_mine(db, world.manager)) == 1


def test_preferences_are_saved_from_the_page(app, db, world):
    client = _signed_in(app, "lead_a")
    page = client.get("/alerts").get_data(as_text=True)
    assert "An alarming detractor on my team" in page
    response = client.post("/alerts/preferences", data={
        "csrf_token": csrf_from(page), "in_app-followup_overdue": "1"})
    assert response.status_code == 302
    db.expire_all()
    saved = {p.kind: (p.in_app, p.email) for p in db.scalars(
        select(AlertPreference).where(AlertPreference.user_id == world.lead_a.id))}
    assert saved == {"alarming_detractor": (False, False), "followup_overdue": (True, False)}


def test_overdue_follow_up_and_assigned_sector(app, db, world):
    now = utcnow()
    store(app, db, [answer("agent_b", 3, now - timedelta(hours=50), "Nobody called me back")])
    assert overdue_follow_ups(db, now, 48) == 1
    assert overdue_follow_ups(db, now, 48) == 0  # once
    db.commit()
    assert [n.kind for n in _mine(db, world.lead_b)] == ["followup_overdue"]
    open_sector(db, world.lead_a, world.agent_a, "unexpected-charge", None)
    db.commit()
    assert [n.kind for n in _mine(db, world.agent_a)] == ["sector_assigned"]
    assert _signed_in(app, "agent_a").get("/api/v1/alerts").get_json()["unread"] == 1


def test_alert_email_goes_to_the_lead_once_the_minute_closes(app, db, world):
    world.lead_a.email = "lead.a@example.org"
    db.commit()
    now = utcnow()
    store(app, db, [answer("agent_a", 1, now - timedelta(minutes=1), "Подам в суд!")])
    with smtp_server() as (url, inbox):
        smtp = parse_smtp_url(url)
        assert send_pending(db, smtp, "lab@example.org", now) == 0  # the minute is still open
        assert send_pending(db, smtp, "lab@example.org", now + timedelta(minutes=1)) == 1
        assert send_pending(db, smtp, "lab@example.org", now + timedelta(minutes=2)) == 0
        db.commit()
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == "lead.a@example.org"
    assert "Alarming detractor" in message["Subject"] and "Alpha" in message["Subject"]
