"""Login, logout and the language switch."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from flask_wtf.csrf import generate_csrf

from lab.accounts.demo import DEMO_PASSWORD, demo_logins
from lab.accounts.roles import Role
from lab.accounts.sessions import end_session, open_session
from lab.auth import bp
from lab.auth.access import public
from lab.auth.forms import LanguageForm, LoginForm, LogoutForm
from lab.auth.redirects import same_site_path
from lab.auth.service import Limits, attempt_login
from lab.i18n import LANG_COOKIE, remember_language
from lab.system.settings import is_demo
from lab.web_db import get_session


def safe_next(target: str | None) -> str:
    """Only paths on this site: never an open redirect."""
    return same_site_path(target) or start_page()


def start_page() -> str:
    """Where a signed-in user starts: the Lab, or the centre for a manager (who has no Lab)."""
    if current_user.is_authenticated and current_user.role == Role.MANAGER:
        return url_for("centre.overview")
    return url_for("training.sector_map")


def _limits() -> Limits:
    config = current_app.config
    return Limits(
        window=timedelta(seconds=config["LOGIN_WINDOW_SECONDS"]),
        per_address=config["LOGIN_MAX_FAILURES_PER_ADDRESS"],
        free_per_pair=config["LOGIN_FREE_FAILURES"],
        first_delay=timedelta(seconds=config["LOGIN_FIRST_DELAY_SECONDS"]),
        max_delay=timedelta(seconds=config["LOGIN_MAX_DELAY_SECONDS"]),
    )


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    """The sign-in page."""
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    db = get_session()
    status = 200
    if form.validate_on_submit():
        outcome = attempt_login(
            db, form.login.data, form.password.data, request.remote_addr or "?", _limits()
        )
        if outcome.user is not None:
            outcome.user.session_id = open_session(db, outcome.user, bool(form.remember.data))
        db.commit()
        if outcome.user is not None:
            # A new session at login: nothing from before the login survives it.
            session.clear()
            login_user(outcome.user, remember=form.remember.data)
            # The new session gets its CSRF secret now, in the cookie this redirect sets.
            # Left for later, every page would find none, write one and send the session
            # cookie again, to each client that does not keep it (g caches the old token).
            g.pop("csrf_token", None)
            generate_csrf()
            return redirect(safe_next(request.args.get("next")))
        if outcome.error == "throttled":
            wait = outcome.retry_after or 60
            if wait < 60:
                form.form_errors.append(_(
                    "Too many failed attempts. Try again in %(seconds)d s.", seconds=wait))
            else:
                form.form_errors.append(_(
                    "Too many failed attempts. Try again in %(minutes)d min.",
                    minutes=max(1, round(wait / 60))))
            status = 429
        elif outcome.error == "inactive":
            form.form_errors.append(_("This account is deactivated. Ask your admin."))
            status = 403
        else:
            form.form_errors.append(_("Wrong login or password."))
            status = 401
    elif request.method == "POST":
        status = 400
    demo = is_demo(db)
    return render_template(
        "auth/login.html", form=form, demo=demo,
        demo_logins=demo_logins() if demo else [], demo_password=DEMO_PASSWORD,
    ), status


@bp.route("/logout", methods=["GET", "POST"])
@public
def logout():
    """GET asks to confirm; POST (with CSRF) signs out and clears the session."""
    form = LogoutForm()
    if request.method == "POST" and form.validate_on_submit():
        if current_user.is_authenticated and current_user.session_id:
            # The cookie may have been copied: the server forgets the session, so neither
            # it nor the remember-me cookie opens anything again.
            db = get_session()
            end_session(db, current_user.session_id.token)
            db.commit()
        logout_user()
        session.clear()
        flash(_("You have signed out."), "info")
        return redirect(url_for("auth.login"))
    if not current_user.is_authenticated:
        return redirect(url_for("auth.login"))
    return render_template("auth/logout.html", form=form), 200 if request.method == "GET" else 400


@bp.route("/language", methods=["POST"])
@public
def language():
    """Switch the language and remember it (cookie, and the profile when signed in)."""
    form = LanguageForm()
    if not form.validate_on_submit():
        flash(_("Could not switch the language. Please try again."), "error")
        return redirect(safe_next(request.form.get("next")))
    lang = form.lang.data
    if current_user.is_authenticated:
        db = get_session()
        remember_language(current_user, lang)
        db.commit()
    response = redirect(safe_next(form.next.data))
    response.set_cookie(
        LANG_COOKIE, lang, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    return response
