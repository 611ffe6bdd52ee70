"""The survey settings read once from the app config, as one typed value."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from zoneinfo import ZoneInfo

from lab.surveys.domain import DEFAULT_WINDOWS, Windows

# The bundled store's layout, and the default mapping for an external one.
STORE_COLUMNS = (
    "id",
    "response_id",
    "call_id",
    "agent_login",
    "channel",
    "call_ended_at",
    "sent_at",
    "answered_at",
    "score",
    "comment",
)
# Optional columns: used when the store has them, and nothing changes when it has not.
# customer_key names the customer (any stable id); the app keeps only its keyed hash.
CUSTOMER_KEY = "customer_key"
OPTIONAL_COLUMNS = (CUSTOMER_KEY,)
MAPPABLE = STORE_COLUMNS + OPTIONAL_COLUMNS
DEFAULT_TABLE = "tnps_responses"
# One customer, one voice: answers of one customer within this many days count once.
DEFAULT_CUSTOMER_WINDOW_DAYS = 183
CUSTOMER_RULES = ("first", "latest")
# Rows per sync transaction: 20k measured ~1.7x faster than 5k; SQLite holds the write
# lock for about half a second per batch, which readers in WAL mode do not notice.
DEFAULT_BATCH = 20_000
# Ids below the cursor each sync reads again: an external store's concurrent writers can
# commit id 10 after id 11, and the cursor would already be past it.
DEFAULT_LOOKBACK = 1000


def parse_columns(value: object) -> dict[str, str]:
    """Return the full {our name: their column} mapping from JSON text or a dict."""
    if value is None or value == "":
        given: object = {}
    elif isinstance(value, str):
        try:
            given = json.loads(value)
        except ValueError as exc:
            raise ValueError(f"SURVEY_STORE_COLUMNS is not JSON: {exc}") from None
    else:
        given = value
    if not isinstance(given, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) and v for k, v in given.items()
    ):
        raise ValueError("SURVEY_STORE_COLUMNS must map our column names to theirs (text)")
    unknown = sorted(set(given) - set(MAPPABLE))
    if unknown:
        raise ValueError(
            f"SURVEY_STORE_COLUMNS names unknown columns {unknown}; known: {list(MAPPABLE)}"
        )
    return {name: str(given.get(name, name)) for name in MAPPABLE}


@dataclass(frozen=True)
class CustomerRule:
    """How a customer's repeated answers count: the window, which one counts, the secret
    their key is hashed with (the store's key itself is never kept)."""

    window_days: int = DEFAULT_CUSTOMER_WINDOW_DAYS
    keep: str = "first"  # "first" or "latest" answer in the window counts
    secret: bytes = b""

    @property
    def window(self) -> timedelta:
        return timedelta(days=self.window_days)


def customer_rule_from(config: Mapping[str, object]) -> CustomerRule:
    """CUSTOMER_WINDOW_DAYS, CUSTOMER_RULE and CUSTOMER_KEY_SECRET (by default derived from
    SECRET_KEY, which every node shares already), refused clearly when wrong."""
    raw_days = config.get("CUSTOMER_WINDOW_DAYS")
    try:
        days = DEFAULT_CUSTOMER_WINDOW_DAYS if raw_days in (None, "") else int(raw_days)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise ValueError(f"LAB_CUSTOMER_WINDOW_DAYS must be a whole number of days, "
                         f"got {raw_days!r}") from None
    if days < 1:
        raise ValueError(f"LAB_CUSTOMER_WINDOW_DAYS must be at least 1, got {days}")
    keep = str(config.get("CUSTOMER_RULE") or "first").strip().lower()
    if keep not in CUSTOMER_RULES:
        raise ValueError(f"LAB_CUSTOMER_RULE must be 'first' or 'latest', got {keep!r}")
    secret = config.get("CUSTOMER_KEY_SECRET")
    if secret:
        key = str(secret).encode()
    else:
        base = str(config.get("SECRET_KEY") or "").encode()
        key = hmac.new(base, b"lab customer key", hashlib.sha256).digest()
    return CustomerRule(days, keep, key)


@dataclass(frozen=True)
class SurveySettings:
    """Where the store is, how to read it, how often to sync, and the push secret."""

    store_url: str
    table: str = DEFAULT_TABLE
    columns: Mapping[str, str] = field(default_factory=lambda: parse_columns(None))
    batch_size: int = DEFAULT_BATCH
    lookback_ids: int = DEFAULT_LOOKBACK
    interval: float = 5.0
    push_secret: str | None = None
    timezone: str = "Europe/Moscow"
    min_n: int = 30
    busy_timeout_ms: int = 30_000
    windows: Windows = DEFAULT_WINDOWS
    customer: CustomerRule = field(default_factory=lambda: CustomerRule())

    @property
    def tz(self) -> ZoneInfo:
        """The zone days, weeks and months are counted in."""
        return ZoneInfo(self.timezone)


def settings_from(config: Mapping[str, object]) -> SurveySettings:
    """Build the settings from a Flask config (or any mapping with the same keys)."""
    batch = int(config.get("SYNC_BATCH_SIZE") or DEFAULT_BATCH)
    if batch < 1:
        raise ValueError(f"SYNC_BATCH_SIZE must be >= 1, got {batch}")
    lookback = config.get("SYNC_LOOKBACK_IDS")
    lookback = DEFAULT_LOOKBACK if lookback in (None, "") else int(lookback)  # type: ignore[call-overload]
    if lookback < 0:
        raise ValueError(f"SYNC_LOOKBACK_IDS must be >= 0 (0 turns it off), got {lookback}")
    return SurveySettings(
        store_url=str(config["SURVEY_STORE_URL"]),
        table=str(config.get("SURVEY_STORE_TABLE") or DEFAULT_TABLE),
        columns=parse_columns(config.get("SURVEY_STORE_COLUMNS")),
        batch_size=batch,
        lookback_ids=lookback,
        interval=float(config.get("SYNC_INTERVAL_SECONDS") or 5.0),
        push_secret=str(config["SURVEY_PUSH_SECRET"]) if config.get("SURVEY_PUSH_SECRET") else None,
        timezone=str(config.get("TIMEZONE") or "Europe/Moscow"),
        min_n=int(config.get("TNPS_MIN_N") or 30),
        busy_timeout_ms=int(config.get("SQLITE_BUSY_TIMEOUT_MS") or 30_000),
        windows=windows_from(config),
        customer=customer_rule_from(config),
    )


def windows_from(config: Mapping[str, object]) -> Windows:
    """The survey windows in minutes (SURVEY_IVR_ANSWER_MINUTES, SURVEY_SMS_SEND_MINUTES,
    SURVEY_SMS_ANSWER_MINUTES); the seeds' defaults where unset."""
    def minutes(key: str, default: timedelta) -> timedelta:
        value = config.get(key)
        return timedelta(minutes=float(value)) if value not in (None, "") else default

    return Windows(
        ivr_answer_max=minutes("SURVEY_IVR_ANSWER_MINUTES", DEFAULT_WINDOWS.ivr_answer_max),
        sms_send_max=minutes("SURVEY_SMS_SEND_MINUTES", DEFAULT_WINDOWS.sms_send_max),
        sms_answer_max=minutes("SURVEY_SMS_ANSWER_MINUTES", DEFAULT_WINDOWS.sms_answer_max),
    )
