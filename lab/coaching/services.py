"""Coaching over the database: notes, sector suggestions from comments, training's effect."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.coaching.effect import DEFAULT_DAYS, BeforeAfter, before_after
from lab.coaching.models import AgentNote
from lab.coaching.suggestions import Suggestion, suggest, topic_counts
from lab.content import Content
from lab.surveys.models import SurveyResponse
from lab.surveys.topics import topics_of
from lab.system.settings import audit
from lab.training.models import Attempt

NOTE_MAX = 4000


class NoteError(ValueError):
    """A note that cannot be saved."""


def add_note(session: Session, agent: User, author: User, text: str) -> AgentNote:
    """Save a lead's note about an agent; recorded in the audit log (without its text)."""
    text = (text or "").strip()
    if not text:
        raise NoteError("the note is empty")
    if len(text) > NOTE_MAX:
        raise NoteError(f"the note is longer than {NOTE_MAX} characters")
    note = AgentNote(agent_id=agent.id, author_id=author.id, author_label=author.login,
                     text=text)
    session.add(note)
    audit(session, "agent.note", agent.login, f"{len(text)} characters", actor=author)
    return note


def notes_of(session: Session, agent: User) -> list[AgentNote]:
    """The notes about an agent, newest first."""
    return list(session.scalars(select(AgentNote).where(AgentNote.agent_id == agent.id)
                                .order_by(AgentNote.id.desc())))


def detractor_comments(session: Session, agent_ids: list[int], since: datetime
                       ) -> dict[int, list[str]]:
    """Each agent's detractor comments since a moment (late answers included: they still
    say what went wrong)."""
    stmt = (select(SurveyResponse.agent_id, SurveyResponse.comment)
            .where(SurveyResponse.agent_id.in_(agent_ids), SurveyResponse.score <= 6,
                   SurveyResponse.comment.is_not(None), SurveyResponse.answered_at >= since))
    found: dict[int, list[str]] = {agent_id: [] for agent_id in agent_ids}
    for agent_id, comment in session.execute(stmt):
        found[agent_id].append(comment)
    return found


@dataclass(frozen=True)
class AgentTopics:
    """One agent's detractor comments by topic, and the sectors they suggest."""

    agent: User
    counts: dict[str, int]
    total: int
    suggestions: list[Suggestion]


def suggestions_for(session: Session, agents: list[User], content: Content, since: datetime
                    ) -> list[AgentTopics]:
    """Topic counts and suggestions per agent, agents with suggestions first."""
    by_topic = {sector.topic: sector.id for sector in content.sectors}
    comments = detractor_comments(session, [a.id for a in agents], since)
    found = []
    for agent in agents:
        counts, total = topic_counts(comments[agent.id], topics_of)
        found.append(AgentTopics(agent, dict(counts), total, suggest(counts, total, by_topic)))
    found.sort(key=lambda a: (not a.suggestions, -a.total, a.agent.name))
    return found


def first_passes(session: Session, agent_ids: list[int]) -> dict[tuple[int, str], datetime]:
    """When each agent first passed each sector: their first finished attempt with a star."""
    stmt = (select(Attempt.user_id, Attempt.sector_id, func.min(Attempt.finished_at))
            .where(Attempt.user_id.in_(agent_ids), Attempt.stars > 0,
                   Attempt.finished_at.is_not(None))
            .group_by(Attempt.user_id, Attempt.sector_id))
    return {(user_id, sector_id): at for user_id, sector_id, at in session.execute(stmt)}


@dataclass(frozen=True)
class SectorEffect:
    """An agent's live TNPS around the day they passed a sector."""

    agent: User
    sector_id: str
    passed_at: datetime
    result: BeforeAfter


def effects_for(session: Session, agents: list[User], min_n: int, days: int = DEFAULT_DAYS
                ) -> list[SectorEffect]:
    """Before/after for every agent and every sector they passed."""
    passes = first_passes(session, [a.id for a in agents])
    if not passes:
        return []
    by_id = {a.id: a for a in agents}
    span = timedelta(days=days)
    # One statement for every pass's window, not one per pass: the page stays flat in
    # the team's size. An answer near two passes is read once and used for both.
    windows = [and_(SurveyResponse.agent_id == agent_id,
                    SurveyResponse.call_ended_at >= passed_at - span,
                    SurveyResponse.call_ended_at < passed_at + span)
               for (agent_id, _sector), passed_at in passes.items()]
    answers: dict[int, list[tuple[datetime, int]]] = {agent_id: [] for agent_id, _ in passes}
    for agent_id, ended, score in session.execute(
            select(SurveyResponse.agent_id, SurveyResponse.call_ended_at, SurveyResponse.score)
            .where(SurveyResponse.late.is_(False), SurveyResponse.repeat_of.is_(None),
                   or_(*windows))):
        answers[agent_id].append((ended, score))
    return [SectorEffect(by_id[agent_id], sector_id, passed_at,
                         before_after(answers[agent_id], passed_at, days, min_n))
            for (agent_id, sector_id), passed_at in sorted(passes.items(),
                                                            key=lambda kv: kv[1])]
