"""The Codex pages."""

from flask import render_template

from lab.auth.access import signed_in
from lab.codex import bp


@bp.route("/codex")
@signed_in
def index():
    """The Codex's table of contents."""
    return render_template("codex/index.html")
