"""`lab digest`: the weekly digest as an e-mail, written out or sent."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import click
from flask import current_app
from flask.cli import with_appcontext

from lab.centre.digest import build_digest, default_recipients
from lab.centre.mailer import digest_message
from lab.centre.weeks import WeekError, parse_week, week_of
from lab.db import utcnow
from lab.system.mail import MailError, parse_smtp_url, send


@click.command("digest")
@click.option("--week", "week_text",
              help="ISO week, e.g. 2026-W48 (default: the last full week).")
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru", show_default=True)
@click.option("--send", "do_send", is_flag=True, help="Send it over LAB_SMTP_URL.")
@click.option("--to", "to",
              help="Comma-separated recipients (default LAB_DIGEST_TO, else managers).")
@click.option("--out", type=click.Path(dir_okay=False, writable=True),
              help="Write the message (.eml) here instead of standard output.")
@with_appcontext
def digest_command(week_text: str | None, lang: str, do_send: bool, to: str | None,
                   out: str | None) -> None:
    """Every comment of the week, alarming first, with TNPS by team, as an HTML e-mail."""
    tz = ZoneInfo(current_app.config["TIMEZONE"])
    try:
        week = (parse_week(week_text, tz) if week_text
                else week_of(utcnow().astimezone(tz).date(), tz).back(1, tz))
    except WeekError as exc:
        raise click.ClickException(str(exc)) from None
    session = current_app.extensions["lab.db"].sessions()
    try:
        digest = build_digest(session, week, tz, int(current_app.config["TNPS_MIN_N"]))
        listed = to or current_app.config.get("DIGEST_TO")
        recipients = ([a.strip() for a in listed.split(",") if a.strip()] if listed
                      else default_recipients(session))
        message = digest_message(digest, lang, recipients)
    finally:
        session.close()
    if out:
        with open(out, "wb") as handle:
            handle.write(message.as_bytes())
    elif not do_send:
        click.echo(message.as_string())
    if do_send:
        if not current_app.config.get("SMTP_URL"):
            raise click.ClickException("LAB_SMTP_URL is not set: nothing was sent")
        if not recipients:
            raise click.ClickException("no recipients: set LAB_DIGEST_TO or give managers an "
                                       "e-mail address")
        try:
            send(parse_smtp_url(current_app.config["SMTP_URL"]), message)
        except MailError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"digest {week.label} ({lang}, {digest.count} comments) sent to "
                   f"{len(recipients)} recipient(s)", err=bool(not out))
