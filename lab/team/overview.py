"""A team's overview: each agent's practice and live TNPS, the team's, and who needs help."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy.orm import Session

from lab.accounts.models import Team, User
from lab.accounts.teams import members
from lab.content import Content
from lab.team import figures
from lab.team import flags as help_flags
from lab.team.figures import DIMENSIONS
from lab.team.window import Window
from lab.tnps import report as tnps_report
from lab.tnps.interval import Comparison, compare
from lab.tnps.periods import TrendPoint
from lab.tnps.summary import Summary, summarize
from lab.tnps.tally import Tally
from lab.training.progress import loyalty_code
from lab.training.state import Progress, load_progress_many

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
    agents = [m for m in members(team) if m.role == "agent"]
    prev = window.previous()
    weeks_start = window.end - timedelta(weeks=TREND_WEEKS - 1)
    found = figures.read(session, team.id, window.start, window.end, prev.start, prev.end,
                         weeks_start, now - timedelta(days=help_flags.RECENT_DAYS))
    # The team's total is the sum of its members' tallies: the same rollup rows (the
    # team's members, the same days), so adding them up gives the team's tally.
    team_tally = sum(found.tallies.values(), Tally())
    prev_tally = found.before
    today = now.astimezone(tz).date()
    everyone = load_progress_many(session, agents, content)
    rows = []
    for agent in agents:
        progress = everyone[agent.id]
        tally = found.tallies.get(agent.id, Tally())
        overdue = _overdue(progress, today)
        recent_n, recent_detractors = found.recent.get(agent.id, (0, 0))
        rows.append(AgentRow(
            agent=agent, progress=progress,
            passed=sum(1 for s in progress.states if s.status == "passed"),
            code=practice_code(progress),
            dimensions=found.dimensions.get(agent.id) or dict.fromkeys(DIMENSIONS),
            live=summarize(tally, min_n), recent_detractors=recent_detractors,
            overdue=overdue, recent_n=recent_n,
            flags=help_flags.flags_for(tally, team_tally, recent_detractors, overdue, min_n,
                                       recent_n)))
    weeks = tnps_report.trends_from_days("week", [found.days], weeks_start, window.end,
                                         tz)[0]
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
