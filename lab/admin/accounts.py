"""An admin's changes to a user's role and team, and to who leads a team."""

from __future__ import annotations

from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.roles import Role
from lab.accounts.services import AccountError
from lab.accounts.sessions import end_all_sessions
from lab.system.settings import audit


def change_role(session: Session, user: User, role: str, team: Team | None, *, actor) -> None:
    """Set role and team together, so a user is never left in a state the rules refuse."""
    try:
        new_role = Role(role)
    except ValueError:
        raise AccountError("role must be agent, lead, manager or admin") from None
    if user.id == actor.id and new_role != Role.ADMIN:
        raise AccountError("you cannot take the admin role from yourself")
    if new_role == Role.AGENT and team is None:
        raise AccountError("an agent needs a team")
    if new_role == Role.ADMIN and team is not None:
        raise AccountError("an admin belongs to no team")
    if new_role == Role.MANAGER and team is not None:
        raise AccountError("a manager reads every team and belongs to none")
    before = f"{user.role}/{user.team.name if user.team else ''}"
    if new_role != Role.LEAD:
        user.led_teams.clear()  # only leads lead
    user.role = new_role.value
    user.team = team if new_role == Role.AGENT else None
    if new_role == Role.LEAD and team is not None and team not in user.led_teams:
        user.led_teams.append(team)
    end_all_sessions(session, user)  # permissions changed: sign in again
    audit(session, "user.role", user.login,
          f"{before} -> {user.role}/{team.name if team else ''}", actor=actor)


def remove_lead(session: Session, team: Team, lead: User, *, actor) -> None:
    """The lead no longer leads the team."""
    if team in lead.led_teams:
        lead.led_teams.remove(team)
        audit(session, "team.unlead", team.name, f"lead={lead.login}", actor=actor)
