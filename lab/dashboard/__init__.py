"""My TNPS: an agent's live score."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__)

from lab.dashboard import routes  # noqa: E402,F401
