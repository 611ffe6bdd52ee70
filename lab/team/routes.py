"""The team overview and one team's page."""

from flask import abort, render_template
from flask_login import current_user

from lab.accounts.access import can_see_team, visible_teams
from lab.accounts.models import Team
from lab.auth.access import leads
from lab.team import bp
from lab.web_db import get_session


@bp.route("/team")
@leads
def overview():
    """The teams this user may see."""
    teams = get_session().scalars(visible_teams(current_user)).all()
    return render_template("team/overview.html", teams=teams)


@bp.route("/team/<int:team_id>")
@leads
def detail(team_id: int):
    """One team: its agents. Another lead's team answers 404, as if it did not exist."""
    team = get_session().get(Team, team_id)
    if team is None or not can_see_team(current_user, team):
        abort(404)
    return render_template("team/detail.html", team=team)
