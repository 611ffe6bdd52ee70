"""One customer, one voice: which of a customer's answers count. Plain Python.

The store may name the customer (customer_key). The app keeps only an HMAC of it, with a
secret of its own, so the stored value cannot be turned back into a phone number or an
account by anyone who reads the database, nor matched against another system's hashes.
Within the window (default 183 days) one answer of a customer counts: the first or
the latest, by the call's end. The others are kept and marked with the one that counts.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

FIRST, LATEST = "first", "latest"


def customer_hash(secret: bytes, key: str | None) -> str | None:
    """The keyed hash stored for a customer key (None for no key)."""
    if key is None:
        return None
    return hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Answer:
    """The little of one customer's answer the rule needs."""

    id: int
    call_ended_at: datetime


def repeats(answers: Iterable[Answer], window: timedelta, keep: str = FIRST
            ) -> dict[int, int | None]:
    """For every answer of one customer, None when it counts, else the id of the answer
    that counts in its place.

    `first`: an answer counts when no counted answer came within the window before it,
    as a survey that asks a customer at most once per window would have it. `latest`
    is the mirror: an answer counts when no counted one comes within the window after
    it. Ties on the moment are broken by id, so the outcome never depends on the order
    the answers arrived in.
    """
    if keep not in (FIRST, LATEST):
        raise ValueError(f"the rule is 'first' or 'latest', got {keep!r}")
    ordered = sorted(answers, key=lambda item: (item.call_ended_at, item.id),
                     reverse=keep == LATEST)
    found: dict[int, int | None] = {}
    anchor: Answer | None = None
    for item in ordered:
        if anchor is None or abs(item.call_ended_at - anchor.call_ended_at) >= window:
            anchor = item
            found[item.id] = None
        else:
            found[item.id] = anchor.id
    return found
