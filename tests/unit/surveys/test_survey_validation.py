"""Validation of whole survey rows: required fields, agents, channels and time order."""

from datetime import UTC, datetime, timedelta

import pytest

from lab.surveys.domain import Channel, Response, Valid, validate_row

AGENTS = frozenset({"agent1", "agent2"})


def test_valid_ivr_row_is_typed(ivr_row):
    """A good IVR row gives a typed response with aware datetimes and a stripped comment."""
    result = validate_row(ivr_row(), AGENTS)
    assert isinstance(result, Valid)
    response = result.response
    assert isinstance(response, Response)
    assert response.id == 7
    assert response.response_id == "r-1"
    assert response.channel is Channel.IVR
    assert response.score == 9
    assert response.comment == "Quick and kind."
    assert response.sent_at is None
    assert response.call_ended_at.utcoffset() == timedelta(hours=3)
    assert not response.late
    assert response.late_reason is None


def test_valid_sms_row_keeps_sent_at(sms_row):
    """A good SMS row keeps its send time."""
    response = validate_row(sms_row(), AGENTS).response
    assert response.channel is Channel.SMS
    assert response.sent_at == datetime(2026, 11, 20, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    "field",
    ["response_id", "call_id", "agent_login", "channel", "call_ended_at", "answered_at", "score"],
)
@pytest.mark.parametrize("empty", [..., None, "", "   "])
def test_missing_or_blank_required_field(field, empty, ivr_row, rejected):
    """Each required field, absent or blank, is missing_field naming that field."""
    result = rejected(ivr_row(**{field: empty}))
    assert result.reason == "missing_field"
    assert result.field == field
    assert field in result.detail


def test_first_missing_field_is_named(ivr_row, rejected):
    """With several fields missing, the first in table order is reported."""
    result = rejected(ivr_row(score=None, response_id=None))
    assert result.field == "response_id"


def test_unknown_agent(ivr_row, rejected):
    """An agent not in the known list is refused, with the login in the detail."""
    result = rejected(ivr_row(agent_login="ghost"))
    assert result.reason == "unknown_agent"
    assert "'ghost'" in result.detail


def test_agent_login_is_stripped_before_lookup(ivr_row):
    """Whitespace around a login is not part of it."""
    assert validate_row(ivr_row(agent_login=" agent2 "), AGENTS).response.agent_login == "agent2"


def test_non_text_agent_login_is_unknown(ivr_row, rejected):
    """A number is not a login."""
    assert rejected(ivr_row(agent_login=42)).reason == "unknown_agent"


@pytest.mark.parametrize("channel", ["email", "voice", 1, "i v r"])
def test_bad_channel(channel, ivr_row, rejected):
    """Only ivr and sms exist."""
    result = rejected(ivr_row(channel=channel))
    assert result.reason == "bad_channel"
    assert "channel" in result.detail


@pytest.mark.parametrize("channel", ["IVR", " ivr "])
def test_channel_case_and_spaces_are_forgiven(channel, ivr_row):
    """An external store shouting IVR still means ivr."""
    assert validate_row(ivr_row(channel=channel), AGENTS).response.channel is Channel.IVR


def test_sms_without_sent_at(sms_row, rejected):
    """An SMS response must say when the SMS went out."""
    for empty in (None, ..., ""):
        result = rejected(sms_row(sent_at=empty))
        assert result.reason == "sms_without_sent_at"
        assert result.field == "sent_at"


def test_ivr_with_sent_at(ivr_row, rejected):
    """An IVR row carrying a send time is mislabelled."""
    result = rejected(ivr_row(sent_at="2026-11-20T10:00:00+03:00"))
    assert result.reason == "ivr_with_sent_at"


def test_answered_before_call(ivr_row, rejected):
    """An answer cannot come before the call ended."""
    result = rejected(ivr_row(answered_at="2026-11-20T09:59:59+03:00"))
    assert result.reason == "answered_before_call"
    assert "answered_at" in result.detail and "call_ended_at" in result.detail


def test_answered_before_call_across_offsets(ivr_row, rejected):
    """09:01 +02:00 is 10:01 +03:00, after the call; 07:59 +02:00 is 08:59 +03:00, before."""
    assert isinstance(validate_row(ivr_row(answered_at="2026-11-20T09:01:00+02:00"), AGENTS), Valid)
    assert rejected(ivr_row(answered_at="2026-11-20T07:59:00+02:00")).reason == (
        "answered_before_call"
    )


def test_sms_sent_before_call(sms_row, rejected):
    """The survey SMS goes out after the call, never before."""
    result = rejected(sms_row(sent_at="2026-11-20T09:00:00+03:00"))
    assert result.reason == "sent_before_call"


def test_sms_answered_before_sent(sms_row, rejected):
    """A customer cannot answer an SMS not yet sent."""
    result = rejected(sms_row(answered_at="2026-11-20T11:00:00+03:00"))
    assert result.reason == "answered_before_sent"


def test_answer_at_the_very_end_of_the_call_is_accepted(ivr_row):
    """answered_at equal to call_ended_at is not before it."""
    row = ivr_row(answered_at="2026-11-20T10:00:00+03:00")
    assert isinstance(validate_row(row, AGENTS), Valid)


def test_any_container_of_agents_works(ivr_row):
    """known_agents may be a set, a list or a dict's keys."""
    for agents in (["agent1"], {"agent1": 1}.keys(), frozenset({"agent1"})):
        assert isinstance(validate_row(ivr_row(), agents), Valid)


def test_response_is_frozen(ivr_row):
    """A validated response cannot be changed in place."""
    response = validate_row(ivr_row(), AGENTS).response
    with pytest.raises(AttributeError):
        response.score = 10


def test_the_row_is_not_modified(ivr_row):
    """Validation reads the row and leaves it as it was."""
    row = ivr_row()
    before = dict(row)
    validate_row(row, AGENTS)
    assert row == before
