"""The demo's survey feed: 90 days of history in the bundled store, then synced.

Called from `lab demo` as
    demo_feed(current_app.config, current_app.extensions["lab.db"].sessions)
after the demo agents exist. Safe to repeat: an empty store is filled once, and a
sync of a synced store takes nothing twice. `lab run` in demo mode calls keep_live, so
new answers keep arriving (and the app's sync thread counts them) while the demo runs.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from lab.surveys.report import SyncReport
from lab.surveys.settings import settings_from
from lab.surveys.simulate import Simulator
from lab.surveys.store import SurveyStore
from lab.surveys.sync import sync_once

log = logging.getLogger(__name__)
DEMO_AGENTS = tuple(f"agent{number}" for number in range(1, 13))
DEMO_DAYS = 90
DEMO_SEED = 20261122
# One gamed agent per demo team, so the fairness page has something to show: agent3
# (North) steers customers between channels, agent4 (South) asks for 10s.
DEMO_STEERING = ("agent3",)
DEMO_BEGGING = ("agent4",)
# Customers the demo's answers come from: about one answer in twenty is a customer's
# second within six months, which the one-voice rule leaves out.
DEMO_CUSTOMERS = 50_000


def demo_simulator(tz, seed: int | None = DEMO_SEED) -> Simulator:
    """The demo's feed: its agents, the two gamed ones, customers with keys."""
    return Simulator(DEMO_AGENTS, tz, seed=seed, steering=DEMO_STEERING,
                     begging=DEMO_BEGGING, customers=DEMO_CUSTOMERS)


@dataclass(frozen=True)
class DemoFeed:
    """Rows written into the store now (0 when it already had some) and the sync's report."""

    written: int
    report: SyncReport


def demo_feed(config: Mapping[str, object], sessions: sessionmaker[Session],
              days: int = DEMO_DAYS) -> DemoFeed:
    """Fill an empty store with the demo agents' history, then sync it into the app."""
    settings = settings_from(config)
    store = SurveyStore.from_settings(settings)
    try:
        store.create()
        written = 0
        if store.count() == 0:
            simulator = demo_simulator(settings.tz)
            rows = simulator.history(days, datetime.now(UTC))
            rows += fresh_alarms(datetime.now(UTC))
            for start in range(0, len(rows), 5000):
                store.append(rows[start:start + 5000])
            written = len(rows)
        report = sync_once(sessions, store, settings)
    finally:
        store.dispose()
    return DemoFeed(written, report)


# Two angry customers of the last half hour, one per demo team, so the leads' bells and
# the follow-up queue have something to show the moment the demo opens.
_FRESH_ALARMS = (
    ("agent1", 1, "Третий раз звоню из-за списания. Пишу жалобу в Роспотребнадзор."),
    ("agent2", 0, "Nobody fixed my connection again. I'm leaving for a competitor."),
)


def fresh_alarms(now: datetime) -> list[dict[str, object]]:
    """Store rows of the demo's two fresh alarming detractors (IVR, answered just now)."""
    rows = []
    for number, (login, score, comment) in enumerate(_FRESH_ALARMS, start=1):
        ended = now - timedelta(minutes=20 + 5 * number)
        rows.append({
            "response_id": f"demo-alarm-{number}-{int(now.timestamp())}",
            "call_id": f"demo-alarm-call-{number}-{int(now.timestamp())}",
            "agent_login": login, "channel": "ivr",
            "call_ended_at": ended.isoformat(timespec="seconds"), "sent_at": None,
            "answered_at": (ended + timedelta(minutes=1)).isoformat(timespec="seconds"),
            "score": score, "comment": comment})
    return rows


def keep_live(config: Mapping[str, object], every_seconds: float = 20.0) -> threading.Thread:
    """Write one new answer into the bundled store every so often, while the demo runs."""
    settings = settings_from(config)

    def run() -> None:
        simulator = demo_simulator(settings.tz, seed=None)
        store = SurveyStore.from_settings(settings)
        try:
            while True:
                time.sleep(every_seconds)
                store.append(simulator.live(1, datetime.now(UTC)))
        except Exception:  # a demo nicety must never take the app down with it
            log.exception("the demo's live survey feed stopped")
        finally:
            store.dispose()

    thread = threading.Thread(target=run, name="demo-live-feed", daemon=True)
    thread.start()
    return thread
