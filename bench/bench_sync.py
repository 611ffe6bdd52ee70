"""Benchmark of the survey sync: rows per second from a store of N rows into the app
database, beside the database's own speed on the same rows, and the time from a row
written in the store to that row counted.

The raw baseline inserts the very tuples the sync stores (prepared beforehand, untimed),
in the order the sync writes them (bulk.insert_order), into a copy of survey_responses
with the same columns, indexes and foreign keys, a batch per transaction: executemany on
SQLite, COPY on PostgreSQL. The sync's time includes
reading the store, validating, the rollups and the cursor; the ratio says how close it
comes to the bare insert. Each round uses a fresh app database, the order of the two
alternating; the median ratio of the rounds is the one to quote on a shared machine.

Run: python bench/bench_sync.py [--rows 1000000] [--agents 200] [--batch 20000]
       [--db URL --store URL]      (PostgreSQL: both are emptied first!)
       [--latency-samples 20] [--interval 5] [--rounds 3]
Defaults use SQLite files in a temporary folder. Prints plain numbers; not a test.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Integer, String, column, func, insert, select, table, text  # noqa: E402

from lab import migrate  # noqa: E402
from lab.db import UTCDateTime, is_sqlite, make_engine, make_sessionmaker  # noqa: E402
from lab.surveys.models import SurveyResponse  # noqa: E402
from lab.surveys.settings import SurveySettings  # noqa: E402
from lab.surveys.store import SurveyStore  # noqa: E402
from lab.surveys.sync import follow, sync_once  # noqa: E402

MSK = ZoneInfo("Europe/Moscow")
CHUNK = 50_000


def prepare_app_db(url: str, agents: int, teams: int = 10):
    """A migrated, empty app database with `agents` agents in `teams` teams."""
    if not is_sqlite(url):
        engine = make_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    migrate.upgrade(url)
    engine = make_engine(url)
    # Only the columns we fill: other areas may add columns (with their own migrations).
    team = table("teams", column("id", Integer), column("name", String),
                 column("created_at", UTCDateTime()))
    user = table("users", *(column(name) for name in (
        "login", "name", "role", "team_id", "password_hash", "active", "session_epoch")),
        column("created_at", UTCDateTime()))
    with engine.begin() as connection:
        connection.execute(insert(team), [{"name": f"Team {n}", "created_at": datetime.now(UTC)}
                                          for n in range(1, teams + 1)])
        team_ids = list(connection.scalars(select(team.c.id).order_by(team.c.id)))
        connection.execute(insert(user), [
            {"login": f"agent{n}", "name": f"Agent {n}", "role": "agent",
             "team_id": team_ids[n % teams], "password_hash": "-", "active": True,
             "session_epoch": 0, "created_at": datetime.now(UTC)}
            for n in range(1, agents + 1)])
    return engine


def rows(count: int, agents: int, days: int = 365, seed: int = 1):
    """Store rows over the last `days` days in arrival order, as a platform appends them."""
    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(days=days)
    step = days * 86400 / max(count, 1)
    for number in range(count):
        # Arrival order: the answer times rise with the id, calls ended a little before.
        answered = start + timedelta(seconds=number * step)
        sms = rng.random() < 0.6
        sent = answered - timedelta(hours=rng.uniform(0.02, 23)) if sms else None
        ended = (sent - timedelta(hours=rng.uniform(0.05, 20)) if sent
                 else answered - timedelta(seconds=rng.uniform(20, 240)))
        yield {
            "response_id": f"bench-{number}", "call_id": f"call-{number}",
            "agent_login": f"agent{rng.randint(1, agents)}", "channel": "sms" if sms else "ivr",
            "call_ended_at": ended.astimezone(MSK).isoformat(timespec="seconds"),
            "sent_at": sent.isoformat(timespec="seconds") if sent else None,
            "answered_at": answered.astimezone(MSK).isoformat(timespec="seconds"),
            "score": rng.choices(range(11), (3, 1, 1, 1, 2, 3, 4, 6, 10, 25, 44))[0],
            "comment": "Быстро и вежливо, спасибо" if rng.random() < 0.3 else None,
        }


def fill_store(store: SurveyStore, count: int, agents: int, days: int = 365) -> float:
    """Write `count` rows over `days` days into the store; return the seconds it took."""
    store.create()
    began = time.perf_counter()
    chunk = []
    for row in rows(count, agents, days):
        chunk.append(row)
        if len(chunk) == CHUNK:
            store.append(chunk)
            chunk = []
    store.append(chunk)
    return time.perf_counter() - began


RAW = "survey_responses_raw"


def _raw_table(engine) -> None:
    """An empty copy of survey_responses with the same columns, indexes and foreign keys."""
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {RAW}")
        if is_sqlite(str(engine.url)):
            found = connection.exec_driver_sql(
                "SELECT type, sql FROM sqlite_master WHERE tbl_name = 'survey_responses' "
                "AND sql IS NOT NULL ORDER BY type = 'index'").all()
            for _kind, sql in found:
                # Index names are global in SQLite: each copy gets its own.
                sql = sql.replace("survey_responses", RAW)
                connection.exec_driver_sql(sql)
        else:
            connection.exec_driver_sql(f"CREATE TABLE {RAW} (LIKE survey_responses "
                                       "INCLUDING DEFAULTS INCLUDING CONSTRAINTS "
                                       "INCLUDING INDEXES)")
            # LIKE copies no foreign keys, yet the server checks survey_responses.agent_id
            # against users for every row the sync writes: the copy pays for it too.
            keys = connection.exec_driver_sql(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = 'survey_responses'::regclass AND contype = 'f'").scalars()
            for definition in list(keys):
                connection.exec_driver_sql(f"ALTER TABLE {RAW} ADD {definition}")


def raw_insert(engine, store: SurveyStore, settings: SurveySettings, batch: int
               ) -> tuple[float, float]:
    """Seconds (wall, this process's CPU) to insert the same rows the sync stores, as
    tuples, in the order the sync writes them, with nothing else; into an empty copy,
    dropped after."""
    from lab.surveys.bulk import COLUMNS, insert_order
    from lab.surveys.fastpath import prepare
    from lab.surveys.ingest import load_context
    from lab.surveys.stamps import native_stamp, sqlite_stamp

    _raw_table(engine)
    sqlite = is_sqlite(str(engine.url))
    with make_sessionmaker(engine)() as session:
        ctx = load_context(session, settings)
    stamp = sqlite_stamp if sqlite else native_stamp
    batches, after = [], 0
    while True:  # prepared before the clock starts: the baseline is the insert alone
        raws = store.fetch_after(after, batch)
        if not raws:
            break
        after = int(raws[-1][0])
        batches.append(insert_order(prepare(raws, ctx, stamp, "sync", datetime.now(UTC)).rows,
                                    engine.dialect.name))
    names = ", ".join(COLUMNS)
    began, cpu = time.perf_counter(), time.process_time()
    for rows_ in batches:
        connection = engine.raw_connection()
        try:
            cursor = connection.cursor()
            if sqlite:
                # The app's connections autocommit at the driver: one transaction a batch.
                cursor.execute("BEGIN IMMEDIATE")
                cursor.executemany(f"INSERT INTO {RAW} ({names}) "  # noqa: S608 (constants)
                                   f"VALUES ({', '.join('?' * len(COLUMNS))})", rows_)
            else:
                with cursor.copy(f"COPY {RAW} ({names}) FROM STDIN") as copy:
                    for row in rows_:
                        copy.write_row(row)
            connection.commit()
        finally:
            connection.close()
    took, cpu = time.perf_counter() - began, time.process_time() - cpu
    with engine.begin() as connection:
        connection.exec_driver_sql(f"DROP TABLE {RAW}")
    return took, cpu


def latency(sessions, store: SurveyStore, settings: SurveySettings, samples: int) -> list[float]:
    """Seconds from a row written to the store to that row stored and counted.

    Rows arrive at random moments (exponential gaps, a mean of one sync interval), not
    in step with the sync, as a survey platform writes them."""
    stop = threading.Event()
    thread = threading.Thread(target=follow, args=(sessions, store, settings, stop), daemon=True)
    thread.start()
    rng = random.Random()
    found = []
    for number in range(samples):
        time.sleep(min(rng.expovariate(1 / settings.interval), 4 * settings.interval))
        now = datetime.now(UTC)
        store.append([{"response_id": f"latency-{number}", "call_id": "c", "agent_login":
                       "agent1", "channel": "ivr", "call_ended_at": now.isoformat(),
                       "sent_at": None, "answered_at": now.isoformat(), "score": 10,
                       "comment": None}])
        written = time.perf_counter()
        stmt = select(func.count()).where(SurveyResponse.response_id == f"latency-{number}")
        while True:
            with sessions() as session:
                if session.scalar(stmt):
                    break
            time.sleep(0.01)
        found.append(time.perf_counter() - written)
    stop.set()
    thread.join(30)
    return found


def main() -> None:
    """Fill a store, time one full sync, then sample the write-to-counted latency."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--agents", type=int, default=200)
    parser.add_argument("--days", type=int, default=0,
                        help="days the rows span (default: 365 per million rows, so a short "
                             "run keeps the answers per agent and day of a full one)")
    parser.add_argument("--batch", type=int, default=SurveySettings.batch_size)
    parser.add_argument("--db", help="app database URL (default: a SQLite file)")
    parser.add_argument("--store", help="store URL (default: a SQLite file)")
    parser.add_argument("--latency-samples", type=int, default=20)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--rounds", type=int, default=3,
                        help="raw and sync pairs, each on a fresh app database (median)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    store_url = args.store or f"sqlite:///{folder / 'store.db'}"
    settings = SurveySettings(store_url=store_url, batch_size=args.batch, interval=args.interval)
    store = SurveyStore.from_settings(settings)
    if not is_sqlite(store_url):
        with store.engine.begin() as connection:
            connection.execute(text(f"DROP TABLE IF EXISTS {settings.table}"))
    days = args.days or max(1, round(365 * args.rows / 1_000_000))
    filled = fill_store(store, args.rows, args.agents, days)
    ratios, cpu_ratios = [], []
    for number in range(1, args.rounds + 1):
        # A fresh app database each round; the order alternates, so neither side always
        # runs on a warmer cache or a quieter moment of a shared machine.
        db_url = args.db or f"sqlite:///{folder / f'lab-{number}.db'}"
        engine = prepare_app_db(db_url, args.agents)
        sessions = make_sessionmaker(engine)
        if number == 1:
            print(f"app db {engine.url.get_backend_name()}, store "
                  f"{store.engine.url.get_backend_name()}, {args.rows:,} rows, {args.agents} "
                  f"agents, batches of {args.batch}; store filled in {filled:.1f} s "
                  f"({days} days)")
        raw_first = number % 2 == 1
        if raw_first:
            raw, raw_cpu = raw_insert(engine, store, settings, args.batch)
        began, cpu = time.perf_counter(), time.process_time()
        report = sync_once(sessions, store, settings)
        took, cpu = time.perf_counter() - began, time.process_time() - cpu
        if not raw_first:
            raw, raw_cpu = raw_insert(engine, store, settings, args.batch)
        kind = "executemany" if is_sqlite(db_url) else "COPY"
        # This process's CPU (all threads) says what the sync costs when other work shares
        # the machine and the wall clock does not; a database server's CPU is not in it.
        # Speed as a share of the raw insert's: 1.0 would be the bare insert's pace.
        print(f"round {number} ({'raw first' if raw_first else 'sync first'}): {report}")
        print(f"  sync {took:.1f} s, {report.seen / took:,.0f} rows/s, {cpu:.1f} s CPU "
              f"({cpu / max(report.seen, 1) * 1e6:.1f} us/row); raw {kind} into a copy of the "
              f"table, its indexes and keys {raw:.1f} s, {report.taken / raw:,.0f} rows/s, "
              f"{raw_cpu:.1f} s CPU; sync/raw speed {raw / took:.2f}x wall, "
              f"{raw_cpu / cpu:.2f}x CPU")
        ratios.append(raw / took)
        cpu_ratios.append(raw_cpu / cpu)
        if number < args.rounds:
            engine.dispose()
    print(f"sync speed / raw speed, median of {args.rounds} round(s): "
          f"{statistics.median(ratios):.2f}x wall clock, {statistics.median(cpu_ratios):.2f}x "
          "this process's CPU (rollups, validation and the store read included)")
    began = time.perf_counter()
    again = sync_once(sessions, store, settings)
    print(f"second sync (nothing new): {time.perf_counter() - began:.3f} s, {again.seen} rows")
    if args.latency_samples:
        found = latency(sessions, store, settings, args.latency_samples)
        ordered = sorted(found)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"write-to-counted latency, interval {args.interval:g} s, {len(found)} random "
              f"arrivals: mean {statistics.mean(found):.2f} s, p95 {p95:.2f} s, "
              f"max {max(found):.2f} s")
    store.dispose()
    engine.dispose()


if __name__ == "__main__":
    main()
