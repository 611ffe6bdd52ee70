"""Tallies read from the rollups: by agent, team, day, for any range of local days.

Days are local days (LAB_TIMEZONE) of the call's end, fixed when the rollup was written;
both ends of a range are included. Late answers were never added, so never counted.
Totals over a range read its whole months from tnps_monthly and only the partial months
at its ends from tnps_daily (lab.tnps.ranges): the same sums, a fraction of the rows.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, Subquery, func, or_, select, union_all
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.surveys.models import TnpsDaily, TnpsMonthly
from lab.tnps.ranges import split_range
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


def _part(model: type[TnpsDaily] | type[TnpsMonthly], where, channel: str | None,
          agent_id: int | None, team_id: int | None) -> Select:
    """One rollup table's sums per agent, over the rows `where` picks."""
    stmt = (select(model.agent_id, func.sum(model.promoters).label("promoters"),
                   func.sum(model.passives).label("passives"),
                   func.sum(model.detractors).label("detractors"))
            .where(where).group_by(model.agent_id))
    if channel is not None:
        stmt = stmt.where(model.channel == channel)
    if agent_id is not None:
        stmt = stmt.where(model.agent_id == agent_id)
    if team_id is not None:
        stmt = stmt.where(model.agent_id.in_(select(User.id).where(User.team_id == team_id)))
    return stmt


def _per_agent(start: date, end: date, channel: str | None, agent_id: int | None = None,
               team_id: int | None = None) -> Subquery:
    """(agent_id, promoters, passives, detractors) rows over the range: whole months
    from tnps_monthly, the days of partial months from tnps_daily (an agent may have a
    row from each; callers sum them)."""
    split = split_range(start, end)
    parts = []
    if split.months is not None:
        parts.append(_part(TnpsMonthly, TnpsMonthly.month.between(*split.months), channel,
                           agent_id, team_id))
    if split.days:
        days = or_(*(TnpsDaily.day.between(first, last) for first, last in split.days))
        parts.append(_part(TnpsDaily, days, channel, agent_id, team_id))
    return (parts[0] if len(parts) == 1 else union_all(*parts)).subquery()


def _summed(counts: Subquery) -> tuple:
    return (func.sum(counts.c.promoters), func.sum(counts.c.passives),
            func.sum(counts.c.detractors))


def by_agent(session: Session, start: date, end: date, channel: str | None = None,
             team_id: int | None = None) -> dict[str, Tally]:
    """Each agent's tally (by login) over the days; agents without answers are absent."""
    counts = _per_agent(start, end, channel, team_id=team_id)
    stmt = (select(User.login, *_summed(counts)).join(User, User.id == counts.c.agent_id)
            .group_by(User.login))
    return {login: _tally(*sums) for login, *sums in session.execute(stmt)}


def by_team(session: Session, start: date, end: date, channel: str | None = None
            ) -> dict[str, Tally]:
    """Each team's tally (by name), counting its current members' answers."""
    counts = _per_agent(start, end, channel)
    stmt = (select(Team.name, *_summed(counts)).join(User, User.id == counts.c.agent_id)
            .join(Team, Team.id == User.team_id).group_by(Team.name))
    return {name: _tally(*sums) for name, *sums in session.execute(stmt)}


def total(session: Session, start: date, end: date, channel: str | None = None,
          agent_id: int | None = None, team_id: int | None = None) -> Tally:
    """One tally: the whole centre, or one agent, or one team."""
    counts = _per_agent(start, end, channel, agent_id, team_id)
    return _tally(*session.execute(select(*_summed(counts))).one())


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
