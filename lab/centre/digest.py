"""The weekly digest: every comment of the week once, the alarming ones first and the rest
grouped by topic, with the week's TNPS by team and what changed by more than noise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.accounts.roles import Role
from lab.centre.data import Comment, comments_between
from lab.centre.report import CentreReport, build
from lab.centre.weeks import Week
from lab.followup.alarm import Alarm, alarm_of
from lab.surveys.topics import TOPICS
from lab.tnps.segments import NO_TOPIC, SegmentRow

ALARMING = "alarming"


@dataclass(frozen=True)
class DigestItem:
    """One comment with its alarm."""

    comment: Comment
    alarm: Alarm


@dataclass(frozen=True)
class DigestGroup:
    """The alarming comments, one topic's, or those without a topic."""

    key: str
    items: list[DigestItem]


@dataclass(frozen=True)
class Digest:
    """What the e-mail and the page show."""

    week: Week
    report: CentreReport
    groups: list[DigestGroup]

    @property
    def count(self) -> int:
        return sum(len(group.items) for group in self.groups)

    @property
    def changes(self) -> list[SegmentRow]:
        """Every segment (and the centre) whose TNPS moved by more than noise."""
        rows = [self.report.centre, *(row for rows in self.report.segments.values()
                                      for row in rows)]
        return [row for row in rows if row.change.significant]


def _alarming(item: DigestItem) -> bool:
    return item.comment.score <= 6 and item.alarm.level == "high"


def group_comments(comments: list[Comment], topics: tuple[str, ...] = TOPICS
                   ) -> list[DigestGroup]:
    """Each comment in exactly one group: alarming first (most alarming on top), then by
    its first topic in the topics' order, then those about no topic; oldest first inside."""
    items = [DigestItem(c, alarm_of(c.score, c.comment)) for c in comments]
    alarming = sorted((i for i in items if _alarming(i)),
                      key=lambda i: (-i.alarm.points, i.comment.answered_at, i.comment.id))
    by_topic: dict[str, list[DigestItem]] = {topic: [] for topic in (*topics, NO_TOPIC)}
    for item in items:
        if not _alarming(item):
            first = next((t for t in item.comment.topics if t in by_topic), NO_TOPIC)
            by_topic[first].append(item)
    groups = [DigestGroup(ALARMING, alarming)] if alarming else []
    groups += [DigestGroup(key, found) for key, found in by_topic.items() if found]
    return groups


def build_digest(session: Session, week: Week, tz: tzinfo, min_n: int) -> Digest:
    """The digest of one week."""
    report = build(session, week, tz, min_n, dimensions=("team", "channel", "topic"))
    return Digest(week, report, group_comments(comments_between(session, week.start, week.end)))


def default_recipients(session: Session) -> list[str]:
    """Every active manager with an e-mail address."""
    return [email for email in session.scalars(select(User.email).where(
        User.role == Role.MANAGER, User.active.is_(True), User.email.is_not(None))) if email]
