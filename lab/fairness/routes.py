"""The fairness page of a team, and a lead's note that they looked into a flag."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lab.accounts.access import visible_team_list
from lab.accounts.roles import Role
from lab.auth.access import allow
from lab.fairness import bp, labels, signals
from lab.fairness.forms import ReviewForm
from lab.fairness.service import add_review, recent_window, team_fairness
from lab.fairness.stats import FLAG_LEVEL
from lab.system.settings import audit
from lab.team.common import agent_or_404, lang, min_n, now, team_or_404, timezone
from lab.web_db import get_session

# Who reads the page: leads their own teams, managers and admins every team (team_or_404
# scopes it). A note that a sign was looked into is a lead's or an admin's: managers read.
FAIRNESS_READERS = (Role.LEAD, Role.MANAGER, Role.ADMIN)
readers = allow(*FAIRNESS_READERS)
reviewers = allow(Role.LEAD, Role.ADMIN)


def _today():
    return now().astimezone(timezone()).date()


@bp.route("/team/<int:team_id>/fairness")
@readers
def page(team_id: int):
    """Signs of channel steering and begging per agent, with the evidence behind each."""
    team = team_or_404(team_id)
    db = get_session()
    agents = sorted((m for m in team.members if m.role == "agent"), key=lambda a: a.login)
    data = team_fairness(db, agents, _today(), timezone(), max(min_n(), 30))
    teams = visible_team_list(db, current_user)
    return render_template("fairness/page.html", team=team, teams=teams, data=data,
                           signals=signals, labels=labels, level=FLAG_LEVEL,
                           form=ReviewForm(), lang=lang(), tz=timezone())


@bp.route("/team/<int:team_id>/fairness/agents/<int:agent_id>/reviews", methods=["POST"])
@reviewers
def review(team_id: int, agent_id: int):
    """Note that a flag was looked into; the audit log keeps who and when."""
    team = team_or_404(team_id)
    agent = agent_or_404(team, agent_id)
    form = ReviewForm()
    if not form.validate_on_submit():
        flash(_("Write what you found (up to 2000 characters)."), "error")
    else:
        db = get_session()
        recent, _before = recent_window(_today())
        add_review(db, agent, current_user, form.kind.data, form.note.data, recent.end)
        audit(db, "fairness.review", agent.login, f"kind={form.kind.data}", actor=current_user)
        db.commit()
        flash(_("Noted: %(name)s's flag is marked as looked into.", name=agent.name), "info")
    return redirect(url_for("fairness.page", team_id=team.id) + f"#agent-{agent.id}")
