"""The bonus scheme an admin sets, kept as JSON in the settings table."""

from __future__ import annotations

import json

from sqlalchemy import ScalarSelect, select
from sqlalchemy.orm import Session

from lab.system.models import Setting
from lab.system.settings import audit, get_setting, set_setting
from lab.tnps.bonus import DEFAULT_SCHEME, BonusScheme

KEY = "bonus_scheme"


def load_scheme(session: Session) -> BonusScheme:
    """The scheme in force: the admin's, or the shipped default."""
    return scheme_from(get_setting(session, KEY))


def stored_value() -> ScalarSelect:
    """The stored scheme's text as a scalar subquery, for a page that reads it together
    with other small facts in one statement."""
    return select(Setting.value).where(Setting.key == KEY).scalar_subquery()


def scheme_from(raw: str | None) -> BonusScheme:
    """The scheme stored as `raw` (None or empty: the shipped default)."""
    if not raw:
        return DEFAULT_SCHEME
    data = json.loads(raw)
    return BonusScheme([tuple(tier) for tier in data["tiers"]], min_n=int(data["min_n"]))


def save_scheme(session: Session, scheme: BonusScheme, *, actor=None) -> None:
    """Store a new scheme (validated by BonusScheme itself) and record who changed it."""
    value = json.dumps({"tiers": [list(tier) for tier in scheme.tiers], "min_n": scheme.min_n})
    set_setting(session, KEY, value)
    audit(session, "bonus.scheme", "", value, actor=actor)
