"""Password hashing with argon2id, and which new passwords are refused."""

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lab.system.messages import Explained

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost


@cache
def _dummy_hash() -> str:
    """Verified when a login names no user, so a wrong login costs as long as a wrong
    password. Made on first use, not at import: every process and `lab` command paid
    ~100 ms for it at start-up."""
    return _hasher.hash("not-a-real-password")

MIN_LENGTH = 8
MAX_LENGTH = 200


def hash_password(password: str) -> str:
    """An argon2id hash of `password`."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; spends the same time when there is no user."""
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


COMMON_FILE = Path(__file__).with_name("common_passwords.txt")
PROBLEMS = {
    "too_short": Explained("at least %(num)d characters", num=MIN_LENGTH),
    "too_long": Explained("at most %(num)d characters", num=MAX_LENGTH),
    "common": Explained("one of the most common passwords: choose another"),
    "is_login": Explained("the same as the login: choose another"),
}


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of the most-guessed passwords (lower case), read once."""
    lines = COMMON_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def password_check(password: str, login: str | None = None) -> str | None:
    """The code of why a new password is refused (a key of PROBLEMS), or None.

    Length alone let "12345678" and "password" through: guessers try the common ones
    and the login first, so both are refused whatever their case."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    folded = password.strip().casefold()
    if login and folded == login.strip().casefold():
        return "is_login"
    if folded in common_passwords():
        return "common"
    return None


def password_problem(password: str, login: str | None = None) -> Explained | None:
    """Why a new password is not acceptable, in words, or None."""
    code = password_check(password, login)
    return PROBLEMS[code] if code else None
