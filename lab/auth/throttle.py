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
