"""Answers stored through the real ingest path, for the centre, digest and alert tests."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

from lab.surveys.ingest import ingest, load_context
from lab.surveys.settings import settings_from

_numbers = itertools.count(1)


def answer(agent: str, score: int, ended: datetime, comment: str | None = None,
           channel: str = "ivr") -> dict[str, object]:
    """A valid answer row (IVR answered a minute after the call, SMS an hour after)."""
    number = next(_numbers)
    row: dict[str, object] = {
        "response_id": f"t-{number}", "call_id": f"c-{number}", "agent_login": agent,
        "channel": channel, "call_ended_at": ended.isoformat(), "sent_at": None,
        "answered_at": (ended + timedelta(minutes=1)).isoformat(), "score": score,
        "comment": comment}
    if channel == "sms":
        row["sent_at"] = (ended + timedelta(minutes=30)).isoformat()
        row["answered_at"] = (ended + timedelta(hours=1)).isoformat()
    return row


def store(app, db, rows: list[dict[str, object]]):
    """Validate and store rows as a push would, and commit."""
    report = ingest(db, rows, "push", load_context(db, settings_from(app.config)))
    db.commit()
    assert report.quarantined == 0, report
    return report
