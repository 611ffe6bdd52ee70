"""The centre's view for managers and admins: every team side by side, segments, trends
and the weekly digest of customers' comments."""

from flask import Blueprint

bp = Blueprint("centre", __name__)

from lab.centre import routes  # noqa: E402,F401
