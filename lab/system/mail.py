"""Sending mail over SMTP as LAB_SMTP_URL says: smtp://[user:password@]host[:port][?starttls=1]
or smtps:// for TLS from the first byte. Plain Python: the CLI, the app and tests use it."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

TIMEOUT_SECONDS = 15
_TRUE = {"1", "true", "yes", "on"}


class MailError(RuntimeError):
    """Mail could not be configured or sent; the message says why, in one line."""


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to hand mail over."""

    host: str
    port: int
    user: str | None
    password: str | None
    starttls: bool
    tls: bool


def parse_smtp_url(url: str) -> SmtpSettings:
    """Read LAB_SMTP_URL; a wrong one is a MailError naming what is wrong (never the password)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise MailError("LAB_SMTP_URL: the port must be a number") from None
    if parts.scheme not in ("smtp", "smtps"):
        raise MailError("LAB_SMTP_URL must start with smtp:// or smtps://")
    if not parts.hostname:
        raise MailError("LAB_SMTP_URL names no host")
    query = parse_qs(parts.query)
    starttls = query.get("starttls", ["0"])[-1].lower() in _TRUE
    tls = parts.scheme == "smtps"
    return SmtpSettings(
        host=parts.hostname, port=port or (465 if tls else (587 if starttls else 25)),
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        starttls=starttls and not tls, tls=tls)


def send(settings: SmtpSettings, message: EmailMessage) -> None:
    """Hand one message to the server; refused recipients or a dead server are a MailError."""
    try:
        if settings.tls:
            client: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port,
                                                   timeout=TIMEOUT_SECONDS,
                                                   context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=TIMEOUT_SECONDS)
        with client:
            if settings.starttls:
                client.starttls(context=ssl.create_default_context())
            if settings.user:
                client.login(settings.user, settings.password or "")
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"mail to {settings.host}:{settings.port} failed: "
                        f"{type(exc).__name__}: {str(exc)[:200]}") from None
