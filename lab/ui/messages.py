"""A service's refusal in the language of the page."""

from __future__ import annotations

from flask_babel import gettext

from lab.system.messages import Explained


def explain(error: Exception) -> str:
    """The translated message of an Explained error (any other error: its text)."""
    if not isinstance(error, Explained):
        return str(error)
    params = {key: explain(value) if isinstance(value, Explained) else value
              for key, value in error.params.items()}
    return gettext(error.message, **params)
