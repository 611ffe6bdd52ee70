"""Leads' reviews over the database: saving one, and reading them for pages and the export."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.calibration.agreement import Pair
from lab.calibration.models import OVERRIDE, RIGHT, ReplyReview
from lab.db import utcnow
from lab.system.settings import audit
from lab.training.models import Attempt, Reply

COMMENT_MAX = 500


class ReviewError(ValueError):
    """A review that cannot be saved; `code` names the reason for the message."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def review_reply(session: Session, reply: Reply, reviewer: User, verdict: str,
                 rating: int | None = None, comment: str | None = None) -> ReplyReview:
    """Save (or replace) the review of a reply. "right" keeps the scorer's rating; an
    override needs the lead's rating (0-10) and a comment saying why. Audited."""
    comment = (comment or "").strip() or None
    if verdict == RIGHT:
        rating = reply.rating
    elif verdict == OVERRIDE:
        if rating is None or not 0 <= rating <= 10:
            raise ReviewError("rating")
        if rating == reply.rating:
            verdict = RIGHT  # "my rating" is the scorer's own: nothing to explain
        elif comment is None:
            raise ReviewError("comment_missing")
    else:
        raise ReviewError("verdict")
    if comment is not None and len(comment) > COMMENT_MAX:
        raise ReviewError("comment_long")
    review = session.scalar(select(ReplyReview).where(ReplyReview.reply_id == reply.id))
    now = utcnow()
    if review is None:
        review = ReplyReview(reply=reply, reply_id=reply.id, created_at=now)
        session.add(review)
    review.verdict, review.lead_rating, review.comment = verdict, rating, comment
    review.reviewer_id, review.reviewer_label, review.updated_at = reviewer.id, reviewer.login, now
    audit(session, "reply.review", f"reply {reply.id}",
          f"{verdict}: scorer {reply.rating}, lead {rating}", actor=reviewer)
    return review


def reviews_of(session: Session, replies: list[Reply]) -> dict[int, ReplyReview]:
    """The current review of each of these replies that has one, by reply id."""
    ids = [reply.id for reply in replies]
    if not ids:
        return {}
    return {review.reply_id: review for review in session.scalars(
        select(ReplyReview).where(ReplyReview.reply_id.in_(ids)))}


@dataclass(frozen=True)
class SectorMark:
    """On the map: how many of an agent's replies in a sector a lead reviewed, and where."""

    count: int
    commented: int
    attempt_id: int  # the latest attempt with a review: its result page shows them


# Built once: the map runs it on every view.
_MARKS = (select(Attempt.sector_id, func.count(ReplyReview.id),
                 func.count(ReplyReview.comment), func.max(Attempt.id))
          .join(Reply, Reply.attempt_id == Attempt.id)
          .join(ReplyReview, ReplyReview.reply_id == Reply.id)
          .where(Attempt.user_id == bindparam("agent_id"), Attempt.finished_at.is_not(None))
          .group_by(Attempt.sector_id))


def marks_for(session: Session, agent: User) -> dict[str, SectorMark]:
    """Per sector, the agent's reviewed replies (one statement for the whole map)."""
    return {sector: SectorMark(count, commented, attempt_id)
            for sector, count, commented, attempt_id
            in session.execute(_MARKS, {"agent_id": agent.id})}


@dataclass(frozen=True)
class Reviewed:
    """A reviewed reply with what the admin page and the export need."""

    review: ReplyReview
    reply: Reply
    sector: str
    agent_login: str

    @property
    def pair(self) -> Pair:
        """The scorer's and the lead's rating, with the groups they fall in."""
        return Pair(self.reply.rating, self.review.lead_rating, self.sector, self.reply.lang,
                    self.reply.created_at)


def all_reviewed(session: Session) -> list[Reviewed]:
    """Every reviewed reply, oldest reply first."""
    stmt = (select(ReplyReview, Reply, Attempt.sector_id, User.login)
            .join(Reply, ReplyReview.reply_id == Reply.id)
            .join(Attempt, Reply.attempt_id == Attempt.id)
            .join(User, Attempt.user_id == User.id)
            .order_by(Reply.created_at, Reply.id))
    return [Reviewed(review, reply, sector, login)
            for review, reply, sector, login in session.execute(stmt)]


def export_rows(reviewed: list[Reviewed]) -> list[dict]:
    """Labelled rows in the layout of the sets under tests/eval: the lead's rating is the
    label. The kind is not known for a real reply, so it is left out; no fitting has seen
    these replies, so they are holdout material."""
    return [{
        "id": f"review-{item.review.id}",
        "sector": item.sector,
        "lang": item.reply.lang,
        "step": item.reply.step,
        "label": item.review.lead_rating,
        "split": "holdout",
        "text": item.reply.text,
        "scorer_rating": item.reply.rating,
        "comment": item.review.comment,
        "reviewed_at": item.review.updated_at.isoformat(),
    } for item in reviewed]
