"""Teams: create one, add or remove its leads."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from wtforms.fields.choices import SelectChoice

from lab.accounts import services
from lab.accounts.models import Team, User
from lab.accounts.roles import Role
from lab.accounts.services import AccountError
from lab.admin import accounts, bp
from lab.admin.forms import ActionForm, LeadForm, TeamForm
from lab.auth.access import admins
from lab.system.settings import audit
from lab.ui.messages import explain
from lab.web_db import get_session


def _teams() -> list[Team]:
    return list(get_session().scalars(select(Team).order_by(Team.name)))


def _lead_choices() -> list[SelectChoice]:
    leads = get_session().scalars(select(User).where(User.role == Role.LEAD.value,
                                                     User.active.is_(True))
                                  .order_by(User.login))
    return [SelectChoice("", "—"),
            *(SelectChoice(lead.login, f"{lead.name} ({lead.login})") for lead in leads)]


@bp.route("/admin/teams")
@admins
def teams(form: TeamForm | None = None):
    """Every team with its leads and agents; create a team, add or remove leads."""
    if form is None:
        form = TeamForm(formdata=None)
    form.lead.choices = _lead_choices()
    lead_form = LeadForm(formdata=None)
    lead_form.lead.choices = _lead_choices()
    return render_template("admin/teams.html", teams=_teams(), form=form, lead_form=lead_form,
                           action_form=ActionForm(formdata=None))


@bp.route("/admin/teams", methods=["POST"])
@admins
def create_team():
    """Create a team, optionally led by an existing lead."""
    form = TeamForm()
    form.lead.choices = _lead_choices()
    if not form.validate_on_submit():
        return teams(form), 400
    db = get_session()
    try:
        services.create_team(db, form.name.data, form.lead.data or None, actor=current_user)
    except AccountError as refused:
        db.rollback()
        form.form_errors.append(explain(refused))
        return teams(form), 400
    db.commit()
    flash(_("Team %(name)s created.", name=form.name.data.strip()), "info")
    return redirect(url_for("admin.teams"))


@bp.route("/admin/teams/<int:team_id>/leads", methods=["POST"])
@admins
def add_lead(team_id: int):
    """Make a lead lead this team too."""
    team = get_session().get(Team, team_id) or abort(404)
    form = LeadForm()
    form.lead.choices = _lead_choices()
    if form.validate_on_submit():
        db = get_session()
        try:
            services.assign_lead(db, team, form.lead.data)
        except AccountError as refused:
            db.rollback()
            flash(explain(refused), "error")
        else:
            audit(db, "team.lead", team.name, f"lead={form.lead.data}", actor=current_user)
            db.commit()
            flash(_("%(login)s now leads %(team)s.", login=form.lead.data, team=team.name),
                  "info")
    else:
        flash(_("Choose a lead."), "error")
    return redirect(url_for("admin.teams"))


@bp.route("/admin/teams/<int:team_id>/leads/<int:user_id>/remove", methods=["POST"])
@admins
def remove_lead(team_id: int, user_id: int):
    """The lead stops leading this team."""
    db = get_session()
    team = db.get(Team, team_id) or abort(404)
    lead = get_session().get(User, user_id) or abort(404)
    if ActionForm().validate_on_submit():
        accounts.remove_lead(db, team, lead, actor=current_user)
        db.commit()
        flash(_("%(login)s no longer leads %(team)s.", login=lead.login, team=team.name), "info")
    return redirect(url_for("admin.teams"))
