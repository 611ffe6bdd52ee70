"""The load bench_load.py puts on the app: agents, leads and the survey platform at once.

Agents sign in, open the Lab and My TNPS and poll the live TNPS; leads sign in and open
the team page and its follow-up queue; the platform pushes signed survey rows. Every user
signs in again now and then, so sign-in (argon2) is part of the mix. Run by
bench/bench_load.py, which starts gunicorn and reads the figures; not a test.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from datetime import UTC, datetime, timedelta

from locust import HttpUser, between, task

from lab.surveys.push import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
PASSWORD = os.environ.get("BENCH_PASSWORD", "tnps-demo")
SECRET = os.environ["LAB_SURVEY_PUSH_SECRET"]
_agents = itertools.cycle([f"agent{n}" for n in range(1, 13)])
_leads = itertools.cycle(["lead1", "lead2"])
_rows = itertools.count(1)


class SignedIn(HttpUser):
    """A person with a browser session."""

    abstract = True
    wait_time = between(0.5, 2.0)
    login = ""

    def sign_in(self) -> None:
        self.client.cookies.clear()
        page = self.client.get("/login", name="GET /login")
        token = CSRF.search(page.text)
        with self.client.post("/login", name="POST /login", allow_redirects=False,
                              catch_response=True, data={
                                  "login": self.login, "password": PASSWORD,
                                  "csrf_token": token.group(1) if token else ""}) as answer:
            if answer.status_code != 302:
                answer.failure(f"sign-in answered {answer.status_code}")

    def get(self, path: str, name: str | None = None) -> None:
        with self.client.get(path, name=name or path, catch_response=True) as answer:
            if answer.status_code != 200 or "/login" in answer.url:
                answer.failure(f"{path} answered {answer.status_code} at {answer.url}")

    @task(1)
    def sign_in_again(self) -> None:
        self.sign_in()


class Agent(SignedIn):
    """An agent between calls."""

    weight = 6

    def on_start(self) -> None:
        self.login = next(_agents)
        self.sign_in()

    @task(3)
    def lab(self) -> None:
        self.get("/lab/welcome", "GET /lab")

    @task(3)
    def my_tnps(self) -> None:
        self.get("/me", "GET /me")

    @task(6)
    def poll(self) -> None:
        self.get("/api/v1/me/tnps", "GET /api/v1/me/tnps")


class Lead(SignedIn):
    """A team lead at their desk."""

    weight = 2

    def on_start(self) -> None:
        self.login = next(_leads)
        self.sign_in()

    @task(4)
    def team(self) -> None:
        self.get("/team", "GET /team")

    @task(2)
    def follow_up(self) -> None:
        page = self.client.get("/team", name="GET /team")
        found = re.search(r"/team/(\d+)/follow-up", page.text)
        if found:
            self.get(f"/team/{found.group(1)}/follow-up", "GET /team/<id>/follow-up")


class Platform(HttpUser):
    """The survey platform pushing answers as calls end."""

    weight = 2
    wait_time = between(0.2, 1.0)

    @task
    def push(self) -> None:
        now = datetime.now(UTC)
        rows = []
        for _ in range(random.randint(1, 20)):
            number = next(_rows)
            ended = now - timedelta(seconds=random.randint(60, 3000))
            rows.append({"response_id": f"bench-{os.getpid()}-{number}-{time.time_ns()}",
                         "call_id": f"bench-call-{number}", "agent_login": next(_agents),
                         "channel": "ivr", "call_ended_at": ended.isoformat(),
                         "answered_at": (ended + timedelta(seconds=40)).isoformat(),
                         "score": random.randint(0, 10), "comment": None})
        body = json.dumps(rows).encode()
        stamp = str(int(time.time()))
        with self.client.post("/api/v1/surveys", name="POST /api/v1/surveys", data=body,
                              catch_response=True, headers={
                                  "Content-Type": "application/json", TIMESTAMP_HEADER: stamp,
                                  SIGNATURE_HEADER: sign(SECRET, stamp, body)}) as answer:
            if answer.status_code != 200 or answer.json().get("taken") != len(rows):
                answer.failure(f"push answered {answer.status_code}: {answer.text[:200]}")
