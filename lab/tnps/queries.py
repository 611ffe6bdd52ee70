"""Tallies read from the rollups: by agent, team, day, for any range of local days.

Days are local days (LAB_TIMEZONE) of the call's end, fixed when the rollup was written;
both ends of a range are included. Late answers were never added, so never counted.
Totals over a range read its whole months from tnps_monthly and only the partial months
at its ends from tnps_daily (lab.tnps.ranges): the same sums, a fraction of the rows.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import Select, Subquery, bindparam, func, or_, select, union_all
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


# The statements below are built once per shape (whole months or not, how many leftover
# day ranges, which filters) with bound parameters, and remembered: the team page and My
# TNPS run several per view, and building a UNION of grouped selects cost more than
# running it on the rollups. Shape = (months, day ranges, channel, agent, team).
_Shape = tuple[bool, int, bool, bool, bool]


def _shape_and_params(start: date, end: date, channel: str | None, agent_id: int | None,
                      team_id: int | None) -> tuple[_Shape, dict[str, object]]:
    split = split_range(start, end)
    params: dict[str, object] = {"channel": channel, "agent_id": agent_id,
                                 "team_id": team_id}
    if split.months is not None:
        params["month_first"], params["month_last"] = split.months
    for index, (first, last) in enumerate(split.days):
        params[f"day_first_{index}"], params[f"day_last_{index}"] = first, last
    shape = (split.months is not None, len(split.days), channel is not None,
             agent_id is not None, team_id is not None)
    return shape, {key: value for key, value in params.items() if value is not None}


def _part(model: type[TnpsDaily] | type[TnpsMonthly], where, channel: bool, agent: bool,
          team: bool) -> Select:
    """One rollup table's sums per agent, over the rows `where` picks."""
    stmt = (select(model.agent_id, func.sum(model.promoters).label("promoters"),
                   func.sum(model.passives).label("passives"),
                   func.sum(model.detractors).label("detractors"))
            .where(where).group_by(model.agent_id))
    return _filtered(stmt, model, channel, agent, team)


def _filtered(stmt: Select, model: type[TnpsDaily] | type[TnpsMonthly], channel: bool,
              agent: bool, team: bool) -> Select:
    """stmt narrowed to one channel, one agent or one team's members, by bound parameters."""
    if channel:
        stmt = stmt.where(model.channel == bindparam("channel"))
    if agent:
        stmt = stmt.where(model.agent_id == bindparam("agent_id"))
    if team:
        stmt = stmt.where(model.agent_id.in_(
            select(User.id).where(User.team_id == bindparam("team_id"))))
    return stmt


@lru_cache(maxsize=64)
def _per_agent(shape: _Shape) -> Subquery:
    """(agent_id, promoters, passives, detractors) rows over the range: whole months
    from tnps_monthly, the days of partial months from tnps_daily (an agent may have a
    row from each; callers sum them)."""
    months, day_ranges, channel, agent, team = shape
    parts = []
    if months:
        parts.append(_part(TnpsMonthly, TnpsMonthly.month.between(
            bindparam("month_first"), bindparam("month_last")), channel, agent, team))
    if day_ranges:
        days = or_(*(TnpsDaily.day.between(bindparam(f"day_first_{index}"),
                                           bindparam(f"day_last_{index}"))
                     for index in range(day_ranges)))
        parts.append(_part(TnpsDaily, days, channel, agent, team))
    return (parts[0] if len(parts) == 1 else union_all(*parts)).subquery()


def _summed(counts: Subquery) -> tuple:
    return (func.sum(counts.c.promoters), func.sum(counts.c.passives),
            func.sum(counts.c.detractors))


@lru_cache(maxsize=64)
def _by_agent_stmt(shape: _Shape) -> Select:
    counts = _per_agent(shape)
    return (select(User.login, *_summed(counts)).join(User, User.id == counts.c.agent_id)
            .group_by(User.login))


@lru_cache(maxsize=64)
def _by_team_stmt(shape: _Shape) -> Select:
    counts = _per_agent(shape)
    return (select(Team.name, *_summed(counts)).join(User, User.id == counts.c.agent_id)
            .join(Team, Team.id == User.team_id).group_by(Team.name))


@lru_cache(maxsize=64)
def _total_stmt(shape: _Shape) -> Select:
    return select(*_summed(_per_agent(shape)))


def by_agent(session: Session, start: date, end: date, channel: str | None = None,
             team_id: int | None = None) -> dict[str, Tally]:
    """Each agent's tally (by login) over the days; agents without answers are absent."""
    shape, params = _shape_and_params(start, end, channel, None, team_id)
    return {login: _tally(*sums)
            for login, *sums in session.execute(_by_agent_stmt(shape), params)}


def by_team(session: Session, start: date, end: date, channel: str | None = None
            ) -> dict[str, Tally]:
    """Each team's tally (by name), counting its current members' answers."""
    shape, params = _shape_and_params(start, end, channel, None, None)
    return {name: _tally(*sums)
            for name, *sums in session.execute(_by_team_stmt(shape), params)}


def total(session: Session, start: date, end: date, channel: str | None = None,
          agent_id: int | None = None, team_id: int | None = None) -> Tally:
    """One tally: the whole centre, or one agent, or one team."""
    shape, params = _shape_and_params(start, end, channel, agent_id, team_id)
    return _tally(*session.execute(_total_stmt(shape), params).one())


@lru_cache(maxsize=16)
def _by_day_stmt(channel: bool, agent: bool, team: bool) -> Select:
    stmt = (select(TnpsDaily.day, *_sums()).group_by(TnpsDaily.day)
            .where(TnpsDaily.day >= bindparam("start"), TnpsDaily.day <= bindparam("end")))
    return _filtered(stmt, TnpsDaily, channel, agent, team)


def by_day(session: Session, start: date, end: date, channel: str | None = None,
           agent_id: int | None = None, team_id: int | None = None) -> dict[date, Tally]:
    """Tallies per local day (days without answers are absent), for trends."""
    if end < start:
        raise ValueError(f"the range ends ({end}) before it starts ({start})")
    params = {key: value for key, value in (("start", start), ("end", end),
              ("channel", channel), ("agent_id", agent_id), ("team_id", team_id))
              if value is not None}
    stmt = _by_day_stmt(channel is not None, agent_id is not None, team_id is not None)
    return {day: _tally(*counts) for day, *counts in session.execute(stmt, params)}


def agent_logins(session: Session, team_id: int | None = None) -> list[str]:
    """Active agents' logins, so a report lists those without answers too."""
    stmt = select(User.login).where(User.role == "agent", User.active.is_(True))
    if team_id is not None:
        stmt = stmt.where(User.team_id == team_id)
    return list(session.scalars(stmt.order_by(User.login)))


def team_names(session: Session) -> list[str]:
    """Every team's name."""
    return list(session.scalars(select(Team.name).order_by(Team.name)))
