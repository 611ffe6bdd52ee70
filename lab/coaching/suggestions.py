"""From what detractors' comments are about to which sector an agent should practise.

Plain rules: a topic that holds at least MIN_COMMENTS of an agent's detractor comments,
and at least a third of them, suggests the sector on that topic.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

MIN_COMMENTS = 2
MIN_SHARE = 1 / 3


@dataclass(frozen=True)
class Suggestion:
    """`count` of the agent's `total` detractor comments are about `topic`: practise `sector_id`."""

    topic: str
    count: int
    total: int
    sector_id: str


def topic_counts(comments: Iterable[str | None], topics_of: Callable[[str], tuple[str, ...]]
                 ) -> tuple[Counter[str], int]:
    """How many comments mention each topic, and how many comments had any text."""
    counts: Counter[str] = Counter()
    total = 0
    for comment in comments:
        if not comment or not comment.strip():
            continue
        total += 1
        counts.update(set(topics_of(comment)))
    return counts, total


def suggest(counts: Mapping[str, int], total: int, sector_by_topic: Mapping[str, str]
            ) -> list[Suggestion]:
    """Sectors worth assigning, the most frequent topic first."""
    found = [Suggestion(topic, count, total, sector_by_topic[topic])
             for topic, count in counts.items()
             if topic in sector_by_topic and count >= MIN_COMMENTS
             and count >= MIN_SHARE * total]
    return sorted(found, key=lambda s: (-s.count, s.topic))
