"""Every error a user or a client can cause gets a clear answer in their language."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError


def _messages() -> dict[int, tuple[str, str]]:
    # Built per request so each title and text is in the request's language.
    return {
        400: (_("Bad request"), _("The request could not be understood. Please try again.")),
        401: (_("Sign in first"), _("This page is for signed-in users.")),
        403: (_("No access"), _("Your role does not give access to this page.")),
        404: (_("Page not found"), _("There is no such page, or it is not yours to see.")),
        405: (_("Not allowed"), _("This address does not accept that kind of request.")),
        413: (_("Too large"), _("What you sent is too large.")),
        415: (_("Not a form"), _("This page takes a form, not another kind of data.")),
        429: (_("Too many requests"), _("Please wait a little and try again.")),
        500: (_("Something went wrong"), _("We could not finish this. Please try again later.")),
    }


def _answer(code: int, message: str | None = None):
    title, text = _messages().get(code, (str(code), ""))
    text = message or text
    if request.path.startswith("/api/"):
        return jsonify(error=title, message=text, status=code), code
    return render_template("errors/error.html", code=code, title=title, text=text), code


def init_app(app: Flask) -> None:
    """Register the handlers."""

    @app.errorhandler(CSRFError)
    def _csrf(_error: CSRFError):
        return _answer(400, _(
            "The form has expired or did not come from this site. Reload the page and try again."))

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        return _answer(error.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        # Logged with its traceback for us; the user sees a calm page without one.
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        session = g.get("lab_db_session")
        if session is not None:
            # A failed statement leaves the transaction aborted (PostgreSQL): the error
            # page itself reads the user, so roll back first or it fails as well.
            session.rollback()
        return _answer(InternalServerError.code)
