"""Playing a sector: starting or continuing an attempt, replying, asking for a hint."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.content import Sector
from lab.scoring import ScoreResult, score_reply
from lab.scoring.written import written_in
from lab.training import conversation, progress
from lab.training.models import Attempt, HintUse, Reply
from lab.training.state import Progress, profile_of, state_of

MAX_REPLY = 2000


class PlayError(Exception):
    """A move the Lab refuses, with a code the page turns into a clear message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        # locked | empty | too_long | stale | out_of_order | finished | busy | stale_retry |
        # in_russian | in_english (the reply is not in the call's language)
        self.code = code


def current_attempt(session: Session, user: User, sector_id: str) -> Attempt | None:
    """The user's unfinished attempt at this sector, if any."""
    query = select(Attempt).where(Attempt.user_id == user.id, Attempt.sector_id == sector_id,
                                  Attempt.finished_at.is_(None)).order_by(Attempt.id.desc())
    return session.scalars(query).first()


def start(session: Session, user: User, sector: Sector, version: str,
          progress_: Progress) -> Attempt:
    """Continue the open attempt, or begin a new one when the sector is open to the user."""
    if state_of(progress_, sector.id).status == "locked":
        raise PlayError("locked")
    attempt = current_attempt(session, user, sector.id)
    if attempt is not None and attempt.content_version != version and not attempt.replies:
        attempt.content_version = version  # nothing said yet: move it to the new content
    if attempt is None:
        attempt = Attempt(user_id=user.id, sector_id=sector.id, content_version=version)
        session.add(attempt)
        session.flush()
    return attempt


def retry_from(session: Session, user: User, sector: Sector, source: Attempt, step: int,
               version: str) -> Attempt:
    """A new attempt that keeps `source`'s replies before `step` and continues from there.

    The kept replies are copied with their scores and findings, so the customer remembers
    what was said, but earn no XP a second time. Refused when the sector changed since the
    source was played, or while another attempt at the sector is under way with replies.
    """
    if source.finished_at is None or not 1 <= step <= len(sector.trials):
        raise PlayError("out_of_order")
    if source.content_version != version:
        raise PlayError("stale_retry")
    open_ = current_attempt(session, user, sector.id)
    if open_ is not None and open_.replies:
        raise PlayError("busy")
    if open_ is not None:
        session.delete(open_)  # begun but empty: nothing is lost
        session.flush()
    attempt = Attempt(user_id=user.id, sector_id=sector.id, content_version=version)
    for kept in source.replies:
        if kept.step < step:
            attempt.replies.append(Reply(
                step=kept.step, lang=kept.lang, text=kept.text, mood=kept.mood,
                reliability=kept.reliability, empathy=kept.empathy,
                inspiration=kept.inspiration, rating=kept.rating, category=kept.category,
                feedback=kept.feedback, findings=kept.findings, hint_used=kept.hint_used, xp=0))
    session.add(attempt)
    session.flush()
    return attempt


def call_lang(attempt: Attempt, asked: str) -> str:
    """The language of the call: that of its first reply, so a language switched halfway
    does not mix Russian customer lines with English replies; `asked` before any reply."""
    return attempt.replies[0].lang if attempt.replies else asked


def next_step(attempt: Attempt) -> int:
    """The step the agent answers next (1-based)."""
    return len(attempt.replies) + 1


def hint_used(session: Session, attempt: Attempt, step: int) -> bool:
    """True when a hint was asked for at this step."""
    return session.get(HintUse, (attempt.id, step)) is not None


def use_hint(session: Session, attempt: Attempt, step: int) -> None:
    """Record the hint (once); its XP cost is taken from the reply at this step."""
    if not hint_used(session, attempt, step):
        session.add(HintUse(attempt_id=attempt.id, step=step))


@dataclass(frozen=True)
class Sent:
    """The stored reply and whether this call stored it (False: it was already there)."""

    reply: Reply
    new: bool


def reply(session: Session, user: User, sector: Sector, attempt: Attempt, *, step: int,
          text: str, lang: str, version: str) -> Sent:
    """Score and store the reply to `step`. A repeated post returns the stored reply."""
    if attempt.finished_at is not None:
        raise PlayError("finished")
    existing = next((r for r in attempt.replies if r.step == step), None)
    if existing is not None:
        # The same text again is a double click: answer as before. Other words for a step
        # already answered come from the browser's history: keep them and say so.
        if existing.text != text.strip():
            raise PlayError("answered")
        return Sent(existing, new=False)
    if step != next_step(attempt):
        raise PlayError("out_of_order")
    if attempt.content_version != version:
        raise PlayError("stale")
    text = text.strip()
    if not text:
        raise PlayError("empty")
    if len(text) > MAX_REPLY:
        raise PlayError("too_long")
    written = written_in(text)
    if written is not None and written != lang:
        raise PlayError("in_russian" if written == "ru" else "in_english")
    mood = conversation.mood_at(sector, attempt, step)
    trial = sector.trial(step)
    given = conversation.given_needs(trial, conversation.memory(sector, attempt.replies, step))
    result: ScoreResult = score_reply(trial, text, lang, mood=mood, given=given)
    used = hint_used(session, attempt, step)
    stored = _store(attempt, step, text, lang, mood, result, used)
    session.add(stored)
    try:
        session.flush()
    except IntegrityError:  # the same step posted twice at once: keep the first
        session.rollback()
        raise PlayError("duplicate") from None
    profile_of(session, user).xp += stored.xp
    return Sent(stored, new=True)


def _store(attempt: Attempt, step: int, text: str, lang: str, mood: str,
           result: ScoreResult, hint: bool) -> Reply:
    data = result.to_json()
    stored = Reply(
        step=step, lang=lang, text=text, mood=mood,
        reliability=data["scores"]["reliability"], empathy=data["scores"]["empathy"],
        inspiration=data["scores"]["inspiration"], rating=data["rating"],
        category=data["category"], feedback=json.dumps(data["feedback"], ensure_ascii=False),
        hint_used=hint, xp=progress.reply_xp(data["rating"], hint),
        findings=json.dumps(result.findings.to_json()),
    )
    attempt.replies.append(stored)
    return stored
