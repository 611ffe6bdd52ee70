"""The simulated feed looks like the real one: channels, answer rates, windows, bad rows."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from lab.surveys.comments import COMMENTS, TOPICS
from lab.surveys.domain import Rejected, Valid, validate_row
from lab.surveys.simulate import Simulator

MSK = ZoneInfo("Europe/Moscow")
AGENTS = [f"agent{number}" for number in range(1, 13)]
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def history():
    """Sixty days for twelve agents, seeded."""
    return Simulator(AGENTS, MSK, seed=42).history(60, NOW)


def test_same_seed_same_feed():
    """A seed reproduces the feed exactly."""
    first = Simulator(AGENTS[:2], MSK, seed=1).history(3, NOW)
    assert first == Simulator(AGENTS[:2], MSK, seed=1).history(3, NOW)
    assert first != Simulator(AGENTS[:2], MSK, seed=2).history(3, NOW)


def test_sms_is_answered_about_twice_as_often_per_call():
    """Per call surveyed, SMS gets about twice the answers of IVR."""
    simulator = Simulator(["a"], MSK, seed=3)
    agent = simulator.agents[0]
    offered, answered = Counter(), Counter()
    for _ in range(40_000):
        ivr = simulator.rng.random() < agent.hangs_up_first  # mirror the draw in survey()
        channel = "ivr" if ivr else "sms"
        offered[channel] += 1
        rate = 0.10 if ivr else 0.20
        answered[channel] += simulator.rng.random() < rate
    ratio = (answered["sms"] / offered["sms"]) / (answered["ivr"] / offered["ivr"])
    assert 1.7 < ratio < 2.3


def test_history_is_ordered_valid_mostly_and_in_the_past(history):
    """Rows arrive in answer order, none from the future; most pass, some are late."""
    outcomes = [validate_row(row, set(AGENTS)) for row in history]
    valid = [outcome.response for outcome in outcomes if isinstance(outcome, Valid)]
    assert len(valid) > 0.95 * len(history) > 3000
    assert max(item.answered_at for item in valid) <= NOW
    late = Counter(item.late_reason for item in valid if item.late)
    assert set(late) == {"ivr_answer_late", "sms_sent_late", "sms_answer_late"}
    assert 0.01 < sum(late.values()) / len(valid) < 0.1
    channels = Counter(item.channel for item in valid)
    assert 1.3 < channels["sms"] / channels["ivr"] < 2.8


def test_bad_rows_of_every_kind_and_dismissed_ones(history):
    """6.5/8.5/11/-1, unknown agents, missing offsets, dismissed answers all occur."""
    reasons = Counter(outcome.reason for outcome in
                      (validate_row(row, set(AGENTS)) for row in history)
                      if isinstance(outcome, Rejected))
    assert {"bad_score", "unknown_agent", "naive_timestamp", "missing_field"} <= set(reasons)
    assert reasons["missing_field"] > reasons["bad_score"]  # dismissed are the common case


def test_agents_differ_in_skill(history):
    """The best agent's TNPS is well above the worst one's."""
    by_agent: dict[str, list[int]] = {}
    for row in history:
        if isinstance(row["score"], int) and 0 <= row["score"] <= 10:
            by_agent.setdefault(str(row["agent_login"]), []).append(row["score"])

    def tnps(scores):
        return 100 * (sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)) / len(scores)

    values = sorted(tnps(scores) for scores in by_agent.values())
    assert values[-1] - values[0] > 20


def test_comments_in_both_languages_by_topic(history):
    """Fifteen distinct comments per topic and language; the feed uses both languages."""
    for topic in TOPICS:
        for language in ("ru", "en"):
            lines = COMMENTS[topic][language]
            assert len(lines) == len(set(lines)) == 15
    comments = [row["comment"] for row in history if row["comment"]]
    russian = sum(any("а" <= ch <= "я" for ch in text.lower()) for text in comments)
    assert 0.6 < russian / len(comments) < 0.95


def test_live_rows_are_answered_now_and_valid():
    """--follow rows: answered at the moment, inside their windows."""
    simulator = Simulator(AGENTS, MSK, seed=9)
    rows = simulator.live(200, NOW)
    outcomes = [validate_row(row, set(AGENTS)) for row in rows]
    valid = [o.response for o in outcomes if isinstance(o, Valid)]
    assert len(valid) > 180
    assert all(item.answered_at == NOW and not item.late for item in valid)
