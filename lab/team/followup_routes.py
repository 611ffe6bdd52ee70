"""Closing the loop: the team's detractor answers, worked from new to resolved."""

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lab.auth.access import leads, team_readers
from lab.followup import rules, services
from lab.followup.rules import FollowUpError
from lab.team import bp
from lab.team.common import now, sla_hours, team_or_404, timezone
from lab.team.forms import OUTCOME_LABELS, STATUS_LABELS, FollowUpForm
from lab.ui.paging import page_of
from lab.ui.params import arg_choice, arg_page
from lab.web_db import get_session

QUEUE_DAYS = (7, 30, 90, 365)
QUEUE_PAGE = 50
SHOWS = ("open", "overdue", "closed", "all")


def _keep(item: services.QueueItem, show: str) -> bool:
    if show == "open":
        return item.is_open
    if show == "overdue":
        return item.is_open and item.overdue
    if show == "closed":
        return not item.is_open
    return True


@bp.route("/team/<int:team_id>/follow-up")
@team_readers
def followups(team_id: int):
    """The follow-up queue: the most alarming first, overdue marked, SLA figures on top."""
    team = team_or_404(team_id)
    days = arg_choice("days", QUEUE_DAYS, 30)
    show = request.args.get("show", "open")
    show = show if show in SHOWS else "open"
    moment = now()
    items = services.queue(get_session(), team.id, moment - timedelta(days=days), sla_hours(),
                           moment)
    stats = rules.sla_stats((item.as_case() for item in items), moment, sla_hours())
    # 11,900 detractors made a 4 s, 8 MB page: the figures use them all, the list one page.
    shown = page_of([i for i in items if _keep(i, show)], arg_page(), QUEUE_PAGE)
    return render_template(
        "team/followups.html", team=team, items=shown.items, paging=shown,
        open_count=sum(1 for i in items if i.is_open), stats=stats, days=days, show=show,
        day_choices=QUEUE_DAYS,
        shows=SHOWS, sla=sla_hours(), statuses=STATUS_LABELS, outcomes=OUTCOME_LABELS,
        tz=timezone())


def _item_or_404(team_id: int, response_id: int) -> services.QueueItem:
    item = services.find_item(get_session(), team_id, response_id, sla_hours(), now())
    if item is None:
        abort(404)
    return item


@bp.route("/team/<int:team_id>/follow-up/<int:response_id>")
@team_readers
def followup(team_id: int, response_id: int):
    """One detractor answer: the comment, its alarm, the history and the form to move it on."""
    team = team_or_404(team_id)
    item = _item_or_404(team.id, response_id)
    form = FollowUpForm(status=item.status, formdata=None)
    return render_template("team/followup.html", team=team, item=item, form=form,
                           statuses=STATUS_LABELS, outcomes=OUTCOME_LABELS, sla=sla_hours(),
                           tz=timezone())


@bp.route("/team/<int:team_id>/follow-up/<int:response_id>", methods=["POST"])
@leads
def update_followup(team_id: int, response_id: int):
    """Change the status; closing needs an outcome and a note."""
    team = team_or_404(team_id)
    item = _item_or_404(team.id, response_id)
    form = FollowUpForm()
    error = None
    if not form.validate_on_submit():
        error = _("The form has expired or the note is too long: try again.")
    else:
        db = get_session()
        try:
            services.change(db, item.response, current_user, form.status.data,
                            form.outcome.data, form.note.data)
        except FollowUpError as refused:
            error = _explain(str(refused))
        else:
            db.commit()
            flash(_("Follow-up saved: %(status)s.", status=STATUS_LABELS[form.status.data]),
                  "info")
            return redirect(url_for("team.followup", team_id=team.id, response_id=response_id))
    return render_template("team/followup.html", team=team, item=item, form=form, error=error,
                           statuses=STATUS_LABELS, outcomes=OUTCOME_LABELS, sla=sla_hours(),
                           tz=timezone()), 400


def _explain(reason: str) -> str:
    """The rules' reason in the page's language."""
    if "note" in reason and "required" in reason:
        return _("Write a note: what did the customer say, what was done?")
    if "outcome is required" in reason:
        return _("Choose an outcome to close the follow-up.")
    if "only when closing" in reason:
        return _("An outcome is chosen only with Resolved or Could not reach.")
    return _("This change is not possible.")
