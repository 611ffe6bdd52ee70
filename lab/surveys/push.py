"""Rows pushed by a platform over HTTP, signed with a shared secret instead of a session.

Signature: hex HMAC-SHA256 of f"{timestamp}.{body}" with SURVEY_PUSH_SECRET, sent in
X-Lab-Signature beside X-Lab-Timestamp (unix seconds). A request more than five minutes
off is refused so a captured one cannot be replayed later; a replay inside the window
is harmless anyway, since every response_id is stored once.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass

from sqlalchemy.orm import Session

from lab.surveys.domain import Rejected
from lab.surveys.ingest import classify, load_context, store
from lab.surveys.quarantine import storable
from lab.surveys.report import SyncReport
from lab.surveys.settings import SurveySettings
from lab.system import jsonsafe

TOLERANCE_S = 300
MAX_BODY_BYTES = 1024 * 1024
MAX_ROWS = 5000
ROW_DEPTH = 8  # a list of rows of plain values needs 2; a bad value deeper is quarantined
MAX_LISTED = 1000  # refused rows named in the answer; the counts hold them all
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
    # Ten digits reach the year 2286; hundreds of them overflowed the float comparison.
    if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 12:
        raise PushRefused(401, f"{TIMESTAMP_HEADER} must be unix seconds")
    if abs((time.time() if now is None else now) - int(stamp)) > TOLERANCE_S:
        raise PushRefused(401, "timestamp outside the 5-minute tolerance")
    expected = sign(secret, stamp, body)
    if not hmac.compare_digest(expected, signature.strip().lower()):
        raise PushRefused(401, "bad signature")


def parse_rows(body: bytes) -> list[object]:
    """One JSON object or a list of them; anything else is a 400 with the reason."""
    if len(body) > MAX_BODY_BYTES:
        raise PushRefused(413, f"the body is over {MAX_BODY_BYTES} bytes: send fewer rows")
    try:
        data = jsonsafe.loads(body.decode("utf-8"), ROW_DEPTH)
    except UnicodeDecodeError:
        raise PushRefused(400, "malformed JSON: the body is not UTF-8") from None
    except jsonsafe.JsonRefused as exc:
        raise PushRefused(400, str(exc)) from None
    if isinstance(data, list) and len(data) > MAX_ROWS:
        raise PushRefused(413, f"over {MAX_ROWS} rows in one push: send fewer")
    if isinstance(data, dict):
        return [data]
    if isinstance(data, list):
        # Items that are not objects are quarantined by ingest, not refused here: the
        # platform learns from the counts, and the good rows of the list are kept.
        return data
    raise PushRefused(400, "expected a JSON object or a list of objects")


@dataclass(frozen=True)
class PushResult:
    """The counts, and each refused row by its place in the list, with the reason."""

    report: SyncReport
    rejected: list[dict[str, object]]

    def as_dict(self) -> dict[str, object]:
        return {**self.report.as_dict(), "rejected": self.rejected}


def _refusal(index: int, raw: object, why: Rejected) -> dict[str, object]:
    response_id = raw.get("response_id") if isinstance(raw, dict) else None
    return {"index": index, "response_id": storable(response_id)[:100]
            if isinstance(response_id, str) else None,
            "reason": why.reason, "field": why.field, "detail": storable(why.detail)}


def receive(session: Session, settings: SurveySettings, timestamp: str | None,
            signature: str | None, body: bytes) -> PushResult:
    """Check the signature, store the rows, commit; return what happened to each."""
    verify(settings.push_secret, timestamp, signature, body)
    rows = parse_rows(body)
    ctx = load_context(session, settings)
    classified = classify(rows, ctx)
    report = store(session, classified, "push", ctx)
    session.commit()
    refused = [_refusal(index, raw, verdict) for index, (raw, verdict) in enumerate(classified)
               if isinstance(verdict, Rejected)]
    return PushResult(report, refused[:MAX_LISTED])
