"""Validation of one survey-store row into a typed Response, or a reasoned rejection."""

from __future__ import annotations

from collections.abc import Container, Mapping
from datetime import UTC, datetime

from lab.surveys.domain.fields import (
    MAX_CALL_ID,
    MAX_RESPONSE_ID,
    FieldError,
    is_blank,
    parse_comment,
    parse_customer_key,
    parse_score,
    parse_store_id,
    parse_text_id,
    parse_timestamp,
    require,
    shown,
)
from lab.surveys.domain.response import Channel, Lateness, Rejected, Response, Valid
from lab.surveys.domain.windows import DEFAULT_WINDOWS, Windows

# Checked in this order, so a row missing several fields always names the same first one.
REQUIRED_FIELDS = (
    "response_id",
    "call_id",
    "agent_login",
    "channel",
    "call_ended_at",
    "answered_at",
    "score",
)


def _parse_channel(value: object) -> Channel:
    text = value.strip().lower() if isinstance(value, str) else value
    try:
        return Channel(text)
    except ValueError:
        raise FieldError(
            "bad_channel", "channel", f"channel must be 'ivr' or 'sms', got {shown(value)}"
        ) from None


def _utc(moment: datetime) -> datetime:
    # Python compares and subtracts two datetimes of one zone by wall clock, ignoring
    # fold: across a DST change that is an hour off. UTC instants are always right.
    return moment.astimezone(UTC)


def _check_order(
    channel: Channel, ended: datetime, sent: datetime | None, answered: datetime
) -> None:
    """Refuse times that cannot happen: answers before the call, SMS before the call."""
    if _utc(answered) < _utc(ended):
        raise FieldError(
            "answered_before_call",
            "answered_at",
            f"answered_at {answered.isoformat()} is before call_ended_at {ended.isoformat()}",
        )
    if channel is Channel.SMS and sent is not None:
        if _utc(sent) < _utc(ended):
            raise FieldError(
                "sent_before_call",
                "sent_at",
                f"sent_at {sent.isoformat()} is before call_ended_at {ended.isoformat()}",
            )
        if _utc(answered) < _utc(sent):
            raise FieldError(
                "answered_before_sent",
                "answered_at",
                f"answered_at {answered.isoformat()} is before sent_at {sent.isoformat()}",
            )


def lateness(
    channel: Channel,
    ended: datetime,
    sent: datetime | None,
    answered: datetime,
    windows: Windows,
) -> Lateness | None:
    """Return which window an answer missed, None when on time; a limit itself is on time."""
    ended, answered = _utc(ended), _utc(answered)
    if channel is Channel.IVR:
        return Lateness.IVR_ANSWER if answered - ended > windows.ivr_answer_max else None
    assert sent is not None  # validate_row refuses an SMS row without sent_at first
    sent = _utc(sent)
    if sent - ended > windows.sms_send_max:
        return Lateness.SMS_SENT
    if answered - sent > windows.sms_answer_max:
        return Lateness.SMS_ANSWER
    return None


def _build(raw: Mapping[str, object], known_agents: Container[str], windows: Windows) -> Response:
    """Parse and check the row field by field; the first problem raises FieldError."""
    for field in REQUIRED_FIELDS:
        require(raw, field)
    store_id = parse_store_id(raw.get("id"))
    response_id = parse_text_id(
        raw["response_id"], "response_id", "bad_response_id", MAX_RESPONSE_ID
    )
    call_id = parse_text_id(raw["call_id"], "call_id", "bad_call_id", MAX_CALL_ID)
    agent_login = raw["agent_login"]
    if not isinstance(agent_login, str) or agent_login.strip() not in known_agents:
        raise FieldError(
            "unknown_agent", "agent_login", f"agent_login {shown(agent_login)} is not a known agent"
        )
    channel = _parse_channel(raw["channel"])
    ended = parse_timestamp(raw["call_ended_at"], "call_ended_at")
    answered = parse_timestamp(raw["answered_at"], "answered_at")
    sent_raw = raw.get("sent_at")
    sent = None
    if channel is Channel.SMS:
        if is_blank(sent_raw):
            raise FieldError(
                "sms_without_sent_at",
                "sent_at",
                f"an SMS response needs sent_at, got {shown(sent_raw)}",
            )
        sent = parse_timestamp(sent_raw, "sent_at")
    elif not is_blank(sent_raw):
        # The IVR asks during the call's wake: a send time means the row is mislabelled.
        raise FieldError(
            "ivr_with_sent_at", "sent_at", f"an IVR response has no sent_at, got {shown(sent_raw)}"
        )
    score = parse_score(raw["score"])
    comment = parse_comment(raw.get("comment"))
    customer_key = parse_customer_key(raw.get("customer_key"))
    _check_order(channel, ended, sent, answered)
    late_reason = lateness(channel, ended, sent, answered, windows)
    return Response(
        id=store_id,
        response_id=response_id,
        call_id=call_id,
        agent_login=agent_login.strip(),
        channel=channel,
        call_ended_at=ended,
        sent_at=sent,
        answered_at=answered,
        score=score,
        comment=comment,
        late=late_reason is not None,
        late_reason=late_reason,
        customer_key=customer_key,
    )


def validate_row(
    raw: Mapping[str, object],
    known_agents: Container[str],
    windows: Windows = DEFAULT_WINDOWS,
) -> Valid | Rejected:
    """Validate one survey-store row: a typed Response, or the first reason to refuse it."""
    try:
        return Valid(_build(raw, known_agents, windows))
    except FieldError as error:
        return Rejected(reason=error.reason, detail=error.detail, field=error.field)
