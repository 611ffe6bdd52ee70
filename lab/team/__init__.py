"""Team leads' pages."""

from flask import Blueprint

bp = Blueprint("team", __name__)

from lab.team import agent_routes, coaching_routes, followup_routes, routes  # noqa: E402,F401
