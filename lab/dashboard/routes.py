"""The My TNPS page."""

from flask import render_template

from lab.auth.access import signed_in
from lab.dashboard import bp


@bp.route("/me")
@signed_in
def me():
    """My live TNPS."""
    return render_template("dashboard/me.html")
