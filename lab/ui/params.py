"""Numbers from URLs and forms, bounded to what the database can hold.

int("99999999999999999999") is a fine Python int, but SQLite refuses it beyond 2^63
(OverflowError) and PostgreSQL beyond 2^31 for the app's INTEGER keys ("integer out of
range"): an id past that names nothing, so it is a 404, never a 500. "²".isdigit() is
True and int("²") fails, so digits must be ASCII.
"""

from __future__ import annotations

from flask import abort, request
from werkzeug.routing import IntegerConverter

MAX_DB_INT = 2**31 - 1  # the app's primary keys are INTEGER on PostgreSQL
MAX_PAGE = 100_000  # offsets stay far inside BIGINT whatever the page size


def parse_db_id(text: str | None) -> int | None:
    """A positive id that fits the app's INTEGER keys, else None."""
    text = (text or "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 10:
        return None
    value = int(text)
    return value if 0 < value <= MAX_DB_INT else None


def arg_id(name: str) -> int | None:
    """An id from the query string: None when absent, a 404 when it cannot name a row."""
    raw = request.args.get(name)
    if raw is None or not raw.strip():
        return None
    value = parse_db_id(raw)
    if value is None:
        abort(404)
    return value


def arg_page(name: str = "page") -> int:
    """A page number: 1 when absent, 400 when not a number, 404 past any possible page."""
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit()):
        abort(400)
    if len(raw) > 6 or not 1 <= int(raw) <= MAX_PAGE:
        abort(404)
    return int(raw)


def arg_text(name: str, max_len: int = 200) -> str:
    """Free text from the query string for a database filter: NULs dropped (PostgreSQL
    refuses to compare text holding one), stripped and cut to max_len."""
    return (request.args.get(name) or "").replace("\x00", "").strip()[:max_len]


def arg_choice(name: str, choices, default: int) -> int:
    """One of a few allowed numbers (days of a window); anything else is the default."""
    raw = (request.args.get(name) or "").strip()
    if raw.isascii() and raw.isdigit() and len(raw) <= 6 and int(raw) in choices:
        return int(raw)
    return default


class BoundedIntConverter(IntegerConverter):
    """<int:...> in routes, but no larger than an INTEGER key: a larger one is a 404."""

    def __init__(self, map, *args, **kwargs) -> None:  # noqa: A002 (werkzeug's name)
        kwargs.setdefault("max", MAX_DB_INT)
        super().__init__(map, *args, **kwargs)
