"""Benchmark of a push's time while people sign in: on SQLite one write transaction at a
time holds the write lock, so a sign-in that held it through its password check (~100-
200 ms of argon2) made every push wait.

It builds a throwaway demo instance (migrations and `lab demo`), then, in one process
with the app's test client: times --pushes signed pushes of one answer alone, then the
same number while --signers threads sign agent1 in through the login form again and
again, and prints the median and max push time of each, and the argon2 check's own time.

Run: python bench/bench_signin.py [--pushes 40] [--signers 1]
Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "tnps-demo"  # noqa: S105 (the documented demo password)
SECRET = "bench-signin"  # noqa: S105 (a throwaway instance's push secret)
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pushes", type=int, default=40)
    parser.add_argument("--signers", type=int, default=1)
    args = parser.parse_args()
    if not 0 < args.pushes <= 500 or not 0 < args.signers <= 4:
        parser.error("keep it bounded: --pushes up to 500, --signers up to 4")
    with tempfile.TemporaryDirectory(prefix="bench-signin-") as instance:
        os.environ.update({
            "LAB_INSTANCE_PATH": instance, "LAB_SECRET_KEY": "bench-signin",
            "LAB_SYNC_IN_APP": "0", "LAB_COOKIE_SECURE": "0",
            "LAB_SURVEY_PUSH_SECRET": SECRET,
            "LAB_DATABASE_URL": f"sqlite:///{instance}/lab.db",
            "LAB_SURVEY_STORE_URL": f"sqlite:///{instance}/survey_store.db"})
        for command in (["db", "upgrade"], ["demo"]):
            subprocess.run([sys.executable, "-c", "from lab.cli import main; main()", *command],
                           cwd=ROOT, check=True, capture_output=True)
        sys.path.insert(0, str(ROOT))
        from lab import create_app
        from lab.accounts.passwords import hash_password, verify_password
        from lab.surveys.push import sign

        app = create_app()
        numbers = iter(range(10**6))

        def push(client) -> float:
            number = next(numbers)
            now = datetime.now(UTC).isoformat()
            body = json.dumps({"response_id": f"bench-signin-{number}", "call_id": f"bs-{number}",
                               "agent_login": "agent1", "channel": "ivr", "sent_at": None,
                               "call_ended_at": now, "answered_at": now, "score": 9,
                               "comment": None}).encode()
            stamp = str(int(time.time()))
            began = time.perf_counter()
            response = client.post("/api/v1/surveys", data=body, headers={
                "X-Lab-Timestamp": stamp, "X-Lab-Signature": sign(SECRET, stamp, body),
                "Content-Type": "application/json"})
            took = time.perf_counter() - began
            if response.status_code != 200:
                raise RuntimeError(f"push answered {response.status_code}")
            return took

        def pushes() -> list[float]:
            client = app.test_client()
            found = []
            for number in range(args.pushes):
                found.append(push(client))
                time.sleep(0.013 * (number % 5))  # arrive at different moments of a sign-in
            return found

        def sign_in() -> int:
            client = app.test_client()
            token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)
            return client.post("/login", data={"login": "agent1", "password": PASSWORD,
                                               "csrf_token": token}).status_code

        check = hash_password(PASSWORD)
        began = time.perf_counter()
        verify_password(check, PASSWORD)
        verify_ms = (time.perf_counter() - began) * 1000
        sign_in()
        pushes()  # warm
        alone = pushes()
        stop = threading.Event()
        signed: list[int] = []

        def keep_signing_in() -> None:
            while not stop.is_set():
                signed.append(sign_in())

        signers = [threading.Thread(target=keep_signing_in) for _ in range(args.signers)]
        for thread in signers:
            thread.start()
        try:
            during = pushes()
        finally:
            stop.set()
            for thread in signers:
                thread.join(60)
        app.extensions["lab.db"].engine.dispose()
    print(f"argon2 check: {verify_ms:.0f} ms; {len(signed)} sign-ins during the pushes "
          f"({sum(1 for s in signed if s == 302)} succeeded), {args.signers} signing thread(s)")
    for label, found in (("push alone", alone), ("push during sign-ins", during)):
        print(f"  {label:<22} median {statistics.median(found) * 1000:6.1f} ms  "
              f"max {max(found) * 1000:7.1f} ms  ({len(found)} pushes)")


if __name__ == "__main__":
    main()
