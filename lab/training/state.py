"""Reading an agent's practice: the map's sector states, XP, badges, codes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, inspect, literal, null, select, union_all
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from lab.accounts.models import User
from lab.content import Content
from lab.training import progress
from lab.training.badges import BADGES
from lab.training.models import Attempt, Badge, CodexRead, LabProfile, Reply, SectorAccess


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


def best_attempts(attempts: list[Attempt]) -> dict[str, Attempt]:
    """The best finished attempt per sector: most stars, then the higher code, then newest."""
    best: dict[str, Attempt] = {}
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
    best: dict[str, Attempt]
    due: dict[str, date | None]
    level: progress.Level
    xp: int
    badges: list[str]
    chapters_read: set[str]
    codex_done: bool
    overall_code: float | None
    tour_done: bool


def load_progress(session: Session, user: User, content: Content) -> Progress:
    """Gather the agent's progress from the database."""
    return load_progress_many(session, [user], content)[user.id]


def _grouped(rows, keys: list[int]) -> dict[int, list]:
    """(key, value) pairs grouped by key, with an empty list for every key asked for."""
    grouped: dict[int, list] = {key: [] for key in keys}
    for key, value in rows:
        grouped[key].append(value)
    return grouped


# The statements of load_progress_many, built once (the map, My TNPS and the team pages
# run them on every view; building them cost about as much as running them).
_IDS = bindparam("ids", expanding=True)
_READS = select(CodexRead.user_id, CodexRead.chapter).where(CodexRead.user_id.in_(_IDS))
_ATTEMPTS = select(Attempt).where(Attempt.user_id.in_(_IDS)).order_by(Attempt.id)
_ACCESS = select(SectorAccess).where(SectorAccess.user_id.in_(_IDS))
_PROFILES = select(LabProfile).where(LabProfile.user_id.in_(_IDS))
_BADGES = select(Badge.user_id, Badge.code).where(Badge.user_id.in_(_IDS))
_REPLIES = (select(Reply).where(Reply.attempt_id.in_(_IDS))
            .order_by(Reply.attempt_id, Reply.step))


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
    reads = _grouped(session.execute(_READS, given), ids)
    attempts = session.scalars(_ATTEMPTS, given).all()
    finished = _grouped(((a.user_id, a) for a in attempts if a.finished_at is not None), ids)
    best = {uid: best_attempts(finished[uid]) for uid in ids}
    _attach_replies(session, [a for held in best.values() for a in held.values()])
    running = _grouped(((a.user_id, a.sector_id) for a in attempts if a.finished_at is None),
                       ids)
    access = _grouped(((row.user_id, row) for row in session.scalars(_ACCESS, given)), ids)
    # Read only: the map and the team pages are GET requests, which must not write
    # (a deferred SQLite transaction that reads, then inserts, can fail under load).
    profiles = {p.user_id: p for p in session.scalars(_PROFILES, given)}
    earned = _grouped(session.execute(_BADGES, given), ids)
    order = [sector.id for sector in content.sectors]
    return {uid: _progress(order, content, set(reads[uid]), best[uid], set(running[uid]),
                           {row.sector_id: row for row in access[uid]}, profiles.get(uid),
                           set(earned[uid]))
            for uid in ids}


def _attach_replies(session: Session, attempts: list[Attempt]) -> None:
    """Load the replies of the given attempts in one statement (only the best ones count).

    Attempts whose replies this session already holds keep them (they may be newer).
    """
    attempts = [a for a in attempts if "replies" in inspect(a).unloaded]
    if not attempts:
        return
    replies = _grouped(((r.attempt_id, r) for r in session.scalars(
        _REPLIES, {"ids": [a.id for a in attempts]})), [a.id for a in attempts])
    for attempt in attempts:
        set_committed_value(attempt, "replies", replies[attempt.id])


def _progress(order: list[str], content: Content, read: set[str], best: dict[str, Attempt],
              running: set[str], access: dict[str, SectorAccess], profile: LabProfile | None,
              earned: set[str]) -> Progress:
    done = codex_done(read, content)
    states = progress.sector_states(
        order, {sid: (a.loyalty_code, a.stars) for sid, a in best.items()},
        codex_done=done, opened=set(access), in_progress=running)
    xp = profile.xp if profile else 0
    passed = {sid: [r.rating for r in a.replies] for sid, a in best.items() if a.stars > 0}
    return Progress(
        states=states, best=best, due={sid: row.due_on for sid, row in access.items()},
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
