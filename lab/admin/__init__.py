"""Administration."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from lab.admin import routes, store_routes, team_routes, user_routes  # noqa: E402,F401
