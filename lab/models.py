"""Every model, imported once so the metadata is complete (for Alembic and tests)."""

from lab.accounts.models import Team, User, team_leads
from lab.auth.models import LoginAttempt
from lab.db import Base
from lab.system.models import AuditEvent, Setting

__all__ = ["AuditEvent", "Base", "LoginAttempt", "Setting", "Team", "User", "team_leads"]
