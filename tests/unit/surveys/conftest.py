"""Small factories for survey-store rows: one valid row per channel, changed per test."""

import pytest

from lab.surveys.domain import Rejected, validate_row

AGENTS = frozenset({"agent1", "agent2"})


def _ivr_row(**changes):
    """Return a valid IVR row; a field set to ... is removed from it."""
    row = {
        "id": 7,
        "response_id": "r-1",
        "call_id": "c-1",
        "agent_login": "agent1",
        "channel": "ivr",
        "call_ended_at": "2026-11-20T10:00:00+03:00",
        "sent_at": None,
        "answered_at": "2026-11-20T10:01:30+03:00",
        "score": 9,
        "comment": "  Quick and kind.  ",
    }
    row.update(changes)
    return {k: v for k, v in row.items() if v is not ...}


def _sms_row(**changes):
    """Return a valid SMS row; a field set to ... is removed from it."""
    base = {
        "channel": "sms",
        "sent_at": "2026-11-20T12:00:00+03:00",
        "answered_at": "2026-11-20T18:00:00+03:00",
    }
    base.update(changes)
    return _ivr_row(**base)


def _rejected(row):
    """Validate a row against AGENTS and insist on a rejection."""
    result = validate_row(row, AGENTS)
    assert isinstance(result, Rejected), result
    return result


@pytest.fixture
def ivr_row():
    """The IVR row factory."""
    return _ivr_row


@pytest.fixture
def sms_row():
    """The SMS row factory."""
    return _sms_row


@pytest.fixture
def rejected():
    """Validate a row and return its rejection, failing when it is valid."""
    return _rejected
