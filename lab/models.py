"""Every model, imported once so the metadata is complete (for Alembic and tests)."""

from lab.accounts.models import Team, User, UserSession, team_leads
from lab.alerts.models import AlertEvent, AlertPreference, Notification
from lab.auth.models import LoginAttempt
from lab.calibration.models import ReplyReview
from lab.coaching.models import AgentNote
from lab.db import Base
from lab.fairness.models import FairnessReview
from lab.followup.models import FollowUp, FollowUpEvent
from lab.surveys.models import (
    CommentMonthly,
    QuarantinedRow,
    SurveyResponse,
    SyncState,
    TnpsDaily,
    TnpsMonthly,
    TnpsTeamDaily,
    TnpsTopicDaily,
    TnpsTopicMonthly,
)
from lab.system.models import AuditEvent, Setting
from lab.training.models import (
    Attempt,
    Badge,
    CodexRead,
    HintUse,
    LabProfile,
    Reply,
    SectorAccess,
)

__all__ = [
    "AlertEvent", "AlertPreference", "Notification",
    "AgentNote", "CommentMonthly", "FairnessReview", "FollowUp", "ReplyReview", "FollowUpEvent",
    "Attempt", "AuditEvent", "Badge", "Base", "CodexRead", "HintUse", "LabProfile", "Reply",
    "SectorAccess", "LoginAttempt", "QuarantinedRow", "Setting", "SurveyResponse",
    "SyncState", "Team", "TnpsDaily", "TnpsMonthly", "TnpsTeamDaily", "TnpsTopicDaily",
    "TnpsTopicMonthly", "User", "UserSession",
    "team_leads",
]
