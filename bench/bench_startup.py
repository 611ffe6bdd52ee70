"""Benchmark of start-up and memory: how long `lab routes` takes (the app built, nothing
served), and the resident memory of each gunicorn worker, with and without --preload.

Run: python bench/bench_startup.py [--runs 3] [--workers 2]
Serves on 127.0.0.1 only, on a free port, against a throwaway instance folder, and stops
the server it started. Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _env(instance: str) -> dict[str, str]:
    return {**os.environ, "LAB_INSTANCE_PATH": instance, "LAB_SECRET_KEY": "bench",
            "LAB_SYNC_IN_APP": "0", "LAB_DATABASE_URL": f"sqlite:///{instance}/lab.db"}


def startup_seconds(env: dict[str, str], runs: int) -> tuple[float, float]:
    """Median wall time of `lab routes`, and of a bare `python -c pass` for comparison."""
    def timed(command: list[str]) -> float:
        took = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
            took.append(time.perf_counter() - start)
        return statistics.median(took)
    return timed([str(BIN / "lab"), "routes"]), timed([sys.executable, "-c", "pass"])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB: PSS shares pages between the processes using them."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value, *_ = line.split()
        fields[name.rstrip(":")] = int(value)
    return fields["Rss"], fields["Pss"]


def _children(pid: int) -> list[int]:
    found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(child) for child in found]


def workers_memory(env: dict[str, str], workers: int, preload: bool) -> dict[str, float]:
    """Serve, load /login once per worker, then read each worker's RSS and PSS (MiB)."""
    port = _free_port()
    command = [str(BIN / "gunicorn"), "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
               "--log-level", "warning", *(["--preload"] if preload else []), "run:app"]
    server = subprocess.Popen(command, env=env, cwd=ROOT)  # noqa: S603 (our own command)
    try:
        started = time.perf_counter()
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)  # noqa: S310
                break
            except OSError:
                if time.perf_counter() - started > 60 or server.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.1)
        ready = time.perf_counter() - started
        for _ in range(workers * 4):  # each worker builds its first page
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=10).read()  # noqa: S310
        pids = _children(server.pid)
        memory = [_memory_kib(pid) for pid in pids]
        master = _memory_kib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"ready_s": ready, "workers": len(pids),
            "rss_mib": statistics.mean(rss for rss, _ in memory) / 1024,
            "pss_mib": statistics.mean(pss for _, pss in memory) / 1024,
            "total_pss_mib": (sum(pss for _, pss in memory) + master[1]) / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as instance:
        env = _env(instance)
        subprocess.run([str(BIN / "lab"), "db", "upgrade"], env=env, cwd=ROOT, check=True,
                       capture_output=True)
        routes, bare = startup_seconds(env, args.runs)
        print(f"start-up: lab routes {routes:.2f} s (python -c pass {bare:.2f} s), "
              f"median of {args.runs}")
        for preload in (False, True):
            found = workers_memory(env, args.workers, preload)
            label = "--preload" if preload else "no preload"
            print(f"gunicorn {found['workers']} workers, {label}: "
                  f"ready in {found['ready_s']:.2f} s, per worker RSS {found['rss_mib']:.0f} MiB, "
                  f"PSS {found['pss_mib']:.0f} MiB; "
                  f"all processes PSS {found['total_pss_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
