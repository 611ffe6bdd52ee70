"""Who may see whose data: the one place the scoping rules live."""

from __future__ import annotations

from sqlalchemy import Select, select

from lab.accounts.models import Team, User
from lab.accounts.roles import Role


def visible_teams(viewer: User) -> Select[tuple[Team]]:
    """Teams the viewer may look at: all for admins, led ones for leads, none for agents."""
    query = select(Team).order_by(Team.name)
    if viewer.role == Role.ADMIN:
        return query
    if viewer.role == Role.LEAD:
        return query.where(Team.id.in_([team.id for team in viewer.led_teams]))
    return query.where(False)


def can_see_team(viewer: User, team: Team) -> bool:
    """True when the viewer may see this team's data."""
    if viewer.role == Role.ADMIN:
        return True
    return viewer.role == Role.LEAD and team in viewer.led_teams


def can_see_agent(viewer: User, agent: User) -> bool:
    """An agent sees only themself; a lead only their teams' agents; an admin everyone."""
    if viewer.id == agent.id or viewer.role == Role.ADMIN:
        return True
    if viewer.role == Role.LEAD and agent.team is not None:
        return agent.team in viewer.led_teams
    return False
