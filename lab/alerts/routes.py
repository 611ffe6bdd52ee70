"""The bell's count (polled), the alerts page, and each user's choice of alerts."""

from __future__ import annotations

import threading
import time

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from lab.alerts import detect, inbox
from lab.alerts.forms import PreferencesForm, ReadAllForm
from lab.alerts.kinds import kinds_for
from lab.alerts.models import AlertPreference
from lab.alerts.record import wants
from lab.auth.access import signed_in
from lab.db import utcnow, writing
from lab.team.common import sla_hours
from lab.web_db import get_session

bp = Blueprint("alerts", __name__)
POLL_SECONDS = 5  # well inside the 10 s an alarming detractor may take to show
OVERDUE_CHECK_SECONDS = 30
_last_check = {"at": 0.0}
_check_lock = threading.Lock()


def _check_overdue() -> None:
    """Look for follow-ups that passed their SLA, at most every 30 s per process."""
    with _check_lock:
        if time.monotonic() - _last_check["at"] < OVERDUE_CHECK_SECONDS:
            return
        _last_check["at"] = time.monotonic()
    sessions = current_app.extensions["lab.db"].sessions
    try:
        with writing(), sessions() as session, session.begin():
            detect.overdue_follow_ups(session, utcnow(), sla_hours())
    except Exception:  # the bell matters more than this check: log it, answer the poll
        current_app.logger.exception("the overdue follow-up check failed")


def _json(item) -> dict[str, object]:
    return {"id": item.id, "kind": item.kind, "count": item.count, "team_id": item.team_id,
            "at": item.updated_at.isoformat(), "read": item.read_at is not None,
            "text": describe(item)}


def describe(item) -> str:
    """One line about a notification group, in the user's language."""
    from lab.accounts.models import Team

    team = get_session().get(Team, item.team_id) if item.team_id else None
    name = team.name if team else ""
    if item.kind == detect.ALARMING_DETRACTOR:
        return ngettext("%(team)s: %(num)d alarming detractor",
                        "%(team)s: %(num)d alarming detractors", item.count, team=name)
    if item.kind == detect.FOLLOWUP_OVERDUE:
        return ngettext("%(team)s: %(num)d follow-up past the SLA",
                        "%(team)s: %(num)d follow-ups past the SLA", item.count, team=name)
    return _("A sector was assigned to you: %(sector)s", sector=item.detail or "")


@bp.route("/api/v1/alerts")
@signed_in
def poll():
    """The bell: the unread count and the newest groups."""
    _check_overdue()
    db = get_session()
    return jsonify(unread=inbox.unread_count(current_user, db),
                   latest=[_json(item) for item in inbox.latest(db, current_user, 5)])


def _link(item) -> str | None:
    if item.kind in (detect.ALARMING_DETRACTOR, detect.FOLLOWUP_OVERDUE) and item.team_id:
        if item.count == 1 and item.ref.isdigit():
            return url_for("team.followup", team_id=item.team_id, response_id=int(item.ref))
        return url_for("team.followups", team_id=item.team_id)
    if item.kind == detect.SECTOR_ASSIGNED and current_user.role != "manager":
        return url_for("training.sector_map")
    return None


@bp.route("/alerts")
@signed_in
def page():
    """The user's alerts, newest first, and what they choose to get."""
    db = get_session()
    items = inbox.latest(db, current_user, 50)
    kinds = kinds_for(current_user.role)
    choices = {kind: wants(db, current_user, kind) for kind in kinds}
    return render_template("alerts/page.html", items=items, describe=describe, link=_link,
                           kinds=kinds, choices=choices, read_form=ReadAllForm(),
                           prefs_form=PreferencesForm(), poll_seconds=POLL_SECONDS)


@bp.route("/alerts/read", methods=["POST"])
@signed_in
def read_all():
    """Everything under the bell is read (the user's own state, so managers may too)."""
    if ReadAllForm().validate_on_submit():
        db = get_session()
        inbox.mark_all_read(db, current_user, utcnow())
        db.commit()
    return redirect(url_for("alerts.page"))


@bp.route("/alerts/preferences", methods=["POST"])
@signed_in
def preferences():
    """Save which alerts the user gets in the app and by e-mail."""
    form = PreferencesForm()
    if not form.validate_on_submit():
        flash(_("The form has expired: try again."), "error")
        return redirect(url_for("alerts.page"))
    db = get_session()
    for kind in kinds_for(current_user.role):
        choice = db.get(AlertPreference, (current_user.id, kind))
        if choice is None:
            choice = AlertPreference(user_id=current_user.id, kind=kind)
            db.add(choice)
        choice.in_app = request.form.get(f"in_app-{kind}") == "1"
        choice.email = request.form.get(f"email-{kind}") == "1"
    db.commit()
    flash(_("Your alert choices are saved."), "info")
    return redirect(url_for("alerts.page"))
