"""Rows pushed by a platform over HTTP, signed with a shared secret instead of a session.

Signature: hex HMAC-SHA256 of f"{timestamp}.{body}" with SURVEY_PUSH_SECRET, sent in
X-Lab-Signature beside X-Lab-Timestamp (unix seconds). A request more than five minutes
off is refused so a captured one cannot be replayed later; a replay inside the window
is harmless anyway, since every response_id is stored once.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time

from sqlalchemy.orm import Session

from lab.surveys.ingest import ingest, load_context
from lab.surveys.report import SyncReport
from lab.surveys.settings import SurveySettings

TOLERANCE_S = 300
TIMESTAMP_HEADER = "X-Lab-Timestamp"
SIGNATURE_HEADER = "X-Lab-Signature"


class PushRefused(Exception):
    """A push refused before any row was read: the HTTP status and the reason."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """The signature a platform sends for body at timestamp."""
    message = timestamp.encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify(secret: str | None, timestamp: str | None, signature: str | None, body: bytes,
           now: float | None = None) -> None:
    """Refuse an unsigned, badly signed or stale push (PushRefused); return when it is good."""
    if not secret:
        raise PushRefused(503, "push not configured")
    if not timestamp or not signature:
        raise PushRefused(401, f"{TIMESTAMP_HEADER} and {SIGNATURE_HEADER} are required")
    stamp = timestamp.strip()
    if not (stamp.isascii() and stamp.isdigit()):
        raise PushRefused(401, f"{TIMESTAMP_HEADER} must be unix seconds")
    if abs((time.time() if now is None else now) - int(stamp)) > TOLERANCE_S:
        raise PushRefused(401, "timestamp outside the 5-minute tolerance")
    expected = sign(secret, stamp, body)
    if not hmac.compare_digest(expected, signature.strip().lower()):
        raise PushRefused(401, "bad signature")


def parse_rows(body: bytes) -> list[object]:
    """One JSON object or a list of them; anything else is a 400 with the reason."""
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise PushRefused(400, "malformed JSON: the body is not UTF-8") from None
    except ValueError as exc:
        raise PushRefused(400, f"malformed JSON: {exc}") from None
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        # Items that are not objects are quarantined by ingest, not refused here: the
        # platform learns from the counts, and the good rows of the list are kept.
        return data
    raise PushRefused(400, "expected a JSON object or a list of objects")


def receive(session: Session, settings: SurveySettings, timestamp: str | None,
            signature: str | None, body: bytes) -> SyncReport:
    """Check the signature, store the rows, commit; return what happened to them."""
    verify(settings.push_secret, timestamp, signature, body)
    rows = parse_rows(body)
    report = ingest(session, rows, "push", load_context(session, settings))
    session.commit()
    return report
