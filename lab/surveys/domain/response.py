"""A survey response that passed validation, and the two outcomes of validating a row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Channel(StrEnum):
    """Who ended the call decides the survey: agent first -> IVR, customer first -> SMS."""

    IVR = "ivr"
    SMS = "sms"


class Lateness(StrEnum):
    """Which window a late answer missed; late answers are kept and marked, not dropped."""

    IVR_ANSWER = "ivr_answer_late"
    SMS_SENT = "sms_sent_late"
    SMS_ANSWER = "sms_answer_late"


@dataclass(frozen=True)
class Response:
    """One customer's 0-10 answer to a post-call survey, typed and with aware datetimes."""

    id: int | None
    response_id: str
    call_id: str
    agent_login: str
    channel: Channel
    call_ended_at: datetime
    sent_at: datetime | None
    answered_at: datetime
    score: int
    comment: str | None
    late: bool = False
    late_reason: Lateness | None = None
    # The customer's key as the store gives it (stripped); stored only as a keyed hash.
    customer_key: str | None = None


@dataclass(frozen=True)
class Valid:
    """A row that holds a usable response."""

    response: Response


@dataclass(frozen=True)
class Rejected:
    """A row refused: a short machine code, the field at fault, and an English detail."""

    reason: str
    detail: str
    field: str | None = None
