"""My TNPS as JSON for the page's poller (`/api/v1/me/tnps`, the comments' pages): the
same numbers and words the page prints, so a poll can replace them in place."""

from __future__ import annotations

from datetime import tzinfo

from lab.dashboard.comments import CommentItem, CommentPage
from lab.dashboard.present import (
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    TOPIC_LABELS,
    call_when,
    detail_text,
    tnps_text,
)
from lab.tnps.summary import Summary


def summary_json(summary: Summary, min_n: int) -> dict[str, object]:
    """A summary as the poller reads it: counts, TNPS, interval, whether enough data."""
    empty = summary.tally.n == 0
    return {
        "n": summary.tally.n, "promoters": summary.tally.promoters,
        "passives": summary.tally.passives, "detractors": summary.tally.detractors,
        "tnps": None if summary.tnps is None else round(summary.tnps, 1),
        "ci_low": None if empty else round(summary.ci_low, 1),
        "ci_high": None if empty else round(summary.ci_high, 1),
        "enough_data": summary.enough_data,
        "tnps_text": tnps_text(summary), "detail_text": detail_text(summary, min_n),
    }


def comment_json(item: CommentItem, tz: tzinfo) -> dict[str, object]:
    """One comment for the JSON API (text as stored; the page inserts it as text, not HTML)."""
    return {
        "id": item.id, "answered_at": item.answered_at.isoformat(),
        "call_ended_at": item.call_ended_at.isoformat(), "shown_at": call_when(item, tz),
        "score": item.score, "category": item.category,
        "category_label": str(CATEGORY_LABELS[item.category]), "channel": item.channel,
        "channel_label": str(CHANNEL_LABELS[item.channel]), "comment": item.comment,
        "late": item.late, "repeat": item.repeat, "topics": list(item.topics),
        "topic_labels": [str(TOPIC_LABELS[topic]) for topic in item.topics],
    }


def page_json(page: CommentPage, tz: tzinfo) -> dict[str, object]:
    """A page of comments for the JSON API."""
    return {"total": page.total, "page": page.page, "pages": page.pages,
            "comments": [comment_json(item, tz) for item in page.items]}
