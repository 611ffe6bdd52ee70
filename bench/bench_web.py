"""Benchmark of the pages under load: requests per second, p50 and p99 of /lab, /me and
/team, and of /api/v1/health (one database round trip) in the same run, with each
page's throughput as a share of health's.

It builds a throwaway instance (migrations and `lab demo`; optionally --history more
answers for agent1), serves it with gunicorn on 127.0.0.1 (2 workers, --preload, the
production command), signs in agent1 and lead1 through the login form, then loads each
URL with --connections client threads for --seconds, in --rounds interleaved rounds,
and stops the server it started. Before that it prints each page's p50 inside the app
(the Flask test client, no HTTP): the server's own time, by the clock and by CPU. The
load's client is Python threads on the same machine: it takes CPU from the server too,
which is why the ratios to health, measured the same way in the same run, say more than
the absolute numbers.

Run: python bench/bench_web.py [--seconds 5] [--connections 4] [--rounds 2]
       [--workers 2] [--history 0]
Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"  # only ever the loopback: this bench serves and loads itself
PASSWORD = "tnps-demo"  # noqa: S105 (the documented demo password)
TARGETS = (("/api/v1/health", None), ("/lab", "agent1"), ("/me", "agent1"), ("/team", "lead1"))
WEIGHTS = (3, 1, 1, 1, 2, 3, 4, 6, 10, 25, 44)  # a score mix like the sync bench's
# The pages are asked for as a browser asks: in English, accepting gzip.
HEADERS = {"Accept-Language": "en", "Accept-Encoding": "gzip"}
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _request(port: int, method: str, path: str, cookie: str = "", body: str | None = None,
             decode: bool = False) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = dict(HEADERS)
    if cookie:
        headers["Cookie"] = cookie
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    data = response.read()
    found = {name.lower(): value for name, value in response.getheaders()
             if name.lower() != "set-cookie"}
    found["set-cookie"] = "; ".join(value.split(";", 1)[0] for name, value
                                    in response.getheaders() if name.lower() == "set-cookie")
    connection.close()
    if decode and found.get("content-encoding") == "gzip":
        data = gzip.decompress(data)
    return response.status, found, data


def sign_in(port: int, login: str) -> str:
    """The session cookie of `login`, signed in through the form as a browser would."""
    _status, headers, page = _request(port, "GET", "/login", decode=True)
    cookie = headers["set-cookie"]
    token = CSRF.search(page.decode()).group(1)  # type: ignore[union-attr]
    body = urllib.parse.urlencode({"login": login, "password": PASSWORD, "csrf_token": token})
    status, headers, _ = _request(port, "POST", "/login", cookie, body)
    if status != 302 or not headers["set-cookie"]:
        raise RuntimeError(f"could not sign in as {login} (HTTP {status})")
    return headers["set-cookie"]


def load(port: int, path: str, cookie: str, seconds: float, connections: int
         ) -> tuple[int, int, list[float]]:
    """(ok, failed, latencies in ms) of GETs by `connections` threads for `seconds`."""
    stop = time.perf_counter() + seconds
    lock = threading.Lock()
    latencies: list[float] = []
    failed = [0]

    def worker() -> None:
        mine, bad = [], 0
        while time.perf_counter() < stop:
            began = time.perf_counter()
            try:
                status, _headers, _data = _request(port, "GET", path, cookie)
            except OSError:
                status = 0
            if status == 200:
                mine.append((time.perf_counter() - began) * 1000)
            else:
                bad += 1
        with lock:
            latencies.extend(mine)
            failed[0] += bad

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), failed[0], latencies


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _prepare(env: dict[str, str], history: int) -> None:
    for command in (["db", "upgrade"], ["demo"]):
        # The checkout's own lab package (the one beside this file), as gunicorn will use.
        subprocess.run([sys.executable, "-c", "from lab.cli import main; main()", *command],
                       env=env, cwd=ROOT, check=True, capture_output=True)
    if history:
        subprocess.run([sys.executable, __file__, "--add-history", str(history)], env=env,
                       cwd=ROOT, check=True)


def add_history(count: int) -> None:
    """`count` more answers for agent1 over the last two years, through the ingest path."""
    import random
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    sys.path.insert(0, str(ROOT))
    from lab import create_app
    from lab.surveys.comments import COMMENTS
    from lab.surveys.domain import DEFAULT_WINDOWS
    from lab.surveys.ingest import IngestContext, ingest, known_agents

    app = create_app()
    rng = random.Random(7)
    texts = [text for by_lang in COMMENTS.values() for lang in by_lang.values() for text in lang]
    now = datetime.now(UTC)
    with app.app_context():
        session = app.extensions["lab.db"].sessions()
        ctx = IngestContext(known_agents(session), DEFAULT_WINDOWS,
                            ZoneInfo(app.config["TIMEZONE"]))
        for start in range(0, count, 20_000):
            rows = []
            for number in range(start, min(count, start + 20_000)):
                ended = now - timedelta(seconds=rng.uniform(600, 730 * 86400))
                rows.append({"response_id": f"bench-web-{number}", "call_id": f"bw-{number}",
                             "agent_login": "agent1", "channel": "ivr", "sent_at": None,
                             "call_ended_at": ended.isoformat(),
                             "answered_at": (ended + timedelta(seconds=90)).isoformat(),
                             "score": rng.choices(range(11), WEIGHTS)[0],
                             "comment": rng.choice(texts) if rng.random() < 0.4 else None})
            ingest(session, rows, "import", ctx)
            session.commit()
        session.close()


def instance_env(instance: str, secret: str) -> dict[str, str]:
    """The environment of a throwaway instance in `instance`: SQLite app and store, no
    sync thread, cookies over plain HTTP."""
    return {**os.environ, "LAB_INSTANCE_PATH": instance, "LAB_SECRET_KEY": secret,
            "LAB_SYNC_IN_APP": "0", "LAB_COOKIE_SECURE": "0",
            "LAB_DATABASE_URL": f"sqlite:///{instance}/lab.db",
            "LAB_SURVEY_STORE_URL": f"sqlite:///{instance}/survey_store.db"}


def signed_in_clients():  # noqa: ANN201 (Flask test clients)
    """Test clients of this instance's app, agent1 and lead1 signed in through the form."""
    sys.path.insert(0, str(ROOT))
    from lab import create_app

    app = create_app()
    clients = {}
    for login in ("agent1", "lead1"):
        client = clients[login] = app.test_client()
        token = CSRF.search(client.get("/login").get_data(as_text=True)).group(1)  # type: ignore[union-attr]
        client.post("/login", data={"login": login, "password": PASSWORD, "csrf_token": token})
    return clients


def server_times(count: int) -> None:
    """p50 of each page's time inside the app (the Flask test client: no HTTP, no
    gunicorn), by the clock and by this thread's CPU, `count` requests each."""
    clients = signed_in_clients()
    print(f"in the app (test client, {count} requests each, after 5 to warm up):")
    for path, login in TARGETS:
        client = clients[login or "agent1"]
        for _ in range(5):
            client.get(path, headers=HEADERS)
        clock, cpu = [], []
        for _ in range(count):
            began, used = time.perf_counter(), time.thread_time()
            if client.get(path, headers=HEADERS).status_code != 200:
                raise RuntimeError(f"{path} did not answer 200")
            cpu.append((time.thread_time() - used) * 1000)
            clock.append((time.perf_counter() - began) * 1000)
        who = f" ({login})" if login else ""
        print(f"  {path + who:<24} p50 {statistics.median(clock):6.1f} ms by the clock, "
              f"{statistics.median(cpu):6.1f} ms CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--history", type=int, default=0,
                        help="extra answers for agent1 (e.g. 35000), to load /me with history")
    parser.add_argument("--add-history", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--server-times", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.add_history:
        add_history(args.add_history)
        return
    if args.server_times:
        server_times(args.server_times)
        return
    if not 0 < args.seconds <= 60 or not 0 < args.connections <= 32 or not 0 < args.rounds <= 5:
        parser.error("keep it bounded: --seconds up to 60, --connections up to 32, "
                     "--rounds up to 5")
    with tempfile.TemporaryDirectory(prefix="bench-web-") as instance:
        env = instance_env(instance, "bench-web")
        began = time.perf_counter()
        _prepare(env, args.history)
        print(f"demo instance ready in {time.perf_counter() - began:.0f} s"
              + (f" (+{args.history:,} answers for agent1)" if args.history else ""))
        # Each page's own time first, without HTTP or load: what the server spends on it.
        subprocess.run([sys.executable, __file__, "--server-times", "40"], env=env, cwd=ROOT,
                       check=True)
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603 (our own command)
            [str(BIN / "gunicorn"), "--workers", str(args.workers), "--preload",
             "--bind", f"{HOST}:{port}", "--log-level", "warning", "run:app"],
            env=env, cwd=ROOT)
        try:
            deadline = time.perf_counter() + 60
            while True:
                try:
                    if _request(port, "GET", "/api/v1/health")[0] == 200:
                        break
                except OSError:
                    pass
                if time.perf_counter() > deadline or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start")
                time.sleep(0.2)
            cookies = {login: sign_in(port, login) for login in ("agent1", "lead1")}
            for path, login in TARGETS:  # warm every worker
                load(port, path, cookies.get(login or "", ""), 0.5, args.workers)
            found: dict[str, tuple[int, int, list[float], float]] = {}
            for _round in range(args.rounds):
                for path, login in TARGETS:
                    ok, bad, latencies = load(port, path, cookies.get(login or "", ""),
                                              args.seconds, args.connections)
                    held = found.get(path, (0, 0, [], 0.0))
                    found[path] = (held[0] + ok, held[1] + bad, held[2] + latencies,
                                   held[3] + args.seconds)
        finally:
            server.terminate()
            server.wait(timeout=30)
    health = found["/api/v1/health"][0] / found["/api/v1/health"][3]
    print(f"gunicorn {args.workers} workers --preload, {args.connections} client threads, "
          f"{args.rounds} x {args.seconds:g} s per URL, interleaved")
    for path, login in TARGETS:
        ok, bad, latencies, seconds = found[path]
        rate = ok / seconds
        who = f" ({login})" if login else ""
        print(f"  {path + who:<24} {rate:7.0f} req/s  p50 {statistics.median(latencies):6.1f} ms"
              f"  p99 {_percentile(latencies, 0.99):6.1f} ms  {rate / health:5.2f}x health"
              + (f"  ({bad} failed)" if bad else ""))


if __name__ == "__main__":
    main()
