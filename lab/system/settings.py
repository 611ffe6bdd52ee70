"""Reading and writing settings and audit events."""

from __future__ import annotations

from sqlalchemy.orm import Session

from lab.system.models import AuditEvent, Setting

DEMO_MODE = "demo_mode"


def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    """The stored value of `key`, or `default`."""
    row = session.get(Setting, key)
    return row.value if row else default


def set_setting(session: Session, key: str, value: str) -> None:
    """Store `value` under `key` (the caller commits)."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def is_demo(session: Session) -> bool:
    """True once `lab demo` has loaded the demo accounts."""
    return get_setting(session, DEMO_MODE) == "1"


def audit(
    session: Session, action: str, target: str = "", detail: str = "", *, actor=None
) -> None:
    """Record an action; `actor` is a User or None for the command line."""
    session.add(
        AuditEvent(
            actor_id=getattr(actor, "id", None),
            actor_label=getattr(actor, "login", "command line"),
            action=action,
            target=target,
            detail=detail,
        )
    )
