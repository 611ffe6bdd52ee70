"""The sync thread inside the app, started by the first request of each process.

Started lazily, not in create_app: every `lab` command builds the app too, and a
gunicorn master that forks its workers would lose the thread anyway. Several workers
each running one is safe: the cursor lock lets one batch through at a time.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask

from lab.surveys.settings import settings_from
from lab.surveys.store import SurveyStore
from lab.surveys.sync import follow

EXTENSION = "lab.surveys.sync"
log = logging.getLogger(__name__)
_lock = threading.Lock()


def enabled(app: Flask) -> bool:
    """Off in tests, with LAB_SYNC_IN_APP=0, or with a zero interval."""
    return (not app.config.get("TESTING") and bool(app.config.get("SYNC_IN_APP", True))
            and float(app.config.get("SYNC_INTERVAL_SECONDS") or 0) > 0)


def start(app: Flask) -> threading.Thread | None:
    """Start this process's sync thread once; return it (None when disabled)."""
    if not enabled(app):
        return None
    with _lock:
        running = app.extensions.get(EXTENSION)
        if running is not None:
            return running
        settings = settings_from(app.config)
        store = SurveyStore.from_settings(settings)
        sessions = app.extensions["lab.db"].sessions
        stop = threading.Event()
        thread = threading.Thread(target=_run, args=(sessions, store, settings, stop),
                                  name="survey-sync", daemon=True)
        thread.stop = stop  # type: ignore[attr-defined]
        app.extensions[EXTENSION] = thread
        thread.start()
        _start_alert_mail(app, sessions)
        log.info("survey sync every %.1f s from %s", settings.interval, store.identity)
        return thread


def _start_alert_mail(app: Flask, sessions) -> None:
    """Alert e-mail runs beside the sync, in the same processes, when SMTP is set."""
    if not app.config.get("SMTP_URL"):
        return
    from lab.alerts import mailing
    from lab.system.mail import MailError, parse_smtp_url

    try:
        smtp = parse_smtp_url(app.config["SMTP_URL"])
    except MailError as exc:
        log.error("alert mail is off: %s", exc)
        return
    mailing.start(sessions, smtp, app.config.get("MAIL_FROM") or "tnps-lab@localhost")


def _run(sessions, store: SurveyStore, settings, stop: threading.Event) -> None:
    try:
        follow(sessions, store, settings, stop)
    finally:
        store.dispose()


def init_app(app: Flask) -> None:
    """Check the survey settings now; start the sync thread with the first request."""
    try:
        settings_from(app.config)
    except ValueError as exc:  # a bad column mapping: say so at start-up, not per request
        raise RuntimeError(f"survey settings: {exc}") from None
    if not enabled(app):
        return

    @app.before_request
    def _start_sync() -> None:
        if EXTENSION in app.extensions:
            return
        try:
            start(app)
        except Exception:  # the page matters more than the sync: log, don't retry per request
            app.extensions[EXTENSION] = None
            log.exception("could not start the survey sync thread")
