"""Benchmark of TNPS reports over a big rollup: per-agent and per-team TNPS for the last
30 days, the last 365 days and the last 12 calendar months, p50 and p95 of repeated runs.

The rollups are filled directly (as N synced responses would leave them): one daily row
per agent, local day and channel over 12 months, counts drawn to sum to N responses,
and their sums per month in tnps_monthly. Ranges longer than a month read whole months
from tnps_monthly and only the partial months at their ends from tnps_daily; the last
365 days is the worst case (two partial months), 12 calendar months the best.

Run: python bench/bench_report.py [--responses 1000000] [--agents 500] [--runs 50]
       [--db URL]      (PostgreSQL: emptied first!)
Defaults use a SQLite file in a temporary folder. Prints plain numbers; not a test.
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
from sqlalchemy import insert  # noqa: E402

from lab.db import make_sessionmaker  # noqa: E402
from lab.surveys.models import TnpsDaily, TnpsMonthly  # noqa: E402
from lab.tnps.report import report  # noqa: E402
from lab.tnps.rollup import by_month  # noqa: E402
from lab.tnps.tally import Tally  # noqa: E402

DAYS = 365


def fill_rollup(engine, responses: int, agents: int, today: date) -> int:
    """Rollup rows for every agent, day and channel of the last year, and their months;
    returns the number of daily rows."""
    rng = random.Random(3)
    per_cell = responses / (agents * DAYS * 2)
    rows, chunk = 0, []
    months: dict = {}
    with engine.begin() as connection:
        agent_ids = list(range(1, agents + 1))
        for offset in range(DAYS):
            day = today - timedelta(days=offset)
            for agent in agent_ids:
                for channel in ("ivr", "sms"):
                    n = max(0, round(rng.gauss(per_cell, per_cell ** 0.5)))
                    promoters = round(n * rng.uniform(0.4, 0.75))
                    detractors = round((n - promoters) * rng.uniform(0.2, 0.6))
                    chunk.append({"day": day, "agent_id": agent, "channel": channel,
                                  "promoters": promoters, "detractors": detractors,
                                  "passives": n - promoters - detractors})
            if len(chunk) >= 50_000:
                rows += _flush(connection, chunk, months)
                chunk = []
        rows += _flush(connection, chunk, months)
        # The same month sums rollup.apply keeps, inserted once at the end.
        connection.execute(insert(TnpsMonthly), [
            {"month": month, "agent_id": agent, "channel": channel, "promoters": t.promoters,
             "passives": t.passives, "detractors": t.detractors}
            for (month, agent, channel), t in months.items()])
    return rows


def _flush(connection, chunk: list[dict], months: dict) -> int:
    connection.execute(insert(TnpsDaily), chunk)
    for key, counts in by_month({(r["day"], r["agent_id"], r["channel"]): [
            r["promoters"], r["passives"], r["detractors"]] for r in chunk}).items():
        months[key] = months.get(key, Tally()) + Tally(*counts)
    return len(chunk)


def timed(sessions, by: str, start: date, end: date, runs: int) -> tuple[float, float, int]:
    """Median and p95 milliseconds of `runs` reports, and the rows each returned."""
    took = []
    count = 0
    for _ in range(runs):
        with sessions() as session:
            began = time.perf_counter()
            rows = report(session, by, start, end)
            took.append((time.perf_counter() - began) * 1000)
            count = len(rows)
    took.sort()
    return statistics.median(took), took[max(0, int(len(took) * 0.95) - 1)], count


def main() -> None:
    """Fill the rollups, then time the six reports."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--responses", type=int, default=1_000_000)
    parser.add_argument("--agents", type=int, default=500)
    parser.add_argument("--teams", type=int, default=25)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--db", help="app database URL (default: a SQLite file)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-report-"))
    engine = prepare_app_db(args.db or f"sqlite:///{folder / 'lab.db'}", args.agents, args.teams)
    today = date.today()
    began = time.perf_counter()
    cells = fill_rollup(engine, args.responses, args.agents, today)
    print(f"app db {engine.url.get_backend_name()}: rollup of {cells:,} rows "
          f"(~{args.responses:,} responses, {args.agents} agents, {args.teams} teams, "
          f"{DAYS} days) filled in {time.perf_counter() - began:.1f} s")
    sessions = make_sessionmaker(engine)
    calendar = (today.replace(day=1) - timedelta(days=320)).replace(day=1)
    ranges = (("30 days", today - timedelta(days=29)), ("365 days", today - timedelta(days=364)),
              ("12 cal. months", calendar))
    for label, start in ranges:
        for by in ("agent", "team"):
            p50, p95, count = timed(sessions, by, start, today, args.runs)
            print(f"TNPS by {by:<5} over {label:<14}: {count:>4} rows, "
                  f"p50 {p50:7.1f} ms, p95 {p95:7.1f} ms ({args.runs} runs)")
    engine.dispose()


if __name__ == "__main__":
    main()
