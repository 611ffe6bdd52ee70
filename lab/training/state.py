"""Reading an agent's practice: the map's sector states, XP, badges, codes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    Integer,
    String,
    bindparam,
    cast,
    literal,
    null,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.content import Content
from lab.training import progress
from lab.training.badges import BADGES
from lab.training.models import Attempt, Badge, CodexRead, LabProfile, Reply, SectorAccess

# An attempt as an object or as the row progress keeps: both have what ranking reads.
A = TypeVar("A")


def profile_of(session: Session, user: User) -> LabProfile:
    """The user's Lab profile, created on first use."""
    found = session.get(LabProfile, user.id)
    if found is None:
        found = LabProfile(user_id=user.id, xp=0)
        session.add(found)
        session.flush()
    return found


def chapters_read(session: Session, user: User) -> set[str]:
    """Slugs of the Codex chapters the user marked as read."""
    return set(session.scalars(_CHAPTERS_READ, {"user_id": user.id}))


def codex_done(read: set[str], content: Content) -> bool:
    """True when every Codex chapter is read: sector 1 opens then."""
    return all(chapter.slug in read for chapter in content.codex.chapters)


def finished_attempts(session: Session, user: User) -> list[Attempt]:
    """Every finished attempt of the user, oldest first."""
    query = (select(Attempt).where(Attempt.user_id == user.id, Attempt.finished_at.is_not(None))
             .order_by(Attempt.id))
    return list(session.scalars(query))


def best_attempts(attempts: list[A]) -> dict[str, A]:
    """The best finished attempt per sector: most stars, then the higher code, then newest
    (Attempt objects, or the rows progress keeps of them)."""
    best: dict[str, A] = {}
    for attempt in attempts:
        held = best.get(attempt.sector_id)
        key = (attempt.stars, attempt.loyalty_code or -101.0, attempt.id)
        if held is None or key > (held.stars, held.loyalty_code or -101.0, held.id):
            best[attempt.sector_id] = attempt
    return best


@dataclass(frozen=True)
class Progress:
    """Everything the map shows for one agent."""

    states: list[progress.SectorState]
    best: dict[str, BestAttempt]
    due: dict[str, date | None]
    level: progress.Level
    xp: int
    badges: list[str]
    chapters_read: set[str]
    codex_done: bool
    overall_code: float | None
    tour_done: bool
    # The ratings of each best attempt's replies, by step (the attempts' own `replies`
    # are not loaded for this: a page that shows them loads them).
    best_ratings: dict[str, list[int]] = field(default_factory=dict)


def load_progress(session: Session, user: User, content: Content) -> Progress:
    """Gather the agent's progress from the database."""
    return load_progress_many(session, [user], content)[user.id]


# The statements of load_progress_many, built once (the map, My TNPS and the team pages
# run them on every view; building them cost about as much as running them).
_IDS = bindparam("ids", expanding=True)
# The agents' attempts, Codex reads, opened sectors, profiles, badges and finished
# attempts' ratings in one UNION ALL: small reads whose statements cost far more in
# SQLAlchemy than in the database (about 0.12 ms each, and attempts as objects more).
# Rows are told apart by `kind`. The first select carries the columns' types, its NULLs
# cast (PostgreSQL types a UNION pair by pair: two bare NULLs become text, which a later
# date column then refuses, and SQLAlchemy reads each column by the first select's
# type): `name` is a sector, a chapter or a badge code; `due_on` an opened sector's due
# date; `xp` and `tour_done_at` a profile's; `attempt_id`, `finished`, `stars` and
# `code` an attempt's. Each part's `kind` is a small number, not a word: a text column
# costs the driver more per row than an integer (120 rows on a team of six).
_PROFILE, _ATTEMPT, _READ, _OPENED, _BADGE, _RATING = range(6)
_SMALL = union_all(
    select(literal(_PROFILE).label("kind"), LabProfile.user_id.label("user_id"),
           cast(null(), String).label("name"), cast(null(), Date).label("due_on"),
           LabProfile.xp.label("xp"), LabProfile.tour_done_at.label("tour_done_at"),
           cast(null(), Integer).label("attempt_id"), cast(null(), Boolean).label("finished"),
           cast(null(), Integer).label("stars"), cast(null(), Float).label("code"))
    .where(LabProfile.user_id.in_(_IDS)),
    select(literal(_ATTEMPT), Attempt.user_id, Attempt.sector_id, null(), null(), null(),
           Attempt.id, Attempt.finished_at.is_not(None), Attempt.stars, Attempt.loyalty_code)
    .where(Attempt.user_id.in_(_IDS)),
    select(literal(_READ), CodexRead.user_id, CodexRead.chapter, *(null(),) * 7)
    .where(CodexRead.user_id.in_(_IDS)),
    select(literal(_OPENED), SectorAccess.user_id, SectorAccess.sector_id,
           SectorAccess.due_on, *(null(),) * 6)
    .where(SectorAccess.user_id.in_(_IDS)),
    select(literal(_BADGE), Badge.user_id, Badge.code, *(null(),) * 7)
    .where(Badge.user_id.in_(_IDS)),
    # Each finished attempt's ratings, `xp` carrying the step and `stars` the rating:
    # progress keeps the best attempts' (the map's codes, the team's practice code).
    # Two integer columns a reply, never the replies as objects (text, feedback,
    # findings: 0.8 ms on a team of six), and no statement of their own.
    select(literal(_RATING), Attempt.user_id, null(), null(), Reply.step, null(),
           Reply.attempt_id, null(), Reply.rating, null())
    .join(Reply, Reply.attempt_id == Attempt.id)
    .where(Attempt.user_id.in_(_IDS), Attempt.finished_at.is_not(None)))


@dataclass(frozen=True)
class _Profile:
    """What progress reads of a LabProfile row."""

    xp: int
    tour_done_at: datetime | None


@dataclass(frozen=True)
class BestAttempt:
    """What progress keeps of a sector's best finished attempt (the map, the team pages
    and the briefing read no more of it)."""

    id: int
    sector_id: str
    stars: int
    loyalty_code: float | None


def load_progress_many(session: Session, users: list[User], content: Content
                       ) -> dict[int, Progress]:
    """Several agents' progress with one query per table, whatever the number of agents.

    The team pages show every agent at once; a query per agent per table made them grow
    with the team (57 statements for six agents).
    """
    ids = [user.id for user in users]
    if not ids:
        return {}
    given = {"ids": ids}
    reads: dict[int, list[str]] = {uid: [] for uid in ids}
    opened: dict[int, dict[str, date | None]] = {uid: {} for uid in ids}
    earned: dict[int, list[str]] = {uid: [] for uid in ids}
    profiles: dict[int, _Profile] = {}
    finished: dict[int, list[BestAttempt]] = {uid: [] for uid in ids}
    running: dict[int, set[str]] = {uid: set() for uid in ids}
    steps: dict[int, list[tuple[int, int]]] = {}
    # All rows fetched at once: iterating the result fetched them one by one through
    # SQLAlchemy's per-row path (some 120 rows for a team of six: 0.06 ms more).
    for (kind, uid, name, due_on, xp, tour_done_at, attempt_id, done, stars,
         code) in session.execute(_SMALL, given).all():
        if kind == _ATTEMPT:
            if done:
                finished[uid].append(BestAttempt(attempt_id, name, stars, code))
            else:
                running[uid].add(name)
        elif kind == _READ:
            reads[uid].append(name)
        elif kind == _OPENED:
            opened[uid][name] = due_on
        elif kind == _BADGE:
            earned[uid].append(name)
        elif kind == _RATING:
            steps.setdefault(attempt_id, []).append((xp, stars))
        else:
            profiles[uid] = _Profile(xp, tour_done_at)
    best = {uid: best_attempts(finished[uid]) for uid in ids}
    # The best attempts' ratings in the order of their steps.
    ratings = {a.id: [rating for _step, rating in sorted(steps.get(a.id, ()))]
               for held in best.values() for a in held.values()}
    # Read only: the map and the team pages are GET requests, which must not write
    # (a deferred SQLite transaction that reads, then inserts, can fail under load).
    order = [sector.id for sector in content.sectors]
    return {uid: _progress(order, content, set(reads[uid]), best[uid], ratings,
                           running[uid], opened[uid], profiles.get(uid), set(earned[uid]))
            for uid in ids}


def _progress(order: list[str], content: Content, read: set[str],
              best: dict[str, BestAttempt],
              ratings: dict[int, list[int]], running: set[str], due: dict[str, date | None],
              profile: _Profile | None, earned: set[str]) -> Progress:
    done = codex_done(read, content)
    states = progress.sector_states(
        order, {sid: (a.loyalty_code, a.stars) for sid, a in best.items()},
        codex_done=done, opened=set(due), in_progress=running)
    xp = profile.xp if profile else 0
    best_ratings = {sid: ratings[a.id] for sid, a in best.items()}
    passed = {sid: best_ratings[sid] for sid, a in best.items() if a.stars > 0}
    return Progress(
        states=states, best=best, due=due, best_ratings=best_ratings,
        level=progress.level_for(xp), xp=xp,
        badges=[code for code in BADGES if code in earned],
        chapters_read=read, codex_done=done,
        overall_code=progress.overall_code(passed, len(order)),
        tour_done=profile is not None and profile.tour_done_at is not None,
    )


# Built once: My TNPS runs them on every view.
_CHAPTERS_READ = select(CodexRead.chapter).where(CodexRead.user_id == bindparam("user_id"))
# The three reads of the sector states in one UNION ALL, built once (every view of My
# TNPS runs it): the user's attempts, the sectors a lead opened for them, the Codex
# chapters they read. Each statement cost more in SQLAlchemy than in the database.
_STATES = union_all(
    select(literal("attempt").label("kind"), Attempt.sector_id.label("sector_id"),
           Attempt.id.label("id"), Attempt.finished_at.label("finished_at"),
           Attempt.stars.label("stars"), Attempt.loyalty_code.label("loyalty_code"))
    .where(Attempt.user_id == bindparam("user_id")),
    select(literal("opened"), SectorAccess.sector_id, null(), null(), null(), null())
    .where(SectorAccess.user_id == bindparam("user_id")),
    select(literal("read"), CodexRead.chapter, null(), null(), null(), null())
    .where(CodexRead.user_id == bindparam("user_id")))


def load_sector_states(session: Session, user: User, content: Content
                       ) -> list[progress.SectorState]:
    """Only the sector states, in one statement (no replies, XP or badges): what My
    TNPS shows beside live TNPS."""
    rows = session.execute(_STATES, {"user_id": user.id}).all()
    attempts = [row for row in rows if row.kind == "attempt"]
    done = codex_done({row.sector_id for row in rows if row.kind == "read"}, content)
    best = best_attempts([a for a in attempts if a.finished_at is not None])
    opened = {row.sector_id for row in rows if row.kind == "opened"}
    return progress.sector_states(
        [sector.id for sector in content.sectors],
        {sid: (a.loyalty_code, a.stars) for sid, a in best.items()}, codex_done=done,
        opened=opened, in_progress={a.sector_id for a in attempts if a.finished_at is None})


def state_of(progress_: Progress, sector_id: str) -> progress.SectorState:
    """The state of one sector."""
    return next(state for state in progress_.states if state.sector_id == sector_id)
