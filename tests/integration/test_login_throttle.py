"""Failed logins slow down one (account, address) pair; strangers cannot lock anyone out."""

from __future__ import annotations

from datetime import timedelta

from lab.auth.service import Limits, attempt_login
from lab.auth.throttle import growing_delay
from lab.db import utcnow
from tests.factories import PASSWORD

LIMITS = Limits(window=timedelta(minutes=15), per_address=20)


def test_a_stranger_cannot_lock_a_colleague_out(world, db):
    """Fifty wrong passwords from other addresses leave agent_a's own sign-in alone."""
    now = utcnow()
    for number in range(50):
        outcome = attempt_login(db, "agent_a", "wrong-password", f"198.51.100.{number % 5}",
                                LIMITS, now=now)
        if outcome.error != "throttled":
            assert outcome.error == "invalid"
    db.commit()
    assert attempt_login(db, "agent_a", PASSWORD, "192.0.2.7", LIMITS, now=now).user


def test_delays_grow_for_the_pair(world, db):
    now = utcnow()
    waits = []
    for _ in range(8):
        outcome = attempt_login(db, "agent_a", "wrong-password", "203.0.113.5", LIMITS, now=now)
        while outcome.error == "throttled":
            waits.append(outcome.retry_after)
            now += timedelta(seconds=outcome.retry_after)
            outcome = attempt_login(db, "agent_a", "wrong-password", "203.0.113.5", LIMITS,
                                    now=now)
    assert waits == [2, 4, 8, 16, 32]
    throttled = attempt_login(db, "agent_a", PASSWORD, "203.0.113.5", LIMITS, now=now)
    assert throttled.error == "throttled" and throttled.retry_after == 64
    later = now + timedelta(seconds=64)
    assert attempt_login(db, "agent_a", PASSWORD, "203.0.113.5", LIMITS, now=later).user


def test_a_success_starts_the_count_again(world, db):
    now = utcnow()
    for _ in range(3):
        attempt_login(db, "agent_a", "wrong-password", "203.0.113.5", LIMITS, now=now)
    now += timedelta(seconds=2)
    assert attempt_login(db, "agent_a", PASSWORD, "203.0.113.5", LIMITS, now=now).user
    assert attempt_login(db, "agent_a", "wrong-password", "203.0.113.5", LIMITS,
                         now=now).error == "invalid"


def test_spraying_from_one_address_is_still_stopped(world, db):
    now = utcnow()
    for number in range(20):
        attempt_login(db, f"guess{number}", "wrong-password", "203.0.113.9", LIMITS, now=now)
    assert attempt_login(db, "agent_a", PASSWORD, "203.0.113.9", LIMITS,
                         now=now).error == "throttled"


def test_growing_delay_is_capped():
    now = utcnow()
    fails = [now] * 40
    assert growing_delay(fails, now, 3, timedelta(seconds=2), timedelta(minutes=15)) == 900
    assert growing_delay(fails[:2], now, 3, timedelta(seconds=2), timedelta(minutes=15)) is None


def test_the_page_says_how_many_seconds(world, auth):
    for _ in range(3):
        auth.login("agent_a", "wrong-password")
    response = auth.login("agent_a", PASSWORD)
    assert response.status_code == 429
    assert "Try again in 2 s" in response.get_data(as_text=True)
