"""A lead opens a sector for an agent, optionally as an assignment with a due date."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from lab.accounts.models import User
from lab.alerts.detect import sector_assigned
from lab.db import utcnow
from lab.system.settings import audit
from lab.training.models import SectorAccess


def open_sector(session: Session, lead: User, agent: User, sector_id: str,
                due_on: date | None) -> SectorAccess:
    """Open (or re-date) a sector for an agent; recorded in the audit log."""
    access = session.get(SectorAccess, (agent.id, sector_id))
    if access is None:
        access = SectorAccess(user_id=agent.id, sector_id=sector_id)
        session.add(access)
    access.opened_by_id = lead.id
    access.due_on = due_on
    audit(session, "sector.open", agent.login,
          f"sector={sector_id} due={due_on.isoformat() if due_on else ''}", actor=lead)
    sector_assigned(session, agent, sector_id, due_on, utcnow())
    return access
