"""Flask-Login wiring: loading the user from the session, and what anonymous users get."""

from __future__ import annotations

from flask import Flask, jsonify, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import LoginManager

from lab.accounts.models import User
from lab.web_db import get_session

login_manager = LoginManager()


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    """The session stores "id.epoch": a bumped epoch (deactivation, new password) ends it."""
    try:
        raw_id, raw_epoch = user_id.split(".")
        user = get_session().get(User, int(raw_id))
        epoch = int(raw_epoch)
    except (ValueError, TypeError):
        return None
    if user is None or user.session_epoch != epoch or not user.active:
        return None
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
    login_manager.init_app(app)
