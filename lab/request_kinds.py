"""Pages take form posts and the API takes JSON: anything else is refused up front.

Flask-WTF reads a JSON body as the form's data when the request says it is JSON, and a
body of `false` or `5` then fails inside WTForms (a 500). No page expects JSON.
A NUL character is never part of a name or a note, and PostgreSQL refuses to store text
holding one: a form carrying one is a 400 before any view runs. (Query arguments are
only compared in Python or refused by their own parsers, so a page still renders.)
"""

from __future__ import annotations

from flask import Flask, abort, request


def init_app(app: Flask) -> None:
    """Refuse JSON sent to a page (415) and NULs in a form (400)."""

    @app.before_request
    def _pages_take_forms():
        if request.method == "POST" and request.is_json and not request.path.startswith("/api/"):
            abort(415)
        if request.method == "POST" and not request.is_json and _has_nul(request.form):
            abort(400)


def _has_nul(values) -> bool:
    return any("\x00" in key or "\x00" in value for key, value in values.items(multi=True))
