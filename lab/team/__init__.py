"""Team leads' pages."""

from flask import Blueprint

bp = Blueprint("team", __name__)

from lab.team import routes  # noqa: E402,F401
