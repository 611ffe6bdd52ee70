"""A team's overview: each agent's practice and live TNPS, the team's, and who needs help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import bindparam, case, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.content import Content
from lab.surveys.models import SurveyResponse
from lab.team import flags as help_flags
from lab.team.window import Window
from lab.tnps import queries
from lab.tnps import report as tnps_report
from lab.tnps.interval import Comparison, compare
from lab.tnps.periods import TrendPoint
from lab.tnps.summary import Summary, summarize
from lab.tnps.tally import Tally
from lab.training.models import Attempt, Reply
from lab.training.progress import loyalty_code
from lab.training.state import Progress, load_progress_many

DETRACTOR_MAX = 6  # the highest detractor score (lab.tnps.category)
DIMENSIONS = ("reliability", "empathy", "inspiration")
TREND_WEEKS = 8


@dataclass(frozen=True)
class AgentRow:
    """One agent in the overview."""

    agent: User
    progress: Progress
    passed: int
    code: float | None
    dimensions: dict[str, float | None]
    live: Summary
    recent_detractors: int
    overdue: int
    flags: tuple[str, ...]
    recent_n: int = 0

    @property
    def completion(self) -> float:
        """Share of sectors passed, 0-1."""
        return self.passed / len(self.progress.states) if self.progress.states else 0.0


@dataclass(frozen=True)
class TeamOverview:
    """The team's live TNPS, its change from the previous window and weekly trend, the rows."""

    team: Team
    window: Window
    live: Summary
    change: Comparison
    previous: Summary
    weeks: list[TrendPoint]
    rows: list[AgentRow]


# Built once (the overview runs it on every view), with the agents' ids expanding: each
# agent's dimension averages (finished practice replies) and recent answers (late ones
# left out) in one UNION ALL, rows told apart by `kind`; two statements cost twice the
# SQLAlchemy time of one, far more than the database's.
_IDS = bindparam("ids", expanding=True)
_DIMENSIONS_AND_RECENT = union_all(
    select(literal("dimensions").label("kind"), Attempt.user_id.label("user_id"),
           *(func.avg(getattr(Reply, d)).label(d) for d in DIMENSIONS))
    .join(Reply, Reply.attempt_id == Attempt.id)
    .where(Attempt.user_id.in_(_IDS), Attempt.finished_at.is_not(None))
    .group_by(Attempt.user_id),
    select(literal("recent"), SurveyResponse.agent_id, func.count(),
           func.sum(case((SurveyResponse.score <= DETRACTOR_MAX, 1), else_=0)), null())
    .where(SurveyResponse.agent_id.in_(_IDS), SurveyResponse.score.is_not(None),
           SurveyResponse.late.is_(False), SurveyResponse.repeat_of.is_(None),
           SurveyResponse.answered_at >= bindparam("since"))
    .group_by(SurveyResponse.agent_id))


def dimensions_and_recent(session: Session, agent_ids: list[int], since: datetime
                          ) -> tuple[dict[int, dict[str, float | None]],
                                     dict[int, tuple[int, int]]]:
    """Each agent's average reliability, empathy and inspiration over their finished
    replies, and the (answers, detractors) they got since a moment (late ones left out)."""
    found: dict[int, dict[str, float | None]] = {}
    recent: dict[int, tuple[int, int]] = {}
    for kind, user_id, *values in session.execute(
            _DIMENSIONS_AND_RECENT, {"ids": agent_ids, "since": since}):
        if kind == "dimensions":
            found[user_id] = dict(zip(DIMENSIONS, (float(v) for v in values), strict=True))
        else:
            recent[user_id] = (int(values[0]), int(values[1] or 0))
    dims = {agent_id: found.get(agent_id, dict.fromkeys(DIMENSIONS)) for agent_id in agent_ids}
    return dims, recent


def practice_code(progress: Progress) -> float | None:
    """Practice TNPS over the best attempts of the sectors passed so far (None before any).

    The map's overall code waits for every sector; a lead wants the code so far.
    """
    ratings = [rating for sid, attempt in progress.best.items() if attempt.stars > 0
               for rating in progress.best_ratings[sid]]
    return loyalty_code(ratings) if ratings else None


def _overdue(progress: Progress, today: date) -> int:
    passed = {s.sector_id for s in progress.states if s.status == "passed"}
    return sum(1 for sid, due in progress.due.items()
               if due is not None and due < today and sid not in passed)


def build(session: Session, team: Team, content: Content, window: Window, tz: tzinfo,
          now: datetime, min_n: int) -> TeamOverview:
    """Everything the overview shows for one team over one window."""
    agents = [m for m in team.members if m.role == "agent"]
    ids = [a.id for a in agents]
    tallies = queries.by_agent(session, window.start, window.end, team_id=team.id)
    # The team's total is the sum of its members' tallies: by_agent reads the same rollup
    # rows (the team's members, the same days) grouped by login, so adding them up gives
    # what queries.total would, without a statement of its own.
    team_tally = sum(tallies.values(), Tally())
    prev = window.previous()
    prev_tally = queries.total(session, prev.start, prev.end, team_id=team.id)
    dims, recent = dimensions_and_recent(session, ids,
                                         now - timedelta(days=help_flags.RECENT_DAYS))
    today = now.astimezone(tz).date()
    everyone = load_progress_many(session, agents, content)
    rows = []
    for agent in agents:
        progress = everyone[agent.id]
        tally = tallies.get(agent.login, Tally())
        overdue = _overdue(progress, today)
        rows.append(AgentRow(
            agent=agent, progress=progress,
            passed=sum(1 for s in progress.states if s.status == "passed"),
            code=practice_code(progress),
            dimensions=dims[agent.id], live=summarize(tally, min_n),
            recent_detractors=recent.get(agent.id, (0, 0))[1], overdue=overdue,
            recent_n=recent.get(agent.id, (0, 0))[0],
            flags=help_flags.flags_for(tally, team_tally, recent.get(agent.id, (0, 0))[1],
                                       overdue, min_n, recent.get(agent.id, (0, 0))[0])))
    weeks_start = window.end - timedelta(weeks=TREND_WEEKS - 1)
    weeks = tnps_report.trend(session, "week", weeks_start, window.end, tz, team_id=team.id)
    return TeamOverview(team=team, window=window, live=summarize(team_tally, min_n),
                        change=compare(prev_tally, team_tally),
                        previous=summarize(prev_tally, min_n), weeks=weeks, rows=rows)


SORTS = ("name", "completion", "code", "tnps", "n", "flags")


def _sort_key(sort: str):
    def key(row: AgentRow):
        if sort == "completion":
            return (row.completion,)
        if sort == "code":
            return (row.code is not None, row.code or 0.0)
        if sort == "tnps":
            # Below the minimum n the number is noise: such agents sort apart, not ranked.
            return (row.live.enough_data, row.live.tnps if row.live.tnps is not None else -999)
        if sort == "n":
            return (row.live.tally.n,)
        if sort == "flags":
            return (len(row.flags),)
        return (tnps_report.natural_key(row.agent.name),)
    return key


def arrange(rows: list[AgentRow], sort: str = "name", descending: bool = False,
            flagged_only: bool = False, query: str = "") -> list[AgentRow]:
    """Filter (flagged only, name or login contains) and sort the rows; names break ties."""
    needle = query.strip().lower()
    kept = [r for r in rows if (not flagged_only or r.flags)
            and (not needle or needle in r.agent.name.lower() or needle in r.agent.login)]
    kept.sort(key=lambda r: tnps_report.natural_key(r.agent.name))
    kept.sort(key=_sort_key(sort if sort in SORTS else "name"), reverse=descending)
    return kept
