"""Survey rows from the store: validation into typed responses. No Flask, no database."""

from lab.surveys.domain.fields import MAX_COMMENT, MAX_RESPONSE_ID
from lab.surveys.domain.response import Channel, Lateness, Rejected, Response, Valid
from lab.surveys.domain.validation import REQUIRED_FIELDS, lateness, validate_row
from lab.surveys.domain.windows import DEFAULT_WINDOWS, Windows

__all__ = [
    "DEFAULT_WINDOWS",
    "MAX_COMMENT",
    "MAX_RESPONSE_ID",
    "REQUIRED_FIELDS",
    "Channel",
    "Lateness",
    "Rejected",
    "Response",
    "Valid",
    "Windows",
    "lateness",
    "validate_row",
]
