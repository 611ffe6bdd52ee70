"""Administration."""

from flask import Blueprint

bp = Blueprint("admin", __name__)

from lab.admin import (  # noqa: E402,F401
    agreement_routes,
    routes,
    store_routes,
    team_routes,
    user_routes,
)
