"""The Codex of service: rules and example phrases."""

from flask import Blueprint

bp = Blueprint("codex", __name__)

from lab.codex import routes  # noqa: E402,F401
