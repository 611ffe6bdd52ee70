"""Tallies read from the daily rollup: by agent, team, day, for any range of local days.

Days are local days (LAB_TIMEZONE) of the call's end, fixed when the rollup was written;
both ends of a range are included. Late answers were never added, so never counted.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.surveys.models import TnpsDaily
from lab.tnps.tally import Tally

GROUPINGS = ("agent", "team", "centre")


def _sums() -> tuple:
    return (func.sum(TnpsDaily.promoters), func.sum(TnpsDaily.passives),
            func.sum(TnpsDaily.detractors))


def _tally(promoters, passives, detractors) -> Tally:
    return Tally(int(promoters or 0), int(passives or 0), int(detractors or 0))


def _filtered(stmt: Select, start: date, end: date, channel: str | None,
              agent_id: int | None = None, team_id: int | None = None) -> Select:
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    stmt = stmt.where(TnpsDaily.day >= start, TnpsDaily.day <= end)
    if channel is not None:
        stmt = stmt.where(TnpsDaily.channel == channel)
    if agent_id is not None:
        stmt = stmt.where(TnpsDaily.agent_id == agent_id)
    if team_id is not None:
        stmt = stmt.where(TnpsDaily.agent_id.in_(select(User.id).where(User.team_id == team_id)))
    return stmt


def by_agent(session: Session, start: date, end: date, channel: str | None = None,
             team_id: int | None = None) -> dict[str, Tally]:
    """Each agent's tally (by login) over the days; agents without answers are absent."""
    stmt = (select(User.login, *_sums()).join(User, User.id == TnpsDaily.agent_id)
            .group_by(User.login))
    stmt = _filtered(stmt, start, end, channel, team_id=team_id)
    return {login: _tally(*counts) for login, *counts in session.execute(stmt)}


def by_team(session: Session, start: date, end: date, channel: str | None = None
            ) -> dict[str, Tally]:
    """Each team's tally (by name), counting its current members' answers."""
    stmt = (select(Team.name, *_sums()).join(User, User.id == TnpsDaily.agent_id)
            .join(Team, Team.id == User.team_id).group_by(Team.name))
    stmt = _filtered(stmt, start, end, channel)
    return {name: _tally(*counts) for name, *counts in session.execute(stmt)}


def total(session: Session, start: date, end: date, channel: str | None = None,
          agent_id: int | None = None, team_id: int | None = None) -> Tally:
    """One tally: the whole centre, or one agent, or one team."""
    stmt = _filtered(select(*_sums()), start, end, channel, agent_id, team_id)
    return _tally(*session.execute(stmt).one())


def by_day(session: Session, start: date, end: date, channel: str | None = None,
           agent_id: int | None = None, team_id: int | None = None) -> dict[date, Tally]:
    """Tallies per local day (days without answers are absent), for trends."""
    stmt = select(TnpsDaily.day, *_sums()).group_by(TnpsDaily.day)
    stmt = _filtered(stmt, start, end, channel, agent_id, team_id)
    return {day: _tally(*counts) for day, *counts in session.execute(stmt)}


def agent_logins(session: Session, team_id: int | None = None) -> list[str]:
    """Active agents' logins, so a report lists those without answers too."""
    stmt = select(User.login).where(User.role == "agent", User.active.is_(True))
    if team_id is not None:
        stmt = stmt.where(User.team_id == team_id)
    return list(session.scalars(stmt.order_by(User.login)))


def team_names(session: Session) -> list[str]:
    """Every team's name."""
    return list(session.scalars(select(Team.name).order_by(Team.name)))
