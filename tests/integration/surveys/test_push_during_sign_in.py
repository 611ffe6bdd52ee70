"""A sign-in's password check holds no lock: pushes go on while people sign in.

On SQLite one write transaction at a time holds the database's write lock. A sign-in
used to take it before the ~100-200 ms argon2 check, so a push that arrived meanwhile
waited for the check to end. The throttle must still count attempts made in parallel.
"""

from __future__ import annotations

import statistics
import threading
import time
from datetime import timedelta

import pytest

from lab.accounts.passwords import hash_password, verify_password
from lab.auth.service import Limits, attempt_login
from lab.db import utcnow
from tests.factories import PASSWORD
from tests.integration.surveys.rows import signed_post, store_row
from tests.web import csrf_from

PUSHES = 12


def _sign_in(app) -> int:
    client = app.test_client()  # a fresh browser: a signed-in one would be redirected
    token = csrf_from(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"login": "agent_a", "password": PASSWORD,
                                       "csrf_token": token}).status_code


def _push_times(app, prefix: str) -> list[float]:
    client = app.test_client()
    times = []
    for number in range(PUSHES):
        began = time.perf_counter()
        response = signed_post(client, store_row(response_id=f"{prefix}-{number}"))
        times.append(time.perf_counter() - began)
        assert response.status_code == 200 and response.get_json()["taken"] == 1
        time.sleep(0.013 * (number % 5))  # arrive at different moments of a sign-in
    return times


def test_a_push_does_not_wait_for_a_sign_in(app, world):
    check = hash_password(PASSWORD)
    began = time.perf_counter()
    verify_password(check, PASSWORD)
    verify_seconds = time.perf_counter() - began
    assert _sign_in(app) == 302
    _push_times(app, "warm")
    alone = statistics.median(_push_times(app, "alone"))

    stop = threading.Event()
    statuses: list[int] = []

    def keep_signing_in() -> None:
        while not stop.is_set():
            statuses.append(_sign_in(app))

    signer = threading.Thread(target=keep_signing_in)
    signer.start()
    try:
        time.sleep(verify_seconds / 2)
        during = statistics.median(_push_times(app, "during"))
    finally:
        stop.set()
        signer.join(30)
    assert statuses and set(statuses) == {302}
    # Waiting behind the check would add about half of it to a push arriving at a random
    # moment; sharing the CPU with it adds far less.
    assert during < alone + verify_seconds / 4, (alone, during, verify_seconds)


def test_guesses_sent_at_once_are_throttled_like_guesses_in_a_row(app, world):
    """Eight wrong passwords in parallel from one address: three get an answer (the free
    tries), the others are told to wait, as when they come one after another."""
    sessions = app.extensions["lab.db"].sessions
    limits = Limits(window=timedelta(minutes=15), per_address=20)
    now = utcnow()
    outcomes: list[str | None] = []
    start = threading.Barrier(8)

    def guess() -> None:
        with sessions() as session:
            start.wait()
            outcome = attempt_login(session, "agent_a", "wrong-password", "203.0.113.5",
                                    limits, now=now)
            session.commit()
            outcomes.append(outcome.error)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes, key=str) == ["invalid"] * 3 + ["throttled"] * 5
    with sessions() as session:
        after = attempt_login(session, "agent_a", PASSWORD, "203.0.113.5", limits, now=now)
        assert after.error == "throttled" and after.retry_after == 2


@pytest.mark.parametrize("password, status", [(PASSWORD, 302), ("wrong-password", 401)])
def test_sign_in_still_answers_through_the_form(app, world, password, status):
    client = app.test_client()
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"login": "agent_a", "password": password,
                                           "csrf_token": token})
    assert response.status_code == status
