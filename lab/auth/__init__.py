"""Signing in and out, the language switch, and the access guard."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

from lab.auth import password_routes, routes  # noqa: E402,F401  (registers the views on bp)
