"""The Lab: the sector map and the trials."""

from flask import Blueprint

bp = Blueprint("training", __name__)

from lab.training import routes  # noqa: E402,F401
