"""The JSON API, version 1."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from lab.api import lab_routes, routes  # noqa: E402,F401  (register the views on bp)
