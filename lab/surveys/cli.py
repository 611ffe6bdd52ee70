"""`lab surveys ...`: sync, follow, import, simulate, and the quarantine's state."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from lab.surveys.importer import ImportFailed, import_csv
from lab.surveys.ingest import known_agents
from lab.surveys.quarantine import open_counts
from lab.surveys.report import SyncReport
from lab.surveys.settings import SurveySettings, settings_from
from lab.surveys.simulate import Simulator
from lab.surveys.state import sync_status
from lab.surveys.store import SurveyStore
from lab.surveys.sync import SyncFailed, follow, sync_once


def _sessions():
    return current_app.extensions["lab.db"].sessions


def _settings(interval: float | None = None) -> SurveySettings:
    settings = settings_from(current_app.config)
    return settings if interval is None else replace(settings, interval=interval)


def _echo(report: SyncReport) -> None:
    click.echo(f"{datetime.now().strftime('%H:%M:%S')} {report}")


@click.group("surveys")
def surveys_group() -> None:
    """The survey feed: the store, the sync and the quarantine."""


@surveys_group.command("sync")
@click.option("--follow", "keep", is_flag=True, help="Keep syncing until interrupted.")
@click.option("--interval", type=float, help="Seconds between syncs with --follow "
              "(default SYNC_INTERVAL_SECONDS).")
@with_appcontext
def sync_command(keep: bool, interval: float | None) -> None:
    """Pull new rows from the survey store into the app."""
    settings = _settings(interval)
    store = SurveyStore.from_settings(settings)
    try:
        if keep:
            click.echo(f"following {store.identity} every {settings.interval:g} s; "
                       "Ctrl-C to stop")
            stop = threading.Event()
            try:
                follow(_sessions(), store, settings, stop, on_report=_echo)
            except KeyboardInterrupt:
                stop.set()
            return
        try:
            report = sync_once(_sessions(), store, settings)
        except SyncFailed as exc:
            if exc.report.batches:
                click.echo(f"before the error: {exc.report}")
            raise click.ClickException(f"sync failed: {exc}") from None
        click.echo(str(report))
    finally:
        store.dispose()


@surveys_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@with_appcontext
def import_command(path: Path) -> None:
    """Import a CSV file with the store's columns (a header row first)."""
    try:
        report = import_csv(_sessions(), _settings(), path)
    except ImportFailed as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(str(report))


@surveys_group.command("status")
@with_appcontext
def status_command() -> None:
    """The sync's cursor, lag, last error and the open quarantine."""
    with _sessions()() as session:
        status = sync_status(session)
        held = open_counts(session)
    if status is None:
        click.echo("never synced")
    else:
        click.echo(f"store {status.store}: cursor {status.cursor}, lag {_live_lag(status)}")
        click.echo(f"last run {status.last_run_at}, last success {status.last_success_at}")
        if status.last_error:
            click.echo(f"last error ({status.last_error_at}): {status.last_error}")
        click.echo(f"taken {status.taken} (late {status.late}), duplicate {status.duplicate}, "
                   f"quarantined {status.quarantined}")
    click.echo("open quarantine: " + (", ".join(f"{k} {v}" for k, v in sorted(held.items()))
                                      or "none"))


def _live_lag(status) -> str:
    """Rows past the cursor counted in the store now; the last recorded lag if it is down."""
    store = SurveyStore.from_settings(_settings())
    try:
        return str(store.count_after(status.cursor))
    except Exception:  # the store is down or moved: say so rather than fail the status
        return f"{status.lag} (at the last run; the store cannot be read now)"
    finally:
        store.dispose()


@surveys_group.command("simulate")
@click.option("--days", type=click.IntRange(min=0), default=7, show_default=True,
              help="Days of history to write first (0: none).")
@click.option("--agents", help="Agent logins, comma-separated (default: the app's agents).")
@click.option("--follow", "keep", is_flag=True, help="Then keep writing rows as they happen.")
@click.option("--rate", type=click.FloatRange(min=0.01), default=2.0, show_default=True,
              help="Rows per second with --follow, on average.")
@click.option("--seed", type=int, help="Seed for a reproducible feed.")
@click.option("--steering-agent", "steering", multiple=True, metavar="LOGIN",
              help="Make this agent steer customers between channels (IVR when pleased, "
                   "SMS when not); repeat for more.")
@click.option("--begging-agent", "begging", multiple=True, metavar="LOGIN",
              help="Make this agent ask customers for a 10; repeat for more.")
@click.option("--customers", type=click.IntRange(min=1),
              help="Give each answer a customer_key from a pool of this many customers.")
@with_appcontext
def simulate_command(days: int, agents: str | None, keep: bool, rate: float,
                     seed: int | None, steering: tuple[str, ...], begging: tuple[str, ...],
                     customers: int | None) -> None:
    """Write a realistic survey feed into the store (not the app database)."""
    settings = _settings()
    if agents:
        logins = [login.strip() for login in agents.split(",") if login.strip()]
    else:
        with _sessions()() as session:
            logins = sorted(known_agents(session)) or [f"agent{n}" for n in range(1, 13)]
    unknown = sorted(set(steering + begging) - set(logins))
    if unknown:
        raise click.UsageError(f"not among the simulated agents: {', '.join(unknown)}")
    both = sorted(set(steering) & set(begging))
    if both:
        raise click.UsageError(f"an agent is either steering or begging, not both: "
                               f"{', '.join(both)}")
    simulator = Simulator(logins, settings.tz, seed, steering=steering, begging=begging,
                          customers=customers)
    store = SurveyStore.from_settings(settings)
    try:
        store.create()
        if days:
            rows = simulator.history(days, datetime.now(UTC))
            for start in range(0, len(rows), 5000):
                store.append(rows[start:start + 5000])
            click.echo(f"wrote {len(rows)} rows ({days} days, {len(logins)} agents) "
                       f"into {store.identity}")
        if keep:
            click.echo(f"writing about {rate:g} rows a second; Ctrl-C to stop")
            _live(simulator, store, rate)
    finally:
        store.dispose()


def _arrivals(simulator: Simulator, rate: float, span: float) -> int:
    """How many answers arrive in span seconds (Poisson: exponential gaps)."""
    count, clock = 0, simulator.rng.expovariate(rate)
    while clock < span:
        count, clock = count + 1, clock + simulator.rng.expovariate(rate)
    return count


def _live(simulator: Simulator, store: SurveyStore, rate: float) -> None:
    written = 0
    tick = min(1.0, max(0.1, 1 / rate))
    try:
        while True:
            time.sleep(tick)
            rows = simulator.live(_arrivals(simulator, rate, tick), datetime.now(UTC))
            store.append(rows)
            written += len(rows)
    except KeyboardInterrupt:
        click.echo(f"\nwrote {written} live rows")
