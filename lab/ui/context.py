"""What every template may use: navigation by role, the language form."""

from __future__ import annotations

from flask import request
from flask_babel import get_locale
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from lab.accounts.roles import Role
from lab.i18n import lazy_gettext as _l

_PRACTISING = frozenset({Role.AGENT, Role.LEAD, Role.ADMIN})
NAV = (
    ("training.sector_map", _l("Lab"), _PRACTISING),
    ("codex.index", _l("Codex"), frozenset(Role)),
    ("dashboard.me", _l("My TNPS"), _PRACTISING),
    ("team.overview", _l("Team"), frozenset({Role.LEAD, Role.MANAGER, Role.ADMIN})),
    ("centre.overview", _l("Centre"), frozenset({Role.MANAGER, Role.ADMIN})),
    ("admin.index", _l("Admin"), frozenset({Role.ADMIN})),
)

ROLE_NAMES = {Role.AGENT: _l("Agent"), Role.LEAD: _l("Team lead"), Role.MANAGER: _l("Manager"),
              Role.ADMIN: _l("Administrator")}


def navigation(user=None) -> list[tuple[str, object, bool]]:
    """(endpoint, label, is_current) for the signed-in user's role."""
    user = current_user if user is None else user
    if not user.is_authenticated:
        return []
    here = request.blueprint
    return [
        (endpoint, label, endpoint.split(".")[0] == here)
        for endpoint, label, roles in NAV
        if user.role in roles
    ]


class _CsrfField:
    """The hidden CSRF field exactly as a FlaskForm renders it, for the two forms every
    page carries (language, sign-out): building two WTForms forms per page only to
    print their token cost more than the rest of the page's header. The POST side still
    validates with LanguageForm and LogoutForm."""

    def __html__(self) -> str:
        return Markup('<input id="csrf_token" name="csrf_token" type="hidden" value="%s">'
                      ) % generate_csrf()


class _HeaderForm:
    """What base.html reads of a header form: its CSRF field."""

    csrf_token = _CsrfField()


_HEADER_FORM = _HeaderForm()


def globals_for_templates() -> dict:
    """Template globals."""
    user = current_user._get_current_object()  # one proxy lookup, not six
    signed_in = user.is_authenticated
    return {
        # A manager reads every page a lead does and is shown no form that changes things.
        "can_change": signed_in and user.role != Role.MANAGER,
        "nav_items": navigation(user),
        "role_name": ROLE_NAMES.get(getattr(user, "role", None), ""),
        "language_form": _HEADER_FORM,
        "logout_form": _HEADER_FORM,
        "current_lang": str(get_locale() or "ru"),
    }


def percent_class(value: object) -> int:
    """A 0-100 width for a `pct-N` class (the CSP forbids style attributes)."""
    try:
        return max(0, min(100, round(float(value))))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0


def week_label(monday) -> str:
    """A week by its days in the page's language (16–22 Nov 2026), never '2026-W47'."""
    from lab.dashboard.present import week_label as label

    return label(monday)


def week_start(monday) -> str:
    """A week's first day for a chart axis: 16.11."""
    return monday.strftime("%d.%m")
