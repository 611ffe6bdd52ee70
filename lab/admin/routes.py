"""The admin overview."""

from flask import render_template
from sqlalchemy import func, select

from lab.accounts.models import Team, User
from lab.admin import bp
from lab.auth.access import admins
from lab.surveys.quarantine import open_counts
from lab.surveys.state import sync_status
from lab.system.models import AuditEvent
from lab.web_db import get_session


@bp.route("/admin")
@admins
def index():
    """Users, teams, the survey store's sync, the quarantine and the latest audit events."""
    db = get_session()
    by_role = dict(db.execute(select(User.role, func.count()).group_by(User.role)).all())
    users = db.scalars(
        select(User).order_by(User.role, func.length(User.login), User.login)).all()
    teams = db.scalars(select(Team).order_by(Team.name)).all()
    events = db.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(20)).all()
    return render_template(
        "admin/index.html", by_role=by_role, users=users, teams=teams, events=events,
        sync=sync_status(db), quarantine=open_counts(db),
    )
