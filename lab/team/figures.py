"""The numbers of a team's overview, read in one statement: each agent's tally over the
window, the team's over the window before, the team's days for the weekly trend, the
agents' practice dimensions and their recent answers.

One UNION ALL, built once, rows told apart by `kind`: it was four statements, each
costing more in SQLAlchemy than the database spends on these few rows. The team's
members are a subquery, not a list of ids, so nothing expands per view.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Integer, bindparam, case, func, literal, null, select, type_coerce, union_all
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.surveys.models import SurveyResponse, TnpsDaily, TnpsTeamDaily
from lab.tnps.tally import Tally
from lab.training.models import Attempt, Reply

DETRACTOR_MAX = 6  # the highest detractor score (lab.tnps.category)
DIMENSIONS = ("reliability", "empathy", "inspiration")

_MEMBERS = select(User.id).where(User.team_id == bindparam("team_id"))
_AGENTS = select(User.id).where(User.team_id == bindparam("team_id"), User.role == "agent")
_SUMS = (func.sum(TnpsDaily.promoters), func.sum(TnpsDaily.passives),
         func.sum(TnpsDaily.detractors))
_NO_ID = type_coerce(null(), Integer)
# Each part's rows tagged by a small number, not a word: a text column costs the driver
# more per row than an integer, and the tag is all that is read of it.
_DAY, _AGENT, _BEFORE, _DIMENSIONS, _RECENT = range(5)


def _team_days(first: str, last: str):
    return TnpsDaily.agent_id.in_(_MEMBERS), TnpsDaily.day.between(bindparam(first),
                                                                     bindparam(last))


_TEAM_DAY_COUNTS = (TnpsTeamDaily.promoters, TnpsTeamDaily.passives, TnpsTeamDaily.detractors)


def _team_rollup_days(first: str, last: str):
    return (TnpsTeamDaily.team_id == bindparam("team_id"),
            TnpsTeamDaily.day.between(bindparam(first), bindparam(last)))


# The daily part first: its `day` column gives the union its date type. The tallies
# count the team's current members, as the rollup reports do (lab.tnps.queries). The
# team's days and its window before come from the team rollup (summing the members'
# rows read every agent's days of the range).
_FIGURES = union_all(
    select(literal(_DAY).label("kind"), _NO_ID.label("agent_id"), TnpsTeamDaily.day,
           *_TEAM_DAY_COUNTS).where(*_team_rollup_days("weeks_start", "end")),
    select(literal(_AGENT), TnpsDaily.agent_id, null(), *_SUMS)
    .where(*_team_days("start", "end")).group_by(TnpsDaily.agent_id),
    select(literal(_BEFORE), _NO_ID, null(), *(func.sum(count) for count in _TEAM_DAY_COUNTS))
    .where(*_team_rollup_days("before_start", "before_end")),
    select(literal(_DIMENSIONS), Attempt.user_id, null(),
           *(func.avg(getattr(Reply, d)) for d in DIMENSIONS))
    .join(Reply, Reply.attempt_id == Attempt.id)
    .where(Attempt.user_id.in_(_AGENTS), Attempt.finished_at.is_not(None))
    .group_by(Attempt.user_id),
    # Late answers and a customer's repeats are left out, as from the rollup.
    select(literal(_RECENT), SurveyResponse.agent_id, null(), func.count(),
           func.sum(case((SurveyResponse.score <= DETRACTOR_MAX, 1), else_=0)), null())
    .where(SurveyResponse.agent_id.in_(_AGENTS), SurveyResponse.score.is_not(None),
           SurveyResponse.late.is_(False), SurveyResponse.repeat_of.is_(None),
           SurveyResponse.answered_at >= bindparam("since"))
    .group_by(SurveyResponse.agent_id))


def _tally(promoters, passives, detractors) -> Tally:
    return Tally(int(promoters or 0), int(passives or 0), int(detractors or 0))


@dataclass(frozen=True)
class Figures:
    """What `read` found; agents without rows are absent from the mappings."""

    tallies: dict[int, Tally]  # by agent id, over the window
    before: Tally  # the team's, over the window before
    days: dict[date, tuple[int, int, int]]  # the team's (promoters, passives, detractors)
    dimensions: dict[int, dict[str, float]]  # finished practice replies' averages
    recent: dict[int, tuple[int, int]]  # (answers, detractors) since the moment given


def read(session: Session, team_id: int, start: date, end: date, before_start: date,
         before_end: date, weeks_start: date, since: datetime) -> Figures:
    """The team's figures: tallies over start..end by agent, the team's over
    before_start..before_end, its days over weeks_start..end, and the agents' practice
    dimensions and recent answers (since the aware moment `since`)."""
    tallies: dict[int, Tally] = {}
    before = Tally()
    days: dict[date, tuple[int, int, int]] = {}
    dimensions: dict[int, dict[str, float]] = {}
    recent: dict[int, tuple[int, int]] = {}
    params = {"team_id": team_id, "start": start, "end": end, "before_start": before_start,
              "before_end": before_end, "weeks_start": weeks_start, "since": since}
    # Fetched at once (.all()): row by row through the result cost more per row.
    for kind, agent_id, day, first, second, third in session.execute(_FIGURES,
                                                                     params).all():
        if kind == _DAY:
            days[day] = (int(first or 0), int(second or 0), int(third or 0))
        elif kind == _AGENT:
            tallies[agent_id] = _tally(first, second, third)
        elif kind == _BEFORE:
            before = _tally(first, second, third)
        elif kind == _DIMENSIONS:
            dimensions[agent_id] = dict(zip(DIMENSIONS, (float(first), float(second),
                                                         float(third)), strict=True))
        else:
            recent[agent_id] = (int(first), int(second or 0))
    return Figures(tallies, before, days, dimensions, recent)
