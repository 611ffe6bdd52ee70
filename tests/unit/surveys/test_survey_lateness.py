"""Late answers by channel: kept and marked, never rejected; limits themselves are on time."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from lab.surveys.domain import DEFAULT_WINDOWS, Lateness, Valid, Windows, validate_row

AGENTS = {"agent1"}
MSK = timezone(timedelta(hours=3))
ENDED = datetime(2026, 11, 20, 10, 0, tzinfo=MSK)
BERLIN = ZoneInfo("Europe/Berlin")


def _row(channel, answered, sent=None):
    """Return a valid row of the channel with the given send and answer times."""
    return {
        "response_id": "r-1",
        "call_id": "c-1",
        "agent_login": "agent1",
        "channel": channel,
        "call_ended_at": ENDED.isoformat(),
        "sent_at": None if sent is None else sent.isoformat(),
        "answered_at": answered.isoformat(),
        "score": 3,
        "comment": None,
    }


def _response(row, windows=DEFAULT_WINDOWS):
    result = validate_row(row, AGENTS, windows)
    assert isinstance(result, Valid), result
    return result.response


def test_default_windows_follow_the_brief():
    """IVR asks right away (10 min); SMS within 24 h; one more day to answer."""
    assert DEFAULT_WINDOWS.ivr_answer_max == timedelta(minutes=10)
    assert DEFAULT_WINDOWS.sms_send_max == timedelta(hours=24)
    assert DEFAULT_WINDOWS.sms_answer_max == timedelta(hours=24)
    assert Windows() == DEFAULT_WINDOWS


@pytest.mark.parametrize("bad", [timedelta(0), timedelta(minutes=-1), 600, None])
def test_windows_must_be_positive_timedeltas(bad):
    """A window of zero, a negative one, or a bare number is refused."""
    with pytest.raises(ValueError, match="ivr_answer_max"):
        Windows(ivr_answer_max=bad)


def test_ivr_answer_exactly_on_the_limit_is_on_time():
    """Ten minutes to the second after the call is still on time."""
    response = _response(_row("ivr", ENDED + timedelta(minutes=10)))
    assert not response.late
    assert response.late_reason is None


def test_ivr_answer_one_second_late_is_kept_and_marked():
    """Ten minutes and one second: valid, marked late."""
    response = _response(_row("ivr", ENDED + timedelta(minutes=10, seconds=1)))
    assert response.late
    assert response.late_reason is Lateness.IVR_ANSWER
    assert response.score == 3


def test_sms_sent_and_answered_exactly_on_the_limits_is_on_time():
    """Sent 24 h after the call and answered 24 h after that: on time."""
    sent = ENDED + timedelta(hours=24)
    response = _response(_row("sms", sent + timedelta(hours=24), sent))
    assert not response.late


def test_sms_sent_late():
    """An SMS sent 24 h and 1 s after the call marks the answer late."""
    sent = ENDED + timedelta(hours=24, seconds=1)
    response = _response(_row("sms", sent + timedelta(minutes=5), sent))
    assert response.late
    assert response.late_reason is Lateness.SMS_SENT


def test_sms_answered_late():
    """An answer 24 h and 1 s after the SMS is late."""
    sent = ENDED + timedelta(hours=1)
    response = _response(_row("sms", sent + timedelta(hours=24, seconds=1), sent))
    assert response.late
    assert response.late_reason is Lateness.SMS_ANSWER


def test_sms_answered_after_ivr_window_is_not_late():
    """The IVR's ten minutes do not apply to an SMS survey."""
    sent = ENDED + timedelta(hours=2)
    response = _response(_row("sms", sent + timedelta(hours=20), sent))
    assert not response.late


def test_late_rules_across_offsets():
    """Windows are measured between instants, not wall clocks in different offsets."""
    answered = (ENDED + timedelta(minutes=9)).astimezone(timezone(timedelta(hours=-5)))
    assert not _response(_row("ivr", answered)).late


def test_custom_windows():
    """A store with a slower IVR can widen its window."""
    windows = Windows(ivr_answer_max=timedelta(minutes=30))
    assert not _response(_row("ivr", ENDED + timedelta(minutes=20)), windows).late
    assert _response(_row("ivr", ENDED + timedelta(minutes=31)), windows).late


def test_lateness_across_a_dst_change_counts_real_time():
    """Berlin's autumn change: second 02:05 is 10 real minutes after first 02:55."""
    ended = datetime(2026, 10, 25, 2, 55, tzinfo=BERLIN)  # 00:55 UTC
    answered = datetime(2026, 10, 25, 2, 5, fold=1, tzinfo=BERLIN)  # 01:05 UTC
    row = _row("ivr", answered) | {"call_ended_at": ended, "answered_at": answered}
    assert not _response(row).late


def test_order_across_a_dst_change_counts_real_time():
    """The first 02:55 comes before the second 02:05: an answer then is before the call."""
    ended = datetime(2026, 10, 25, 2, 5, fold=1, tzinfo=BERLIN)  # 01:05 UTC
    answered = datetime(2026, 10, 25, 2, 55, tzinfo=BERLIN)  # 00:55 UTC
    row = _row("ivr", answered) | {"call_ended_at": ended, "answered_at": answered}
    assert validate_row(row, AGENTS).reason == "answered_before_call"


def test_ivr_late_across_a_dst_change_counts_real_time():
    """First 02:05 to second 02:05 is an hour, though the wall clocks read the same."""
    ended = datetime(2026, 10, 25, 2, 5, tzinfo=BERLIN)
    answered = datetime(2026, 10, 25, 2, 5, fold=1, tzinfo=BERLIN)
    row = _row("ivr", answered) | {"call_ended_at": ended, "answered_at": answered}
    assert _response(row).late_reason is Lateness.IVR_ANSWER
