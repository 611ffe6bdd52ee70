"""Pages take form posts and the API takes JSON: anything else is refused up front.

Flask-WTF reads a JSON body as the form's data when the request says it is JSON, and a
body of `false` or `5` then fails inside WTForms (a 500). No page expects JSON.
"""

from __future__ import annotations

from flask import Flask, abort, request


def init_app(app: Flask) -> None:
    """Refuse JSON sent to a page with 415 Unsupported Media Type."""

    @app.before_request
    def _pages_take_forms():
        if request.method == "POST" and request.is_json and not request.path.startswith("/api/"):
            abort(415)
