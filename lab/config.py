"""Settings from the environment, with defaults that keep everything under `instance/`."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lab.paths import ROOT

SECRET_KEY_FILE = "secret_key"  # noqa: S105 (a file name, not a secret)


def instance_path() -> Path:
    """The folder for local state: the embedded databases and the generated secret key."""
    return Path(os.environ.get("LAB_INSTANCE_PATH") or ROOT / "instance").resolve()


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key(folder: Path) -> str:
    """Read the key kept under instance/, creating it once so every worker signs alike."""
    path = folder / SECRET_KEY_FILE
    folder.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when several workers start at once, exactly one writes the key.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if key:
            return key
        raise RuntimeError(f"{path} is empty: delete it or set LAB_SECRET_KEY") from None
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key


def validate_timezone(name: str) -> str:
    """Refuse an unknown zone at start-up rather than at the first report."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RuntimeError(f"LAB_TIMEZONE={name!r} is not a known time zone") from exc
    return name


def _survey_settings() -> dict[str, object]:
    """Survey store, push and sync settings; only the variables that are set override."""
    env = os.environ.get
    found: dict[str, object] = {
        "SURVEY_STORE_TABLE": env("LAB_SURVEY_STORE_TABLE"),
        "SURVEY_STORE_COLUMNS": env("LAB_SURVEY_STORE_COLUMNS"),
        "SURVEY_PUSH_SECRET": env("LAB_SURVEY_PUSH_SECRET"),
        "SYNC_INTERVAL_SECONDS": float(env("LAB_SYNC_INTERVAL_SECONDS") or 0) or None,
        "TNPS_MIN_N": int(env("LAB_TNPS_MIN_N") or 0) or None,
        "FOLLOWUP_SLA_HOURS": int(env("LAB_FOLLOWUP_SLA_HOURS") or 0) or None,
        # Survey windows in minutes; unset keeps the seeds' (IVR 10, SMS 24 h + 24 h).
        "SURVEY_IVR_ANSWER_MINUTES": env("LAB_SURVEY_IVR_ANSWER_MINUTES"),
        "SURVEY_SMS_SEND_MINUTES": env("LAB_SURVEY_SMS_SEND_MINUTES"),
        "SURVEY_SMS_ANSWER_MINUTES": env("LAB_SURVEY_SMS_ANSWER_MINUTES"),
        # One customer, one voice: the window, which answer counts, the hashing secret.
        "CUSTOMER_WINDOW_DAYS": env("LAB_CUSTOMER_WINDOW_DAYS"),
        "CUSTOMER_RULE": env("LAB_CUSTOMER_RULE"),
        "CUSTOMER_KEY_SECRET": env("LAB_CUSTOMER_KEY_SECRET"),
    }
    found = {key: value for key, value in found.items() if value}
    # Kept as text and parsed with the settings: "0" (look-back off) must survive the
    # filter above, which drops unset (empty) variables.
    if env("LAB_SYNC_LOOKBACK_IDS"):
        found["SYNC_LOOKBACK_IDS"] = env("LAB_SYNC_LOOKBACK_IDS")
    found["SYNC_IN_APP"] = _flag("LAB_SYNC_IN_APP", True)
    return found


def from_environment() -> dict[str, object]:
    """The Flask config built from LAB_* variables."""
    folder = instance_path()
    folder.mkdir(parents=True, exist_ok=True)
    secure = _flag("LAB_COOKIE_SECURE", True)
    return {
        "INSTANCE_PATH": str(folder),
        "SECRET_KEY": os.environ.get("LAB_SECRET_KEY") or _secret_key(folder),
        "DATABASE_URL": os.environ.get("LAB_DATABASE_URL") or f"sqlite:///{folder / 'lab.db'}",
        "SURVEY_STORE_URL": os.environ.get("LAB_SURVEY_STORE_URL")
        or f"sqlite:///{folder / 'survey_store.db'}",
        "TIMEZONE": validate_timezone(os.environ.get("LAB_TIMEZONE") or "Europe/Moscow"),
        **_survey_settings(),
        "PROXY_HOPS": int(os.environ.get("LAB_PROXY_HOPS") or 0),
        "SMTP_URL": os.environ.get("LAB_SMTP_URL") or None,
        "MAIL_FROM": os.environ.get("LAB_MAIL_FROM") or "TNPS Lab <tnps-lab@localhost>",
        "DIGEST_TO": os.environ.get("LAB_DIGEST_TO") or None,
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_SECURE": secure,
    }


DEFAULTS: dict[str, object] = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_NAME": "lab_session",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "PERMANENT_SESSION_LIFETIME": 12 * 3600,
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    "WTF_CSRF_TIME_LIMIT": 8 * 3600,
    "LANGUAGES": ("ru", "en"),
    "BABEL_DEFAULT_LOCALE": "ru",
    # Failed logins: an (account, address) pair waits 2, 4, 8 ... s (at most 15 min) after
    # its first three failures; an address is stopped after 20 inside the window.
    "LOGIN_WINDOW_SECONDS": 15 * 60,
    "LOGIN_FREE_FAILURES": 3,
    "LOGIN_FIRST_DELAY_SECONDS": 2,
    "LOGIN_MAX_DELAY_SECONDS": 15 * 60,
    "LOGIN_MAX_FAILURES_PER_ADDRESS": 20,
    "SQLITE_BUSY_TIMEOUT_MS": 30_000,
    # Responses 4-5x smaller: brotli where the browser takes it, else gzip. Only text;
    # images other than SVG are compressed already.
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # Level 3 of each, not gzip's 6 and brotli's 4: on My TNPS (39 kB of HTML) gzip 6 took
    # 0.67 ms of CPU for 8.5 kB, gzip 3 0.33 ms for 9.4 kB; brotli 4 0.50 ms for 8.5 kB,
    # brotli 3 0.29 ms for 9.0 kB. A kilobyte more per page costs nothing on the centre's
    # network; a third of a millisecond is a tenth of the page's own budget.
    "COMPRESS_LEVEL": 3,
    "COMPRESS_BR_LEVEL": 3,
    "COMPRESS_MIMETYPES": ["text/html", "text/css", "text/javascript", "application/javascript",
                           "application/json", "text/csv", "image/svg+xml"],
    "CHECK_CONTENT": True,
    # Practice TNPS of a sector needed for one, two and three stars.
    "TRAINING_STAR_MARKS": (50.0, 66.0, 83.0),
    # The survey store: table and {our column: theirs} (JSON text or a dict), see lab/surveys.
    "SURVEY_STORE_TABLE": "tnps_responses",
    "SURVEY_STORE_COLUMNS": None,
    "SURVEY_PUSH_SECRET": None,  # unset: POST /api/v1/surveys answers 503
    "SYNC_INTERVAL_SECONDS": 5.0,
    "SYNC_BATCH_SIZE": 20_000,
    # Ids below the cursor every sync reads again, for late commits (0: off).
    "SYNC_LOOKBACK_IDS": 1000,
    "TNPS_MIN_N": 30,
    # Hours a lead has to call a detractor back.
    "FOLLOWUP_SLA_HOURS": 48,
}
