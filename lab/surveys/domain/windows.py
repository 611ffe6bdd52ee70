"""How long each survey channel may take before an answer counts as late."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import timedelta


@dataclass(frozen=True)
class Windows:
    """Time limits after the call's end (IVR, SMS sending) and after the SMS (answer)."""

    # The IVR asks for the score right after the agent hangs up; ten minutes is generous.
    ivr_answer_max: timedelta = timedelta(minutes=10)
    # The SMS survey is due within 24 hours of the call ...
    sms_send_max: timedelta = timedelta(hours=24)
    # ... and the customer has one more day after it arrives to answer.
    sms_answer_max: timedelta = timedelta(hours=24)

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, timedelta) or value <= timedelta(0):
                raise ValueError(f"{field.name} must be a positive timedelta, got {value!r}")


DEFAULT_WINDOWS = Windows()
