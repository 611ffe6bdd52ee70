"""Load benchmark: gunicorn (2 workers) on 127.0.0.1, driven by Locust for a bounded time.

Sign-in, the Lab, My TNPS and its live poll, the team page and follow-up queue, and
signed survey pushes, mixed (bench/locustfile.py). Prints requests/s, p50/p99 and errors,
and whether any worker logged "database is locked" or a server error.

Run: python bench/bench_load.py [--seconds 30] [--users 20] [--workers 2]
       [--db URL]   (default: SQLite in a temporary folder, with the demo loaded)
Needs the bench extra (pip install -e '.[bench]'). Listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import csv
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (loopback)
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the app did not answer at {url}")


def _summary(prefix: Path) -> dict[str, str]:
    with open(f"{prefix}_stats.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return {"rows": rows, "total": next(row for row in rows if row["Name"] == "Aggregated")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=30, help="how long the load runs")
    parser.add_argument("--users", type=int, default=20, help="simulated users at once")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--db", help="the app database URL (default: SQLite, temporary)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="tnps-bench-load-"))
    env = {**os.environ, "LAB_INSTANCE_PATH": str(folder), "LAB_COOKIE_SECURE": "0",
           "LAB_SECRET_KEY": secrets.token_hex(16),
           "LAB_SURVEY_PUSH_SECRET": secrets.token_hex(16)}
    if args.db:
        env["LAB_DATABASE_URL"] = args.db
    lab = str(BIN / "lab")
    subprocess.run([lab, "db", "upgrade"], env=env, check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    subprocess.run([lab, "demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)

    port = _free_port()
    log = folder / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(  # noqa: S603 (our own gunicorn, loopback only)
            [str(BIN / "gunicorn"), "--workers", str(args.workers), "--bind",
             f"127.0.0.1:{port}", "--error-logfile", "-", "--access-logfile", "-",
             "--access-logformat", '%(s)s %(m)s %(U)s %(M)sms', "run:app"],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_up(f"http://127.0.0.1:{port}/api/v1/health")
        prefix = folder / "locust"
        subprocess.run(
            [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
             "--users", str(args.users), "--spawn-rate", str(max(1, args.users // 2)),
             "--run-time", f"{args.seconds}s", "--host", f"http://127.0.0.1:{port}",
             "--csv", str(prefix), "--only-summary", "--stop-timeout", "5", "--loglevel",
             "ERROR"],
            env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, timeout=args.seconds + 120)
    finally:
        server.terminate()
        server.wait(timeout=30)

    stats = _summary(prefix)
    total = stats["total"]
    text = log.read_text(errors="replace")
    locked = text.count("database is locked")
    server_errors = sum(1 for line in text.splitlines() if line[:1] == "5" and line[:3].isdigit())
    print(f"gunicorn {args.workers} workers, {args.users} users, {args.seconds} s, "
          f"{'SQLite' if not args.db else args.db.split(':')[0]}")
    for row in stats["rows"]:
        if row["Name"] != "Aggregated":
            print(f"  {row['Name']:<28} {row['Request Count']:>6} req  "
                  f"p50 {row['50%']:>5} ms  p99 {row['99%']:>5} ms  errors {row['Failure Count']}")
    print(f"total: {float(total['Requests/s']):.1f} req/s, {total['Request Count']} requests, "
          f"p50 {total['50%']} ms, p99 {total['99%']} ms, errors {total['Failure Count']}, "
          f"5xx {server_errors}, 'database is locked' {locked}")
    print(f"(logs and CSV in {folder})")


if __name__ == "__main__":
    main()
