"""Admin: the bonus scheme with validation, the survey store and the quarantine fix."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from lab.surveys.domain import DEFAULT_WINDOWS
from lab.surveys.ingest import IngestContext, ingest, known_agents
from lab.surveys.models import QuarantinedRow, SurveyResponse, TnpsDaily, TnpsMonthly
from lab.system.models import AuditEvent
from lab.tnps.scheme_store import load_scheme
from tests.web import csrf_from


def _token(client, path: str) -> str:
    return csrf_from(client.get(path).get_data(as_text=True).split("<main")[1])


def quarantine_bad_score(db, score: object = "6.5", login: str = "agent_a") -> QuarantinedRow:
    """Send one row with a score that is no score; it lands in quarantine."""
    ended = datetime.now(UTC) - timedelta(hours=3)
    row = {"response_id": "bad-1", "call_id": "call-bad-1", "agent_login": login,
           "channel": "ivr", "sent_at": None, "call_ended_at": ended.isoformat(),
           "answered_at": (ended + timedelta(minutes=1)).isoformat(), "score": score,
           "comment": "Ужасно"}
    ctx = IngestContext(known_agents(db), DEFAULT_WINDOWS, ZoneInfo("Europe/Moscow"))
    assert ingest(db, [row], "import", ctx).quarantined == 1
    db.commit()
    return db.scalar(select(QuarantinedRow))


def test_scheme_is_validated_and_saved(auth, client, db, world):
    """Falling tiers are refused with the reason; a valid scheme is saved and audited."""
    auth.login("root")
    token = _token(client, "/admin/scheme")
    bad = client.post("/admin/scheme", data={"csrf_token": token, "tiers": "0: 5\n-10: 2",
                                             "min_n": "30"})
    assert bad.status_code == 400
    assert "line 2: each tier&#39;s minimum TNPS must be above" in bad.get_data(as_text=True)
    words = client.post("/admin/scheme", data={"csrf_token": token, "tiers": "thirty: 5",
                                               "min_n": "30"})
    assert "line 1" in words.get_data(as_text=True)
    good = client.post("/admin/scheme", data={"csrf_token": token,
                                              "tiers": "-100: 0\n0: 5\n40: 12,5", "min_n": "50"})
    assert good.status_code == 302
    db.rollback()
    db.expire_all()
    scheme = load_scheme(db)
    assert scheme.tiers == ((-100, 0), (0, 5), (40, 12.5)) and scheme.min_n == 50
    assert db.scalar(select(AuditEvent).where(AuditEvent.action == "bonus.scheme"))


def test_quarantine_row_shows_reason_and_raw_data(auth, client, db, world):
    """The row's page names the reason and shows the raw fields, escaped."""
    row = quarantine_bad_score(db, score="<b>6.5</b>")
    auth.login("root")
    page = client.get(f"/admin/quarantine/{row.id}").get_data(as_text=True)
    assert "Score not 0-10" in page and "&lt;b&gt;6.5&lt;/b&gt;" in page
    assert "The score must be a whole number from 0 to 10." in page
    listing = client.get("/admin/quarantine").get_data(as_text=True)
    assert f"/admin/quarantine/{row.id}" in listing


def test_fixing_a_row_stores_and_counts_it(auth, client, db, world):
    """A corrected score passes, is stored once, counted in the rollup, and audited."""
    row = quarantine_bad_score(db)
    auth.login("root")
    url = f"/admin/quarantine/{row.id}"
    still = client.post(url, data={"csrf_token": _token(client, url), "field": "score",
                                   "value": "11"})
    assert still.status_code == 302
    assert "still fails" in client.get(url).get_data(as_text=True)
    done = client.post(url, data={"csrf_token": _token(client, url), "field": "score",
                                  "value": "3"})
    assert done.headers["Location"].endswith("/admin/quarantine")
    db.rollback()
    db.expire_all()
    stored = db.scalar(select(SurveyResponse).where(SurveyResponse.response_id == "bad-1"))
    assert stored.score == 3
    assert db.scalar(select(func.sum(TnpsDaily.detractors))) == 1
    assert db.scalar(select(func.sum(TnpsMonthly.detractors))) == 1  # same transaction
    assert db.get(QuarantinedRow, row.id).resolution == "fixed"
    assert db.scalar(select(func.count()).where(AuditEvent.action == "quarantine.fix")) == 2
    assert "No rows waiting in quarantine" in client.get("/admin/quarantine").get_data(
        as_text=True)


def test_dismissing_a_row(auth, client, db, world):
    """A row that cannot be fixed is dismissed, never counted."""
    row = quarantine_bad_score(db)
    auth.login("root")
    url = f"/admin/quarantine/{row.id}"
    client.post(url + "/dismiss", data={"csrf_token": _token(client, url)})
    db.rollback()
    db.expire_all()
    assert db.get(QuarantinedRow, row.id).resolution == "dismissed"
    assert db.scalar(select(func.count()).select_from(SurveyResponse)) == 0


def test_the_store_status_is_shown(auth, client, world):
    """The overview names the survey store state (not yet synced in a fresh app)."""
    auth.login("root")
    page = client.get("/admin").get_data(as_text=True)
    assert "Survey store" in page


def test_content_page_lists_sectors_and_codex(auth, client, world):
    """The loaded sectors and Codex chapters are listed."""
    auth.login("root")
    page = client.get("/admin/content").get_data(as_text=True)
    assert "unexpected-charge" in page and "first-words" in page


def _held(db, rows: list[dict]) -> None:
    ctx = IngestContext(known_agents(db), DEFAULT_WINDOWS, ZoneInfo("Europe/Moscow"))
    ingest(db, rows, "import", ctx)
    db.commit()


def _row(number: int, **changes) -> dict:
    ended = datetime.now(UTC) - timedelta(hours=3)
    return {"response_id": f"q-{number}", "call_id": f"qc-{number}", "agent_login": "agent_a",
            "channel": "ivr", "sent_at": None, "call_ended_at": ended.isoformat(),
            "answered_at": (ended + timedelta(minutes=1)).isoformat(), "score": 9,
            "comment": None, **changes}


def test_quarantine_leads_with_what_can_be_fixed_and_dismisses_in_bulk(auth, client, db,
                                                                       world):
    """Five skipped surveys and two fixable rows: the default list holds the two; the
    skipped ones are dismissed together with one click, and once in the audit log."""
    _held(db, [_row(i, score=None) for i in range(5)]
          + [_row(10, score="6.5"), _row(11, agent_login="nobody")])
    auth.login("root")
    listing = client.get("/admin/quarantine").get_data(as_text=True)
    assert "Can be fixed (2)" in listing and "All (7)" in listing
    assert listing.count('name="row"') == 2
    skipped = client.get("/admin/quarantine?reason=dismissed").get_data(as_text=True)
    assert skipped.count('name="row"') == 5 and "Dismiss all 5 rows" in skipped
    token = _token(client, "/admin/quarantine?reason=dismissed")
    done = client.post("/admin/quarantine/dismiss?back=dismissed",
                       data={"csrf_token": token, "reason": "dismissed"})
    assert done.status_code == 302
    db.rollback()
    db.expire_all()
    assert db.scalar(select(func.count()).select_from(QuarantinedRow)
                     .where(QuarantinedRow.resolved_at.is_(None))) == 2
    assert db.scalar(select(func.count()).where(
        AuditEvent.action == "quarantine.dismiss_bulk")) == 1
    # Ticked rows only: one of the two left.
    ids = [r.id for r in db.scalars(select(QuarantinedRow).where(
        QuarantinedRow.resolved_at.is_(None)))]
    client.post("/admin/quarantine/dismiss", data={"csrf_token": token, "row": [str(ids[0])]})
    db.rollback()
    db.expire_all()
    assert db.get(QuarantinedRow, ids[0]).resolution == "dismissed"
    assert db.get(QuarantinedRow, ids[1]).resolved_at is None


def test_quarantine_pages_past_100_rows(auth, client, db, world):
    """108 fixable rows: 100 on the first page, 8 on the second."""
    _held(db, [_row(100 + i, score="6.5") for i in range(108)])
    auth.login("root")
    first = client.get("/admin/quarantine").get_data(as_text=True)
    second = client.get("/admin/quarantine?page=2").get_data(as_text=True)
    assert first.count('name="row"') == 100 and second.count('name="row"') == 8
    assert "Page 2 of 2" in second


def test_moving_an_answer_to_another_agent_needs_a_reason_in_the_audit_log(auth, client, db,
                                                                           world):
    """An unknown login corrected to agent_a2 counts for agent_a2's bonus: without a reason
    it is refused; with one it is stored and the reason shows in the audit log."""
    _held(db, [_row(200, agent_login="agnt_a2")])
    row = db.scalar(select(QuarantinedRow))
    auth.login("root")
    url = f"/admin/quarantine/{row.id}"
    refused = client.post(url, data={"csrf_token": _token(client, url),
                                     "field": "agent_login", "value": "agent_a2"})
    assert refused.status_code == 400
    assert "changes their TNPS and bonus" in refused.get_data(as_text=True)
    done = client.post(url, data={"csrf_token": _token(client, url), "field": "agent_login",
                                  "value": "agent_a2", "why": "Typo in the IVR export, ticket 42"})
    assert done.status_code == 302
    audit_page = client.get("/admin/audit").get_data(as_text=True)
    assert "Typo in the IVR export, ticket 42" in audit_page
    assert "agent&#39;s login: agnt_a2 → agent_a2" in audit_page
