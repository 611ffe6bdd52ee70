"""Benchmark of TNPS reports as the centre grows: per-agent and per-team TNPS over the
last 30 days, the last 365 days, 12 calendar months and (for longer histories) the whole
span, p50 and p95 of repeated runs, at several sizes of agents x days of history.

Each size gets a fresh database whose rollups are filled directly (as synced answers
would leave them): one daily row per agent, local day and channel, about 14 answers
per agent and day, and their sums per month in tnps_monthly. So a bigger size really
holds more rollup rows (agents x days x 2), and the p95 beside each size shows what the
reports cost as they grow. Ranges longer than a month read whole months from
tnps_monthly and only the partial months at their ends from tnps_daily.

Run: python bench/bench_report.py [--sizes 500x365,5000x1095] [--runs 30] [--db URL]
       (PostgreSQL: emptied first, once per size!)
Defaults use a SQLite file per size in a temporary folder. Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_sync import prepare_app_db  # noqa: E402

from lab.db import is_sqlite, make_sessionmaker  # noqa: E402
from lab.tnps.report import report  # noqa: E402
from lab.tnps.rollup import by_month  # noqa: E402

PER_AGENT_DAY = 14  # answers per agent and day, both channels together
CHUNK = 50_000


def fill_rollup(engine, agents: int, days: int, today: date) -> int:
    """Rollup rows for every agent, day and channel of the last `days` days, and their
    months; returns the number of daily rows."""
    rng = random.Random(3)
    sqlite = is_sqlite(str(engine.url))
    mark = "?" if sqlite else "%s"
    daily = ("INSERT INTO tnps_daily (day, agent_id, channel, promoters, passives, "  # noqa: S608
             f"detractors) VALUES ({', '.join([mark] * 6)})")
    monthly = daily.replace("tnps_daily (day", "tnps_monthly (month")
    months: dict = {}
    rows = 0
    chunk: list[tuple] = []

    def flush(connection) -> None:
        connection.exec_driver_sql(daily, chunk)
        chunk.clear()

    with engine.begin() as connection:
        for offset in range(days):
            day = today - timedelta(days=offset)
            for agent in range(1, agents + 1):
                for channel in ("ivr", "sms"):
                    n = max(0, round(rng.gauss(PER_AGENT_DAY / 2, 2)))
                    promoters = round(n * rng.uniform(0.4, 0.75))
                    detractors = round((n - promoters) * rng.uniform(0.2, 0.6))
                    counts = [promoters, n - promoters - detractors, detractors]
                    chunk.append((day.isoformat() if sqlite else day, agent, channel, *counts))
                    for key, summed in by_month({(day, agent, channel): counts}).items():
                        held = months.setdefault(key, [0, 0, 0])
                        for slot in range(3):
                            held[slot] += summed[slot]
                    rows += 1
                    if len(chunk) >= CHUNK:
                        flush(connection)
        if chunk:
            flush(connection)
        connection.exec_driver_sql(monthly, [
            (month.isoformat() if sqlite else month, agent, channel, *counts)
            for (month, agent, channel), counts in months.items()])
    return rows


def timed(sessions, by: str, start: date, end: date, runs: int) -> tuple[float, float, int]:
    """Median and p95 milliseconds of `runs` reports, and the rows each returned."""
    took = []
    count = 0
    with sessions() as session:
        report(session, by, start, end)  # warm: the first read fills the page cache
    for _ in range(runs):
        with sessions() as session:
            began = time.perf_counter()
            rows = report(session, by, start, end)
            took.append((time.perf_counter() - began) * 1000)
            count = len(rows)
    took.sort()
    return statistics.median(took), took[max(0, round(0.95 * len(took)) - 1)], count


def _ranges(today: date, days: int) -> list[tuple[str, date]]:
    calendar = (today.replace(day=1) - timedelta(days=320)).replace(day=1)
    found = [("30 days", today - timedelta(days=29)), ("365 days", today - timedelta(days=364)),
             ("12 cal. months", calendar)]
    if days > 365:
        found.append((f"all {days} days", today - timedelta(days=days - 1)))
    return found


def _size(text: str) -> tuple[int, int]:
    agents, _, days = text.partition("x")
    return int(agents), int(days)


def main() -> None:
    """For each size: a fresh database, its rollups, then the reports timed."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500x365,5000x1095",
                        help="agents x days of history, comma-separated")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", help="app database URL (default: a SQLite file per size)")
    args = parser.parse_args()
    today = date.today()
    p95s: dict[tuple[str, str], list[tuple[str, float]]] = {}
    for text in args.sizes.split(","):
        agents, days = _size(text)
        folder = Path(tempfile.mkdtemp(prefix="bench-report-"))
        teams = max(1, agents // 20)
        engine = prepare_app_db(args.db or f"sqlite:///{folder / 'lab.db'}", agents, teams)
        began = time.perf_counter()
        cells = fill_rollup(engine, agents, days, today)
        print(f"{text}: {engine.url.get_backend_name()}, {agents} agents in {teams} teams, "
              f"{days} days: {cells:,} daily rows (~{cells * PER_AGENT_DAY // 2:,} answers), "
              f"filled in {time.perf_counter() - began:.1f} s")
        sessions = make_sessionmaker(engine)
        for label, start in _ranges(today, days):
            for by in ("agent", "team"):
                p50, p95, count = timed(sessions, by, start, today, args.runs)
                p95s.setdefault((label if not label.startswith("all") else "all days", by),
                                []).append((text, p95))
                print(f"  TNPS by {by:<5} over {label:<15}: {count:>5} rows, "
                      f"p50 {p50:8.1f} ms, p95 {p95:8.1f} ms ({args.runs} runs)")
        engine.dispose()
    print("p95 as the centre grows:")
    for (label, by), found in p95s.items():
        first = found[0][1]
        steps = ", ".join(f"{size} {p95:.1f} ms ({p95 / first:.1f}x)" for size, p95 in found)
        print(f"  by {by:<5} over {label:<15}: {steps}")


if __name__ == "__main__":
    main()
