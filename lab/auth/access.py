"""Every route declares who may use it; a guard enforces it before any view runs.

A view without a declaration is refused (fail closed), so a route added without
thinking about access is visible at once and fails the route-walk test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import Flask, abort, current_app, request
from flask_login import current_user

from lab.accounts.roles import Role

PUBLIC = "public"
F = TypeVar("F", bound=Callable)


def public(view: F) -> F:
    """Anyone may use this route, signed in or not."""
    view.lab_access = PUBLIC  # type: ignore[attr-defined]
    return view


def allow(*roles: Role) -> Callable[[F], F]:
    """Only signed-in users with one of `roles` may use this route."""

    def mark(view: F) -> F:
        view.lab_access = frozenset(roles)  # type: ignore[attr-defined]
        return view

    return mark


signed_in = allow(Role.AGENT, Role.LEAD, Role.MANAGER, Role.ADMIN)
# The Lab writes the user's own practice: a manager changes nothing, so has none.
practising = allow(Role.AGENT, Role.LEAD, Role.ADMIN)
# Team pages that only read: leads (their teams), managers and admins (every team).
team_readers = allow(Role.LEAD, Role.MANAGER, Role.ADMIN)
# What a lead changes on a team page: never a manager.
leads = allow(Role.LEAD, Role.ADMIN)
# The whole centre side by side and the weekly digest.
centre_readers = allow(Role.MANAGER, Role.ADMIN)
admins = allow(Role.ADMIN)


def access_of(app: Flask, endpoint: str):
    """The declared access of an endpoint: PUBLIC, a set of roles, or None (undeclared)."""
    if endpoint == "static":
        return PUBLIC
    return getattr(app.view_functions[endpoint], "lab_access", None)


def wants_json() -> bool:
    """API routes answer in JSON: 401/403 rather than a redirect or a page."""
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    """Install the guard."""

    @app.before_request
    def _guard():
        if request.endpoint is None:
            return None  # routing failed: the 404/405 handlers answer
        access = access_of(current_app, request.endpoint)
        if access is None:
            current_app.logger.error("route %s declares no access: refused", request.endpoint)
            abort(403)
        if access == PUBLIC:
            return None
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        if current_user.role not in access:
            abort(403)
        return None
