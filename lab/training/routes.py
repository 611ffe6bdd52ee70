"""The Lab's pages."""

from flask import redirect, render_template, url_for
from flask_login import current_user

from lab.auth.access import public, signed_in
from lab.training import bp


@bp.route("/")
@public
def home():
    """Signed-in users go to the Lab, others to the login page."""
    if current_user.is_authenticated:
        return redirect(url_for("training.sector_map"))
    return redirect(url_for("auth.login"))


@bp.route("/lab")
@signed_in
def sector_map():
    """The sector map."""
    return render_template("training/map.html")
