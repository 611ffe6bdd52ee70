"""My TNPS (/me) and its JSON: access, own data only, filters, bad arguments, the bonus panel."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lab.surveys.domain import DEFAULT_WINDOWS
from lab.surveys.ingest import IngestContext, ingest, known_agents
from lab.tnps.bonus import BonusScheme
from lab.tnps.scheme_store import save_scheme

_numbers = itertools.count(1)


def this_month_moment(tz_name: str) -> datetime:
    """An instant an hour ago, or just after this month began if that is sooner."""
    tz = ZoneInfo(tz_name)
    now = datetime.now(UTC).astimezone(tz)
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return max(now - timedelta(hours=1), start + timedelta(minutes=1))


def answer(login: str, score: int, comment: str | None = None, *, channel: str = "ivr",
           ended: datetime, late: bool = False) -> dict[str, object]:
    """A store row: an IVR answer a minute after the call (30 minutes when late), or an SMS."""
    number = next(_numbers)
    sent = ended + timedelta(hours=1) if channel == "sms" else None
    if channel == "sms":
        answered = sent + (timedelta(hours=30) if late else timedelta(hours=2))
    else:
        answered = ended + (timedelta(minutes=30) if late else timedelta(minutes=1))
    return {"response_id": f"me-{number}", "call_id": f"me-call-{number}", "agent_login": login,
            "channel": channel, "call_ended_at": ended.isoformat(),
            "sent_at": sent.isoformat() if sent else None, "answered_at": answered.isoformat(),
            "score": score, "comment": comment}


def add_answers(app, db, rows: list[dict[str, object]]) -> None:
    """Store rows through the same path the sync takes: validation, storage, rollup."""
    ctx = IngestContext(known_agents(db), DEFAULT_WINDOWS, ZoneInfo(app.config["TIMEZONE"]))
    report = ingest(db, rows, "sync", ctx)
    assert report.quarantined == 0, report
    db.commit()


def scores(app, db, login: str, values: list[int], comment: str | None = None, **kw) -> None:
    """One answer per score, all this month."""
    ended = this_month_moment(app.config["TIMEZONE"])
    add_answers(app, db, [answer(login, value, comment, ended=ended, **kw) for value in values])


@pytest.fixture
def agent_client(auth, world, client):
    """The test client signed in as agent_a."""
    assert auth.login("agent_a").status_code == 302
    return client


def test_page_and_json_need_sign_in(client, world):
    """Anonymous: the page redirects to login, the JSON answers 401 JSON."""
    assert client.get("/me").status_code == 302
    for url in ("/api/v1/me/tnps", "/api/v1/me/comments"):
        response = client.get(url)
        assert response.status_code == 401 and response.is_json


def test_lead_without_calls_sees_the_empty_state(app, db, world, auth, client):
    """A lead has no survey answers: an honest empty state, no numbers."""
    auth.login("lead_a")
    html = client.get("/me").get_data(as_text=True)
    assert "No survey answers yet" in html
    assert "My bonus this month" not in html
    data = client.get("/api/v1/me/tnps").get_json()
    assert data["latest_id"] == 0 and data["summary"]["n"] == 0


def test_agent_sees_only_own_comments(app, db, world, agent_client):
    """Another agent's comment never shows on my page or in my JSON, whatever I ask."""
    scores(app, db, "agent_a", [10], "Mine: quick and kind")
    scores(app, db, "agent_a2", [2], "Secret of a teammate")
    scores(app, db, "agent_b", [3], "Secret of another team")
    html = agent_client.get("/me").get_data(as_text=True)
    assert "Mine: quick and kind" in html
    assert "Secret of" not in html
    for url in ("/api/v1/me/comments", f"/api/v1/me/comments?agent_id={world.agent_b.id}",
                "/api/v1/me/tnps?after=0", f"/api/v1/me/tnps?after=0&agent={world.agent_b.id}"):
        body = agent_client.get(url).get_data(as_text=True)
        assert "Secret of" not in body, url
    data = agent_client.get("/api/v1/me/tnps?after=0").get_json()
    assert data["summary"]["n"] == 1 and data["new_answers"] == 1


def test_comments_are_escaped(app, db, world, agent_client):
    """A comment with markup is shown as text, never as HTML."""
    scores(app, db, "agent_a", [1], "<script>alert('x')</script><b>bold</b>")
    html = agent_client.get("/me").get_data(as_text=True)
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(" in html


def test_late_answers_are_marked_and_not_counted(app, db, world, agent_client):
    """A late answer's comment is listed as late; TNPS counts only on-time answers."""
    scores(app, db, "agent_a", [10, 10])
    scores(app, db, "agent_a", [0], "Too late to count", late=True)
    data = agent_client.get("/api/v1/me/tnps").get_json()
    assert data["summary"]["n"] == 2 and data["summary"]["detractors"] == 0
    comments = agent_client.get("/api/v1/me/comments").get_json()["comments"]
    assert [c["late"] for c in comments] == [True]
    assert "late: not counted" in agent_client.get("/me").get_data(as_text=True)


def test_filters_by_category_channel_topic_and_period(app, db, world, agent_client):
    """Each filter narrows the list; detractors come out as detractors only."""
    ended = this_month_moment(app.config["TIMEZONE"])
    add_answers(app, db, [
        answer("agent_a", 2, "You charged me for a subscription", ended=ended),
        answer("agent_a", 10, "Polite and helpful agent", ended=ended, channel="sms"),
        answer("agent_a", 8, "Internet signal drops at home", ended=ended - timedelta(days=200)),
    ])
    get = agent_client.get

    def texts(query: str) -> list[str]:
        return [c["comment"] for c in get(f"/api/v1/me/comments?{query}").get_json()["comments"]]

    assert len(texts("")) == 3
    assert texts("category=detractor") == ["You charged me for a subscription"]
    assert texts("channel=sms") == ["Polite and helpful agent"]
    assert texts("topic=connection") == ["Internet signal drops at home"]
    assert "Internet signal drops at home" not in texts("period=90d")
    assert texts("period=month&category=promoter") == ["Polite and helpful agent"]
    html = get("/me?category=detractor").get_data(as_text=True)
    assert "You charged me" in html and "Polite and helpful" not in html


def test_comments_are_paginated_newest_first(app, db, world, agent_client):
    """Twenty-five comments: two pages, the newest on the first."""
    ended = this_month_moment(app.config["TIMEZONE"])
    add_answers(app, db, [answer("agent_a", 9, f"comment number {i:02d}",
                                 ended=ended - timedelta(minutes=25 - i)) for i in range(25)])
    first = agent_client.get("/api/v1/me/comments").get_json()
    assert (first["total"], first["pages"], len(first["comments"])) == (25, 2, 20)
    assert first["comments"][0]["comment"] == "comment number 24"
    second = agent_client.get("/api/v1/me/comments?page=2").get_json()
    assert [c["comment"] for c in second["comments"]][-1] == "comment number 00"
    html = agent_client.get("/me?page=2").get_data(as_text=True)
    assert "comment number 00" in html and "comment number 24" not in html
    # A page past the end shows the last one rather than nothing.
    assert agent_client.get("/api/v1/me/comments?page=9").get_json()["page"] == 2


@pytest.mark.parametrize("query", [
    "category=angry", "channel=email", "period=forever", "topic=weather", "page=0",
    "page=-1", "page=abc", "page=99999999999999999999", "category=%00", "page=1.5",
])
def test_bad_filters_are_refused_as_json_and_ignored_by_the_page(world, agent_client, query):
    """A bad argument: 400 JSON naming the field; the page still renders (never a 500)."""
    response = agent_client.get(f"/api/v1/me/comments?{query}")
    assert response.status_code == 400 and response.is_json
    assert response.get_json()["fields"]
    assert agent_client.get(f"/me?{query}").status_code == 200


@pytest.mark.parametrize("after", ["abc", "-1", "1e5", "99999999999999999999999", " "])
def test_bad_cursor_is_refused(world, agent_client, after):
    """?after= must be an answer id: anything else is a 400, not a 500."""
    response = agent_client.get(f"/api/v1/me/tnps?after={after}")
    assert response.status_code in (200, 400) and response.is_json
    if after.strip():
        assert response.status_code == 400


def test_new_answers_after_the_cursor(app, db, world, agent_client):
    """The poller learns how many answers came after the id it holds, and their comments."""
    scores(app, db, "agent_a", [9])
    latest = agent_client.get("/api/v1/me/tnps").get_json()["latest_id"]
    scores(app, db, "agent_a", [3, 10], "Fresh comment")
    data = agent_client.get(f"/api/v1/me/tnps?after={latest}").get_json()
    assert data["new_answers"] == 2 and data["latest_id"] > latest
    assert [c["comment"] for c in data["comments"]] == ["Fresh comment", "Fresh comment"]
    assert data["summary"]["n"] == 3


def test_bonus_panel_below_minimum_says_not_enough_data(app, db, world, agent_client):
    """Below the scheme's minimum n: no percent, the number still missing instead."""
    save_scheme(db, BonusScheme([(-100, 0), (0, 5), (50, 15)], min_n=10))
    db.commit()
    scores(app, db, "agent_a", [10, 10, 10, 0])
    html = agent_client.get("/me").get_data(as_text=True)
    assert "Not enough data yet" in html
    assert "4 of the 10 answers the scheme needs this month: 6 more" in html


def test_bonus_panel_matches_the_scheme(app, db, world, agent_client):
    """Eight promoters, one passive, one detractor: TNPS +70, the 15% tier, numbers as
    the scheme's maths gives them."""
    save_scheme(db, BonusScheme([(-100, 0), (0, 5), (50, 15), (80, 25)], min_n=10))
    db.commit()
    scores(app, db, "agent_a", [10] * 8 + [8, 3])
    html = agent_client.get("/me").get_data(as_text=True)
    assert 'data-bonus-percent>15%<' in html
    # 80 needs (0.8 * 10 - 7) / 0.2 = 5 promoters.
    assert "25% from TNPS +80: 5 more promoters without a new detractor" in html
    # One detractor: 6 / 11 = +55, still 15%; back to +70: (6 + k) / (11 + k) >= .7, k = 6.
    assert "from +70 to +55." in html and "Winning it back takes 6 promoters." in html
    assert '<tr class="current"><td>+50</td><td>15% <span class="tag">you are here' in html
    assert "chance you end" in html
