"""The digest as an e-mail: a text part and an HTML part, in the language asked for."""

from __future__ import annotations

from contextlib import nullcontext
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from zoneinfo import ZoneInfo

from flask import current_app, has_request_context, render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from lab.centre import labels
from lab.centre.digest import Digest
from lab.dashboard import present


def digest_message(digest: Digest, lang: str, recipients: list[str]) -> EmailMessage:
    """Render the digest into one message (needs an app context for the templates)."""
    tz = ZoneInfo(current_app.config["TIMEZONE"])
    # The templates' globals expect a request (the CLI has none): a bare one, signed out.
    outside = nullcontext() if has_request_context() else current_app.test_request_context("/")
    with outside, force_locale(lang):
        context = {"digest": digest, "present": present, "tz": tz, "lang": lang,
                   "labels": labels}
        text = render_template("centre/digest_mail.txt", **context)
        html = render_template("centre/digest_mail.html", **context)
        subject = _("TNPS digest, week %(week)s", week=digest.week.label)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = current_app.config.get("MAIL_FROM") or "tnps-lab@localhost"
    message["To"] = ", ".join(recipients) if recipients else "undisclosed-recipients:;"
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain="tnps-lab")
    message["Content-Language"] = lang
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message
