"""The admin overview, the loaded content and the audit log."""

from flask import current_app, render_template
from flask_babel import get_locale
from sqlalchemy import func, select

from lab.accounts.models import Team, User
from lab.admin import bp, labels
from lab.auth.access import admins
from lab.dashboard.present import TOPIC_LABELS
from lab.fairness.repeats import repeat_overview
from lab.surveys.quarantine import open_counts
from lab.surveys.settings import customer_rule_from
from lab.surveys.state import sync_status
from lab.system.models import AuditEvent
from lab.ui.params import arg_page, arg_text
from lab.web_content import get_content
from lab.web_db import get_session

AUDIT_PAGE = 50


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
        sync=sync_status(db), quarantine=open_counts(db), repeats=repeat_overview(db),
        customer_rule=customer_rule_from(current_app.config), labels=labels,
    )


@bp.route("/admin/content")
@admins
def content():
    """The sectors and Codex chapters loaded at start-up."""
    return render_template("admin/content.html", content=get_content(),
                           topic_labels=TOPIC_LABELS)


@bp.route("/admin/audit")
@admins
def audit_log():
    """Every recorded admin and lead action, newest first, a page at a time."""
    db = get_session()
    page = arg_page()
    action = arg_text("action")
    stmt = select(AuditEvent)
    if action:
        stmt = stmt.where(AuditEvent.action.startswith(action))
    total = db.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    events = db.scalars(stmt.order_by(AuditEvent.id.desc())
                        .offset((page - 1) * AUDIT_PAGE).limit(AUDIT_PAGE)).all()
    actions = db.scalars(select(AuditEvent.action).distinct().order_by(AuditEvent.action)).all()
    titles = {sector.id: sector.title.get(str(get_locale())) for sector in get_content().sectors}
    return render_template("admin/audit.html", events=events, page=page, action=action,
                           actions=actions, total=total, labels=labels, titles=titles,
                           pages=max(1, -(-total // AUDIT_PAGE)))
