"""How long a login must wait after too many failures: a sliding window, plain maths."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta


def retry_after(
    failures: Sequence[datetime], now: datetime, limit: int, window: timedelta
) -> int | None:
    """Seconds to wait when `limit` failures fall inside `window` before `now`, else None."""
    recent = sorted(moment for moment in failures if moment > now - window)
    if len(recent) < limit:
        return None
    # Unblocked when the oldest of the last `limit` failures leaves the window.
    unlock_at = recent[-limit] + window
    return max(1, math.ceil((unlock_at - now).total_seconds()))


def growing_delay(
    failures: Sequence[datetime], now: datetime, free: int, base: timedelta, cap: timedelta
) -> int | None:
    """Seconds to wait after the failures of one (account, address) pair, else None.

    The first `free` failures cost nothing (typos); each one after doubles the wait from
    the last failure: base, 2 base, 4 base ... up to cap. Someone guessing from another
    address adds nothing to this pair, so a colleague cannot be locked out from afar.
    """
    if len(failures) < free or not failures:
        return None
    wait = min(cap, base * 2 ** min(len(failures) - free, 30))
    until = max(failures) + wait
    if until <= now:
        return None
    return max(1, math.ceil((until - now).total_seconds()))
