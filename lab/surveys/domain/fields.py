"""Parsers for the single fields of a survey row; each refuses with a reason and a detail."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

MAX_RESPONSE_ID = 100
MAX_CALL_ID = 100
MAX_COMMENT = 4000
MAX_CUSTOMER_KEY = 200
# The store's id is a BIGINT cursor: a larger one cannot be stored or compared with it.
MAX_STORE_ID = 2**63 - 1
# Survey answers from before the Lab's time or far ahead are typos or attacks; the year
# 9999 also overflows as soon as it is moved into a zone east of UTC.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LATEST = datetime(2100, 1, 1, tzinfo=UTC)
_SHOWN = 60  # how much of a bad value a detail quotes


class FieldError(ValueError):
    """One field refused: the reason code, the field and a human detail."""

    def __init__(self, reason: str, field: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.field = field
        self.detail = detail


def shown(value: object) -> str:
    """Quote a value for a detail message, cut short so one bad cell cannot flood a log."""
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def is_blank(value: object) -> bool:
    """Tell whether a cell holds nothing: absent, None, or only whitespace."""
    return value is None or (isinstance(value, str) and not value.strip())


def require(raw: Mapping[str, object], field: str) -> object:
    """Return the field's value, refusing a missing or blank one."""
    value = raw.get(field)
    if is_blank(value):
        raise FieldError("missing_field", field, f"{field} is required, got {shown(value)}")
    return value


def unreadable_text(text: str, allow_breaks: bool = False) -> bool:
    """True for text no database can keep: a lone surrogate (not UTF-8), a NUL (PostgreSQL
    refuses it) or, unless allowed, a control character such as a line break in an id."""
    if not text.isprintable():
        for char in text:
            code = ord(char)
            if 0xD800 <= code <= 0xDFFF or code == 0:
                return True
            if not allow_breaks and (code < 0x20 or code == 0x7F):
                return True
    return False


def parse_text_id(value: object, field: str, reason: str, max_len: int) -> str:
    """Return an identifier as stripped text; stores may hand back integers for text ids."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value) if abs(value) <= MAX_STORE_ID else value
    if not isinstance(value, str):
        raise FieldError(reason, field, f"{field} must be text, got {shown(value)}")
    if unreadable_text(value):
        raise FieldError(reason, field, f"{field} holds characters that are not text: "
                         f"{shown(value)}")
    text = value.strip()
    if len(text) > max_len:
        raise FieldError(
            reason, field, f"{field} is {len(text)} characters, over {max_len}: {shown(text)}"
        )
    return text


def parse_score(value: object) -> int:
    """Return a 0-10 score from an int or a string of digits; refuse everything else."""
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    # bool is an int to Python but never a score; floats (6.5, even 7.0) are not scores.
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(
            "bad_score", "score", f"score must be a whole number 0-10, got {shown(value)}"
        )
    if not 0 <= value <= 10:
        raise FieldError("bad_score", "score", f"score must be from 0 to 10, got {value}")
    return value


def parse_timestamp(value: object, field: str) -> datetime:
    """Return an aware datetime from a datetime or an ISO 8601 string with an offset."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise FieldError(
                "bad_timestamp", field, f"{field} is not an ISO 8601 timestamp: {shown(value)}"
            ) from None
    if not isinstance(value, datetime):
        raise FieldError("bad_timestamp", field, f"{field} must be a timestamp, got {shown(value)}")
    # Without an offset we cannot tell which day, or which window, the answer fell in.
    if value.tzinfo is None or value.utcoffset() is None:
        raise FieldError(
            "naive_timestamp", field, f"{field} has no UTC offset: {value.isoformat()}"
        )
    try:
        instant = value.astimezone(UTC)
    except OverflowError:
        instant = None
    if instant is None or not EARLIEST <= instant < LATEST:
        raise FieldError(
            "timestamp_out_of_range", field,
            f"{field} {value.isoformat()} is not between {EARLIEST.year} and {LATEST.year}")
    return value


def parse_comment(value: object) -> str | None:
    """Return the stripped comment, None when empty; refuse non-text and over-long ones."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError("bad_comment", "comment", f"comment must be text, got {shown(value)}")
    if unreadable_text(value, allow_breaks=True):
        raise FieldError("bad_comment", "comment",
                         f"comment holds characters that are not text: {shown(value)}")
    text = value.strip()
    if len(text) > MAX_COMMENT:
        raise FieldError(
            "comment_too_long",
            "comment",
            f"comment is {len(text)} characters, over {MAX_COMMENT}: {shown(text)}",
        )
    return text or None


def parse_customer_key(value: object) -> str | None:
    """Return the customer's key as stripped text (a number is taken as its digits), None
    when the row has none: an answer without a key counts as it always did."""
    if is_blank(value):
        return None
    return parse_text_id(value, "customer_key", "bad_customer_key", MAX_CUSTOMER_KEY)


def parse_store_id(value: object) -> int | None:
    """Return the store's integer pull cursor, None when the row has none (a CSV import)."""
    if is_blank(value):
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_STORE_ID:
        raise FieldError("bad_id", "id",
                         f"id must be a whole number from 0 to 2^63-1, got {shown(value)}")
    return value
