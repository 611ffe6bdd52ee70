"""Users and teams: create, change role and team, reset a password, (de)activate, leads."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from lab.accounts import services
from lab.accounts.models import Team, User
from lab.accounts.services import AccountError
from lab.accounts.sessions import open_count
from lab.admin import accounts, bp
from lab.admin.forms import (
    ActionForm,
    CreateUserForm,
    EmailForm,
    PasswordForm,
    RoleForm,
    team_choices,
)
from lab.auth.access import admins
from lab.system.settings import audit
from lab.ui.messages import explain
from lab.ui.params import parse_db_id
from lab.web_db import get_session


def _teams() -> list[Team]:
    return list(get_session().scalars(select(Team).order_by(Team.name)))


def _team_from(value: str | None) -> Team | None:
    team_id = parse_db_id(value)
    return get_session().get(Team, team_id) if team_id else None


def _user_or_404(user_id: int) -> User:
    user = get_session().get(User, user_id)
    if user is None:
        abort(404)
    return user


def _create_form() -> CreateUserForm:
    form = CreateUserForm()
    form.team_id.choices = team_choices(_teams())
    return form


@bp.route("/admin/users")
@admins
def users(form: CreateUserForm | None = None):
    """Every user, and the form to create one."""
    found = get_session().scalars(
        select(User).order_by(User.role, func.length(User.login), User.login)).all()
    return render_template("admin/users.html", users=found, form=form or _create_form())


@bp.route("/admin/users", methods=["POST"])
@admins
def create_user():
    """Create a user; the form comes back with the reason when it cannot be done."""
    form = _create_form()
    if not form.validate_on_submit():
        return users(form), 400
    db = get_session()
    team = _team_from(form.team_id.data)
    try:
        user = services.create_user(db, form.login.data, form.role.data, form.password.data,
                                    name=form.name.data or None,
                                    team_name=team.name if team else None, actor=current_user)
    except AccountError as refused:
        db.rollback()
        form.form_errors.append(explain(refused))
        return users(form), 400
    db.commit()
    flash(_("User %(login)s created.", login=user.login), "info")
    return redirect(url_for("admin.users"))


@bp.route("/admin/users/<int:user_id>")
@admins
def user(user_id: int, role_form: RoleForm | None = None,
         password_form: PasswordForm | None = None, error: str | None = None,
         email_form: EmailForm | None = None):
    """One user: role and team, password reset, activation."""
    found = _user_or_404(user_id)
    if role_form is None:
        role_form = RoleForm(formdata=None, role=found.role,
                             team_id=str(found.team_id or (found.led_teams[0].id
                                                           if found.led_teams else "")))
    role_form.team_id.choices = team_choices(_teams())
    return render_template("admin/user.html", user=found, role_form=role_form,
                           password_form=password_form or PasswordForm(formdata=None),
                           action_form=ActionForm(formdata=None), error=error,
                           email_form=email_form or EmailForm(formdata=None, email=found.email),
                           open_sessions=open_count(get_session(), found))


@bp.route("/admin/users/<int:user_id>/role", methods=["POST"])
@admins
def change_role(user_id: int):
    """Change role and team together."""
    found = _user_or_404(user_id)
    form = RoleForm()
    form.team_id.choices = team_choices(_teams())
    if not form.validate_on_submit():
        return user(user_id, role_form=form, error=_("The form has expired: try again.")), 400
    db = get_session()
    try:
        accounts.change_role(db, found, form.role.data, _team_from(form.team_id.data),
                             actor=current_user)
    except AccountError as refused:
        db.rollback()
        return user(user_id, role_form=form, error=explain(refused)), 400
    db.commit()
    flash(_("Role and team saved."), "info")
    return redirect(url_for("admin.user", user_id=found.id))


@bp.route("/admin/users/<int:user_id>/email", methods=["POST"])
@admins
def set_email(user_id: int):
    """Set or clear where the user's alerts and the digest are mailed."""
    found = _user_or_404(user_id)
    form = EmailForm()
    if not form.validate_on_submit():
        return user(user_id, email_form=form, error=_("Type an e-mail address.")), 400
    db = get_session()
    found.email = (form.email.data or "").strip() or None
    audit(db, "user.email", found.login, actor=current_user)
    db.commit()
    flash(_("E-mail saved."), "info")
    return redirect(url_for("admin.user", user_id=found.id))


@bp.route("/admin/users/<int:user_id>/password", methods=["POST"])
@admins
def reset_password(user_id: int):
    """Set a new password; the user's sessions end."""
    found = _user_or_404(user_id)
    form = PasswordForm()
    if not form.validate_on_submit():
        return user(user_id, password_form=form, error=_("Type the new password.")), 400
    db = get_session()
    try:
        services.set_password(db, found, form.password.data, actor=current_user)
    except AccountError as refused:
        db.rollback()
        return user(user_id, password_form=form, error=explain(refused)), 400
    db.commit()
    flash(_("Password reset for %(login)s.", login=found.login), "info")
    return redirect(url_for("admin.user", user_id=found.id))


@bp.route("/admin/users/<int:user_id>/active", methods=["POST"])
@admins
def toggle_active(user_id: int):
    """Deactivate an active user (their sessions end) or reactivate one."""
    found = _user_or_404(user_id)
    if ActionForm().validate_on_submit():
        if found.id == current_user.id:
            flash(_("You cannot deactivate yourself."), "error")
        else:
            db = get_session()
            services.set_active(db, found, not found.active, actor=current_user)
            db.commit()
            flash(_("%(login)s is active again.", login=found.login) if found.active
                  else _("%(login)s is deactivated.", login=found.login), "info")
    return redirect(url_for("admin.user", user_id=found.id))


@bp.route("/admin/users/<int:user_id>/sessions", methods=["POST"])
@admins
def end_sessions(user_id: int):
    """Sign the user out on every device (a lost laptop, a shared password)."""
    found = _user_or_404(user_id)
    if ActionForm().validate_on_submit():
        db = get_session()
        services.end_sessions(db, found, actor=current_user)
        db.commit()
        flash(_("Every session of %(login)s has ended.", login=found.login), "info")
    return redirect(url_for("admin.user", user_id=found.id))
