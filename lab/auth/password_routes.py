"""A user's own password: the current one proves it is them; other sessions end."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from lab.accounts import services
from lab.accounts.passwords import MAX_LENGTH, MIN_LENGTH, password_check, verify_password
from lab.accounts.sessions import find_session, open_session
from lab.auth import bp
from lab.auth.access import signed_in
from lab.auth.forms import ChangePasswordForm
from lab.web_db import get_session


def _why(code: str) -> str:
    return {
        "too_short": _("A password needs at least %(n)d characters.", n=MIN_LENGTH),
        "too_long": _("A password is at most %(n)d characters.", n=MAX_LENGTH),
        "common": _("This is one of the most common passwords. Choose another."),
        "is_login": _("The password cannot be your login. Choose another."),
    }[code]


@bp.route("/account/password", methods=["GET", "POST"])
@signed_in
def change_password():
    """Change one's own password; this browser stays signed in, every other one is not."""
    form = ChangePasswordForm()
    status = 200
    if form.validate_on_submit():
        user = current_user._get_current_object()
        problem = password_check(form.new.data, user.login)
        if not verify_password(user.password_hash, form.current.data):
            form.current.errors.append(_("The current password is wrong."))
            status = 400
        elif problem:
            form.new.errors.append(_why(problem))
            status = 400
        else:
            db = get_session()
            here = find_session(db, user.session_id) if user.session_id else None
            remember = bool(here and here.remember)
            services.set_password(db, user, form.new.data, actor=user)  # ends every session
            user.session_id = open_session(db, user, remember)
            db.commit()
            login_user(user, remember=remember)
            flash(_("Your password is changed. Other devices are signed out."), "info")
            return redirect(url_for("training.sector_map"))
    elif form.is_submitted():
        status = 400
    return render_template("auth/password.html", form=form), status
