"""Creating and changing users and teams: plain functions over a session."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.passwords import hash_password, password_problem
from lab.accounts.roles import Role
from lab.accounts.sessions import end_all_sessions
from lab.system.messages import Explained
from lab.system.settings import audit

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")


class AccountError(Explained):
    """A request about accounts that cannot be carried out, with the reason."""


def normalise_login(login: str) -> str:
    """Logins are case-insensitive: stored and compared in lower case."""
    return login.strip().lower()


def find_user(session: Session, login: str) -> User | None:
    """The user with this login, or None."""
    return session.scalar(select(User).where(User.login == normalise_login(login)))


def find_team(session: Session, name: str) -> Team | None:
    """The team with this name (case-insensitive), or None."""
    return session.scalar(select(Team).where(func.lower(Team.name) == name.strip().lower()))


def create_team(session: Session, name: str, lead_login: str | None = None, *, actor=None) -> Team:
    """A new team, optionally led by an existing lead."""
    name = name.strip()
    if not 1 <= len(name) <= 80:
        raise AccountError("team name must be 1-80 characters")
    if find_team(session, name):
        raise AccountError("team '%(name)s' already exists", name=name)
    team = Team(name=name)
    session.add(team)
    if lead_login:
        assign_lead(session, team, lead_login)
    audit(session, "team.create", name, f"lead={lead_login or ''}", actor=actor)
    return team


def assign_lead(session: Session, team: Team, lead_login: str) -> None:
    """Make an existing lead lead `team` too."""
    lead = find_user(session, lead_login)
    if lead is None:
        raise AccountError("no user '%(login)s'", login=lead_login)
    if lead.role != Role.LEAD:
        raise AccountError("%(login)s is not a team lead", login=lead.login)
    if team not in lead.led_teams:
        lead.led_teams.append(team)


def create_user(
    session: Session,
    login: str,
    role: str,
    password: str,
    *,
    name: str | None = None,
    team_name: str | None = None,
    actor=None,
) -> User:
    """A new user; agents belong to one team, leads may be given a team to lead."""
    login = normalise_login(login)
    if not LOGIN_RE.match(login):
        raise AccountError("login: 2-40 characters, latin letters, digits, '.', '_' or '-'")
    if find_user(session, login):
        raise AccountError("user '%(login)s' already exists", login=login)
    try:
        role = Role(role)
    except ValueError:
        raise AccountError("role must be agent, lead, manager or admin") from None
    problem = password_problem(password, login)
    if problem:
        raise AccountError("password: %(problem)s", problem=problem)
    team = None
    if team_name:
        team = find_team(session, team_name)
        if team is None:
            raise AccountError("no team '%(name)s'", name=team_name)
    if role == Role.AGENT and team is None:
        raise AccountError("an agent needs a team (--team NAME)")
    if role == Role.ADMIN and team is not None:
        raise AccountError("an admin belongs to no team")
    if role == Role.MANAGER and team is not None:
        raise AccountError("a manager reads every team and belongs to none")
    user = User(
        login=login,
        name=(name or login).strip()[:120],
        role=role.value,
        password_hash=hash_password(password),
        team=team if role == Role.AGENT else None,
    )
    session.add(user)
    if role == Role.LEAD and team is not None:
        user.led_teams.append(team)
    audit(session, "user.create", login, f"role={role.value} team={team_name or ''}", actor=actor)
    return user


def set_password(session: Session, user: User, password: str, *, actor=None) -> None:
    """Change a password and end the user's sessions."""
    problem = password_problem(password, user.login)
    if problem:
        raise AccountError("password: %(problem)s", problem=problem)
    user.password_hash = hash_password(password)
    end_all_sessions(session, user)
    audit(session, "user.password", user.login, actor=actor)


def set_active(session: Session, user: User, active: bool, *, actor=None) -> None:
    """Deactivate (ending every session) or reactivate a user."""
    user.active = active
    end_all_sessions(session, user)
    audit(session, "user.activate" if active else "user.deactivate", user.login, actor=actor)


def end_sessions(session: Session, user: User, *, actor=None) -> None:
    """Sign a user out everywhere (an admin's action, e.g. for a lost laptop)."""
    end_all_sessions(session, user)
    audit(session, "user.sessions_ended", user.login, actor=actor)
