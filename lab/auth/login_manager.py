"""Flask-Login wiring: loading the user from the session, and what anonymous users get."""

from __future__ import annotations

from flask import Flask, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import LoginManager

from lab.accounts.models import User
from lab.accounts.sessions import REMEMBER_LIFETIME, SessionId, signed_in_user
from lab.web_db import get_session

login_manager = LoginManager()


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The cookie holds "id.epoch.token": the session's row must still exist (sign-out and
    an admin delete it) and the epoch still match (a new password, a deactivation)."""
    sid = SessionId.parse(user_id) if isinstance(user_id, str) else None
    if sid is None:
        return None
    user = signed_in_user(get_session(), sid)
    if user is None:
        return None
    user.session_id = sid
    return user


@login_manager.unauthorized_handler
def unauthorized():
    """Pages send anonymous users to the login page; JSON endpoints answer 401."""
    if request.path.startswith("/api/"):
        return jsonify(error="unauthorized", message=_("Sign in first.")), 401
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def init_app(app: Flask) -> None:
    """Attach the login manager."""
    login_manager.session_protection = "basic"
    app.config.setdefault("REMEMBER_COOKIE_DURATION", REMEMBER_LIFETIME)
    login_manager.init_app(app)
