"""What every team view needs: scoped lookups (others' data is 'not found') and settings."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import abort, current_app, request
from flask_babel import get_locale
from flask_login import current_user

from lab.accounts.access import can_see_team, visible_teams
from lab.accounts.models import Team, User
from lab.db import utcnow
from lab.followup.rules import DEFAULT_SLA_HOURS
from lab.team.window import Window, last_days, parse_days
from lab.ui.params import arg_id
from lab.web_db import get_session


def team_or_404(team_id: int) -> Team:
    """A team the user may see; another lead's team is not found, not forbidden."""
    team = get_session().get(Team, team_id)
    if team is None or not can_see_team(current_user, team):
        abort(404)  # no enumeration of other teams
    return team


def agent_or_404(team: Team, agent_id: int) -> User:
    """An agent of this (already visible) team."""
    agent = get_session().get(User, agent_id)
    if agent is None or agent.team_id != team.id or agent.role != "agent":
        abort(404)
    return agent


def chosen_team(visible: list[Team] | None = None) -> Team | None:
    """The team picked with ?team=ID, else the first visible one (None: leads none).
    `visible`: the visible teams in order, when the caller has read them already."""
    wanted = arg_id("team")
    if wanted is not None:
        return team_or_404(wanted)
    if visible is not None:
        return visible[0] if visible else None
    return get_session().scalars(visible_teams(current_user).limit(1)).first()


def min_n() -> int:
    """Below this many answers one agent's TNPS says 'not enough data'."""
    return int(current_app.config["TNPS_MIN_N"])


def sla_hours() -> int:
    """Hours from the customer's answer within which a follow-up should be closed."""
    return int(current_app.config.get("FOLLOWUP_SLA_HOURS") or DEFAULT_SLA_HOURS)


def timezone() -> ZoneInfo:
    """The centre's time zone: local days for reports."""
    return ZoneInfo(current_app.config["TIMEZONE"])


def now() -> datetime:
    """The current time, aware."""
    return utcnow()


def window() -> Window:
    """The last ?days= local days (7, 30 or 90; 30 by default)."""
    return last_days(now().astimezone(timezone()).date(), parse_days(request.args.get("days")))


def lang() -> str:
    """The page language: ru or en."""
    return str(get_locale() or "ru")
