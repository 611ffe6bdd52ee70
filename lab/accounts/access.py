"""Who may see whose data: the one place the scoping rules live."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.roles import Role
from lab.accounts.teams import led_teams

# Roles that read every team of the centre.
CENTRE_WIDE = frozenset({Role.ADMIN, Role.MANAGER})


def visible_teams(viewer: User) -> Select[tuple[Team]]:
    """Teams the viewer may look at: all for admins and managers, led ones for leads."""
    query = select(Team).order_by(Team.name)
    if viewer.role in CENTRE_WIDE:
        return query
    if viewer.role == Role.LEAD:
        return query.where(Team.id.in_([team.id for team in led_teams(viewer)]))
    return query.where(False)


def visible_team_list(session: Session, viewer: User) -> list[Team]:
    """The teams of `visible_teams`, read. A lead's are the led teams themselves (that
    relationship is ordered by name too): reading them again by id was a statement more
    on every view of the team page."""
    if viewer.role == Role.LEAD:
        return list(led_teams(viewer))
    return list(session.scalars(visible_teams(viewer)))


def can_see_team(viewer: User, team: Team) -> bool:
    """True when the viewer may see this team's data."""
    if viewer.role in CENTRE_WIDE:
        return True
    return viewer.role == Role.LEAD and team in led_teams(viewer)


def can_see_agent(viewer: User, agent: User) -> bool:
    """An agent sees only themself; a lead only their teams' agents; admins and managers all."""
    if viewer.id == agent.id or viewer.role in CENTRE_WIDE:
        return True
    if viewer.role == Role.LEAD and agent.team is not None:
        return agent.team in led_teams(viewer)
    return False
