"""The fairness page's numbers for one team: counts read from the rollups, then judged.

The recent window is the last 30 local days; "before" is the 90 days before it. Only
counted answers take part (no late ones, no repeats of a customer), the ones TNPS and
the bonus use. A handful of statements whatever the team's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.fairness.models import FairnessReview
from lab.fairness.signals import KINDS, Counts, Verdict, judge
from lab.surveys.models import SurveyResponse, TnpsDaily, TnpsTopicDaily
from lab.surveys.topics import ASKED_SCORE, TOPIC_BIT
from lab.team.window import Window
from lab.tnps.scheme_store import load_scheme
from lab.tnps.tally import Tally

RECENT_DAYS = 30
BEFORE_DAYS = 90
MAX_COMMENTS = 8


@dataclass(frozen=True)
class Comment:
    """A customer's comment shown as evidence (escaped by the template, never trusted)."""

    id: int
    call_ended_at: datetime
    channel: str
    score: int
    text: str


@dataclass(frozen=True)
class AgentFairness:
    agent: User
    verdict: Verdict
    past: Counts
    comments: list[Comment]
    reviews: dict[str, FairnessReview]  # the latest note per kind in this window


@dataclass(frozen=True)
class TeamFairness:
    window: Window
    before: Window
    team: Counts
    agents: list[AgentFairness]

    @property
    def flagged(self) -> list[AgentFairness]:
        return [row for row in self.agents if row.verdict.raised]


def _bounds(window: Window, tz: tzinfo) -> tuple[datetime, datetime]:
    return (datetime.combine(window.start, time(0), tzinfo=tz),
            datetime.combine(window.end + timedelta(days=1), time(0), tzinfo=tz))


def _tallies(session: Session, ids: list[int], window: Window) -> dict[int, dict[str, Tally]]:
    rows = session.execute(
        select(TnpsDaily.agent_id, TnpsDaily.channel, func.sum(TnpsDaily.promoters),
               func.sum(TnpsDaily.passives), func.sum(TnpsDaily.detractors))
        .where(TnpsDaily.agent_id.in_(ids), TnpsDaily.day >= window.start,
               TnpsDaily.day <= window.end)
        .group_by(TnpsDaily.agent_id, TnpsDaily.channel))
    found: dict[int, dict[str, Tally]] = {}
    for agent_id, channel, p, s, d in rows:
        found.setdefault(agent_id, {})[channel] = Tally(int(p or 0), int(s or 0), int(d or 0))
    return found


def _silent_tens(session: Session, ids: list[int], window: Window, tz: tzinfo
                 ) -> dict[int, int]:
    start, end = _bounds(window, tz)
    return dict(session.execute(
        select(SurveyResponse.agent_id, func.count())
        .where(SurveyResponse.agent_id.in_(ids), SurveyResponse.call_ended_at >= start,
               SurveyResponse.call_ended_at < end, SurveyResponse.score == 10,
               SurveyResponse.comment.is_(None), SurveyResponse.late.is_(False),
               SurveyResponse.repeat_of.is_(None))
        .group_by(SurveyResponse.agent_id)).all())


def _asked(session: Session, ids: list[int], window: Window) -> dict[int, int]:
    return {agent_id: int(total or 0) for agent_id, total in session.execute(
        select(TnpsTopicDaily.agent_id, func.sum(TnpsTopicDaily.promoters
                                                 + TnpsTopicDaily.passives
                                                 + TnpsTopicDaily.detractors))
        .where(TnpsTopicDaily.agent_id.in_(ids), TnpsTopicDaily.topic == ASKED_SCORE,
               TnpsTopicDaily.day >= window.start, TnpsTopicDaily.day <= window.end)
        .group_by(TnpsTopicDaily.agent_id))}


def counts(session: Session, ids: list[int], window: Window, tz: tzinfo) -> dict[int, Counts]:
    """Each agent's counted answers over the window, as the signals read them."""
    if not ids:
        return {}
    tallies = _tallies(session, ids, window)
    tens = _silent_tens(session, ids, window, tz)
    asked = _asked(session, ids, window)
    return {agent_id: Counts(tallies.get(agent_id, {}).get("ivr", Tally()),
                             tallies.get(agent_id, {}).get("sms", Tally()),
                             int(tens.get(agent_id, 0)), asked.get(agent_id, 0))
            for agent_id in ids}


def asked_comments(session: Session, ids: list[int], window: Window, tz: tzinfo
                   ) -> dict[int, list[Comment]]:
    """The comments saying the agent asked for the score, newest first, a few each."""
    if not ids:
        return {}
    start, end = _bounds(window, tz)
    found: dict[int, list[Comment]] = {}
    for row in session.execute(
            select(SurveyResponse.agent_id, SurveyResponse.id, SurveyResponse.call_ended_at,
                   SurveyResponse.channel, SurveyResponse.score, SurveyResponse.comment)
            .where(SurveyResponse.agent_id.in_(ids), SurveyResponse.call_ended_at >= start,
                   SurveyResponse.call_ended_at < end, SurveyResponse.comment.is_not(None),
                   SurveyResponse.topics.op("&")(TOPIC_BIT[ASKED_SCORE]) != 0)
            .order_by(SurveyResponse.call_ended_at.desc())):
        held = found.setdefault(row.agent_id, [])
        if len(held) < MAX_COMMENTS:
            held.append(Comment(row.id, row.call_ended_at, row.channel, row.score,
                                row.comment or ""))
    return found


def latest_reviews(session: Session, ids: list[int], since: date
                   ) -> dict[int, dict[str, FairnessReview]]:
    """The newest note per agent and kind for periods ending on or after `since`."""
    found: dict[int, dict[str, FairnessReview]] = {}
    if not ids:
        return found
    for review in session.scalars(
            select(FairnessReview).where(FairnessReview.agent_id.in_(ids),
                                         FairnessReview.period_end >= since)
            .order_by(FairnessReview.created_at, FairnessReview.id)):
        found.setdefault(review.agent_id, {})[review.kind] = review  # the newest wins
    return found


def _both(channels: dict[str, Tally] | None) -> Tally:
    return sum((channels or {}).values(), Tally())


def recent_window(today: date) -> tuple[Window, Window]:
    """The last RECENT_DAYS local days and the BEFORE_DAYS before them."""
    recent = Window(today - timedelta(days=RECENT_DAYS - 1), today)
    before = Window(recent.start - timedelta(days=BEFORE_DAYS), recent.start - timedelta(days=1))
    return recent, before


def team_fairness(session: Session, agents: list[User], today: date, tz: tzinfo,
                  min_n: int) -> TeamFairness:
    """Every agent of a team judged against the rest of it and their own 90 days before."""
    recent, before = recent_window(today)
    ids = [agent.id for agent in agents]
    now_counts = counts(session, ids, recent, tz)
    past_counts = counts(session, ids, before, tz)
    middle = recent.start + timedelta(days=RECENT_DAYS // 2)
    earlier = _tallies(session, ids, Window(recent.start, middle - timedelta(days=1)))
    later = _tallies(session, ids, Window(middle, recent.end))
    tiers = [tier for tier, _percent in load_scheme(session).tiers]
    team = sum(now_counts.values(), Counts())
    verdicts = {agent_id: judge(now_counts[agent_id], team, past_counts[agent_id], min_n,
                                (_both(earlier.get(agent_id)), _both(later.get(agent_id))),
                                tiers)
                for agent_id in ids}
    raised = [agent_id for agent_id, verdict in verdicts.items() if verdict.raised]
    comments = asked_comments(session, raised, recent, tz)
    reviews = latest_reviews(session, ids, recent.start)
    rows = [AgentFairness(agent, verdicts[agent.id], past_counts[agent.id],
                          comments.get(agent.id, []), reviews.get(agent.id, {}))
            for agent in agents]
    rows.sort(key=lambda row: (not row.verdict.raised, row.agent.name or row.agent.login))
    return TeamFairness(recent, before, team, rows)


def add_review(session: Session, agent: User, reviewer: User, kind: str, note: str,
               period_end: date) -> FairnessReview:
    """Record that a lead looked into an agent's flag (the caller commits and audits)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    review = FairnessReview(agent_id=agent.id, kind=kind, period_end=period_end,
                            reviewer_id=reviewer.id, note=note.strip())
    session.add(review)
    return review
