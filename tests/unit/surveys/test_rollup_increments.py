"""Rollup increments: local days of the call's end, per agent and channel."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from lab.tnps.rollup import Counted, increments
from lab.tnps.tally import Tally

MSK = ZoneInfo("Europe/Moscow")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_days_follow_the_zone_not_utc():
    """20:59 UTC is 23:59 in Moscow (same day); 21:00 UTC is the next Moscow day."""
    got = increments([Counted(_at("2026-11-20T20:59:00+00:00"), 1, "ivr", 10),
                      Counted(_at("2026-11-20T21:00:00+00:00"), 1, "ivr", 0)], MSK).tallies()
    assert {str(day): tally for (day, _a, _c), tally in got.items()} == {
        "2026-11-20": Tally(promoters=1), "2026-11-21": Tally(detractors=1)}


def test_buckets_per_agent_and_channel():
    """Each (day, agent, channel) sums its own scores into the three buckets."""
    ended = _at("2026-11-20T10:00:00+03:00")
    got = increments([Counted(ended, 1, "ivr", score) for score in (0, 6, 7, 8, 9, 10)]
                     + [Counted(ended, 1, "sms", 9), Counted(ended, 2, "ivr", 7)], MSK).tallies()
    day = ended.date()
    assert got == {(day, 1, "ivr"): Tally(2, 2, 2), (day, 1, "sms"): Tally(promoters=1),
                   (day, 2, "ivr"): Tally(passives=1)}


def test_nothing_in_nothing_out():
    """No responses, no increments."""
    got = increments([], MSK)
    assert got.daily == {} and got.topics == {}


def test_topics_count_per_day_agent_and_topic():
    """A comment about two topics counts once under each; no topics, no topic rows."""
    ended = _at("2026-11-20T10:00:00+03:00")
    charges, tariffs = 1, 4  # bits of TOPICS[0] and TOPICS[2]
    got = increments([Counted(ended, 1, "ivr", 2, charges | tariffs),
                      Counted(ended, 1, "sms", 10, charges), Counted(ended, 1, "ivr", 8)], MSK)
    day = ended.date()
    assert got.topic_tallies() == {(day, 1, "charges"): Tally(promoters=1, detractors=1),
                                   (day, 1, "tariffs"): Tally(detractors=1)}
    assert got.tallies()[(day, 1, "ivr")] == Tally(passives=1, detractors=1)
