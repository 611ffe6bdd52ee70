"""The team overview, one team's page, and what a lead changes there."""

from datetime import date

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from lab.accounts.access import can_see_team, visible_teams
from lab.accounts.models import Team, User
from lab.auth.access import leads
from lab.system.settings import audit
from lab.team import bp
from lab.team.forms import BoardForm, OpenSectorForm
from lab.training.assign import open_sector
from lab.training.state import load_progress
from lab.web_content import get_content
from lab.web_db import get_session


def _team_or_404(team_id: int) -> Team:
    team = get_session().get(Team, team_id)
    if team is None or not can_see_team(current_user, team):
        abort(404)  # another lead's team is "not found", not "forbidden": no enumeration
    return team


def _open_form() -> OpenSectorForm:
    form = OpenSectorForm()
    lang = str(get_locale() or "ru")
    form.sector_id.choices = [(s.id, f"{s.order}. {s.title.get(lang)}")
                              for s in get_content().sectors]
    return form


@bp.route("/team")
@leads
def overview():
    """The teams this user may see."""
    teams = get_session().scalars(visible_teams(current_user)).all()
    return render_template("team/overview.html", teams=teams)


@bp.route("/team/<int:team_id>")
@leads
def detail(team_id: int):
    """One team: each agent's sectors, stars and codes; open sectors; the board setting."""
    team = _team_or_404(team_id)
    db, content = get_session(), get_content()
    agents = [m for m in team.members if m.role == "agent"]
    progress = {agent.id: load_progress(db, agent, content) for agent in agents}
    return render_template(
        "team/detail.html", team=team, agents=agents, progress=progress, content=content,
        lang=str(get_locale() or "ru"), open_form=_open_form(),
        board_form=BoardForm(anonymous=team.leaderboard_anonymous), today=date.today())


@bp.route("/team/<int:team_id>/agents/<int:agent_id>/sectors", methods=["POST"])
@leads
def open_for_agent(team_id: int, agent_id: int):
    """Open a sector for one of the team's agents."""
    team = _team_or_404(team_id)
    db = get_session()
    agent = db.get(User, agent_id)
    if agent is None or agent.team_id != team.id or agent.role != "agent":
        abort(404)
    form = _open_form()
    if not form.validate_on_submit():
        flash(_("Choose a sector and a valid date."), "error")
    else:
        open_sector(db, current_user, agent, form.sector_id.data, form.due_on.data)
        db.commit()
        flash(_("Sector opened for %(name)s.", name=agent.name), "info")
    return redirect(url_for("team.detail", team_id=team.id))


@bp.route("/team/<int:team_id>/board", methods=["POST"])
@leads
def board_setting(team_id: int):
    """Hide or show names on the team's practice leaderboard."""
    team = _team_or_404(team_id)
    form = BoardForm()
    if form.validate_on_submit():
        db = get_session()
        team.leaderboard_anonymous = form.anonymous.data
        audit(db, "team.board", team.name, f"anonymous={form.anonymous.data}",
              actor=current_user)
        db.commit()
        flash(_("Saved."), "info")
    return redirect(url_for("team.detail", team_id=team.id))
