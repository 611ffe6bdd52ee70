"""E-mail for alerts: one message per closed minute group, to users who chose e-mail."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from lab.accounts.models import Team, User
from lab.alerts.kinds import ALARMING_DETRACTOR, FOLLOWUP_OVERDUE
from lab.alerts.models import Notification
from lab.alerts.record import minute_of
from lab.db import utcnow, writing
from lab.system.mail import MailError, SmtpSettings, send

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 15
_SUBJECTS = {ALARMING_DETRACTOR: "Alarming detractor", FOLLOWUP_OVERDUE: "Follow-up past its SLA"}


def _message(item: Notification, user: User, team: Team | None, mail_from: str) -> EmailMessage:
    what = _SUBJECTS.get(item.kind, "Sector assigned")
    where = f" · {team.name}" if team else ""
    message = EmailMessage()
    message["Subject"] = f"TNPS Lab: {what}{where} ({item.count})"
    message["From"] = mail_from
    message["To"] = user.email
    message.set_content(f"{what}{where}: {item.count} at {item.minute:%Y-%m-%d %H:%M} UTC.\n"
                        f"Detail: {item.detail or '-'}\n")
    return message


def send_pending(session: Session, smtp: SmtpSettings, mail_from: str,
                 now: datetime | None = None) -> int:
    """Mail every group whose minute has closed and that still owes an e-mail."""
    now = now or utcnow()
    owed = session.scalars(select(Notification).where(
        Notification.email_wanted.is_(True), Notification.emailed_at.is_(None),
        Notification.minute < minute_of(now))).all()
    sent = 0
    for item in owed:
        user = session.get(User, item.user_id)
        if user is None or not user.email or not user.active:
            item.email_wanted = False
            continue
        team = session.get(Team, item.team_id) if item.team_id else None
        send(smtp, _message(item, user, team, mail_from))
        item.emailed_at = now
        sent += 1
    return sent


def start(sessions: sessionmaker[Session], smtp: SmtpSettings, mail_from: str
          ) -> threading.Thread:
    """A daemon thread that mails owed alerts every few seconds."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(INTERVAL_SECONDS):
            try:
                with writing(), sessions() as session, session.begin():
                    send_pending(session, smtp, mail_from)
            except MailError as exc:
                log.warning("alert mail: %s", exc)
            except Exception:
                log.exception("alert mail failed")

    thread = threading.Thread(target=run, name="alert-mail", daemon=True)
    thread.stop = stop  # type: ignore[attr-defined]
    thread.start()
    return thread
