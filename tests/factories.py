"""Small factories for test data; one argon2 hash is computed once and shared."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.passwords import hash_password

PASSWORD = "right-password"


@cache
def _hash() -> str:
    return hash_password(PASSWORD)


def make_team(db: Session, name: str, leads: tuple[User, ...] = ()) -> Team:
    """A team led by `leads`."""
    team = Team(name=name)
    db.add(team)
    for lead in leads:
        lead.led_teams.append(team)
    db.flush()
    return team


def make_user(db: Session, login: str, role: str = "agent", team: Team | None = None,
              **fields) -> User:
    """A user whose password is PASSWORD."""
    user = User(login=login, name=fields.pop("name", login.title()), role=role,
                team=team, password_hash=_hash(), **fields)
    db.add(user)
    db.flush()
    return user


@dataclass
class World:
    """Two teams with leads and agents, an admin and a manager."""

    team_a: Team
    team_b: Team
    lead_a: User
    lead_b: User
    agent_a: User
    agent_a2: User
    agent_b: User
    admin: User
    manager: User


def build_world(db: Session) -> World:
    """Create and commit the usual cast."""
    lead_a = make_user(db, "lead_a", "lead")
    lead_b = make_user(db, "lead_b", "lead")
    team_a = make_team(db, "Alpha", (lead_a,))
    team_b = make_team(db, "Beta", (lead_b,))
    world = World(
        team_a=team_a, team_b=team_b, lead_a=lead_a, lead_b=lead_b,
        agent_a=make_user(db, "agent_a", team=team_a, name="Anna Agentova"),
        agent_a2=make_user(db, "agent_a2", team=team_a),
        agent_b=make_user(db, "agent_b", team=team_b, name="Boris Bystrov"),
        admin=make_user(db, "root", "admin"),
        manager=make_user(db, "boss", "manager", name="Mira Managerova"),
    )
    db.commit()
    return world
