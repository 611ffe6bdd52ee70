"""The bonus scheme, and the quarantine: read a row's reason and raw data, fix, re-process."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import func, select
from wtforms.fields.choices import SelectChoice

from lab.admin import bp, labels
from lab.admin.forms import ActionForm, BulkDismissForm, FixForm, SchemeForm
from lab.admin.quarantine_fix import (
    EDITABLE,
    FixError,
    dismiss_many,
    dismiss_row,
    fix_row,
    raw_of,
)
from lab.admin.scheme_text import SchemeTextError, parse_scheme, scheme_to_text
from lab.auth.access import admins
from lab.surveys.ingest import load_context
from lab.surveys.models import QuarantinedRow
from lab.surveys.quarantine import open_counts, open_rows
from lab.surveys.settings import settings_from
from lab.tnps.scheme_store import load_scheme, save_scheme
from lab.ui.messages import explain
from lab.ui.paging import Page, clamp, page_count
from lab.ui.params import arg_page, arg_text, parse_db_id
from lab.web_db import get_session

ROWS_SHOWN = 100
ALL = "all"


@bp.route("/admin/scheme")
@admins
def scheme(form: SchemeForm | None = None, error: str | None = None):
    """The bonus scheme in force, and the form to change it."""
    current = load_scheme(get_session())
    if form is None:
        form = SchemeForm(formdata=None, tiers=scheme_to_text(current), min_n=current.min_n)
    return render_template("admin/scheme.html", scheme=current, form=form, error=error)


@bp.route("/admin/scheme", methods=["POST"])
@admins
def save_bonus_scheme():
    """Validate and save the scheme; the form comes back with the reason when invalid."""
    form = SchemeForm()
    if not form.validate_on_submit():
        return scheme(form, _("Fill in the tiers and a minimum of at least 1.")), 400
    try:
        new = parse_scheme(form.tiers.data, form.min_n.data)
    except SchemeTextError as refused:
        return scheme(form, explain(refused)), 400
    db = get_session()
    save_scheme(db, new, actor=current_user)
    db.commit()
    flash(_("Bonus scheme saved."), "info")
    return redirect(url_for("admin.scheme"))


@bp.route("/admin/quarantine")
@admins
def quarantine():
    """Rows waiting in quarantine, newest first: by default those that can be fixed
    (customers who skipped the survey buried them), or one reason, or all."""
    db = get_session()
    reason = arg_text("reason") or None
    resolved = db.scalars(select(QuarantinedRow).where(QuarantinedRow.resolved_at.is_not(None))
                          .order_by(QuarantinedRow.resolved_at.desc()).limit(10)).all()
    counts = open_counts(db)
    fixable = {r: n for r, n in counts.items() if r not in labels.UNFIXABLE}
    shown = counts if reason == ALL else {reason: counts.get(reason, 0)} if reason else fixable
    total = sum(shown.values())
    page = clamp(arg_page(), total, ROWS_SHOWN)
    rows = open_rows(db, list(shown), ROWS_SHOWN, (page - 1) * ROWS_SHOWN) if shown else []
    return render_template("admin/quarantine.html", rows=rows,
                           paging=Page(rows, page, page_count(total, ROWS_SHOWN), total),
                           counts=counts, fixable=sum(fixable.values()), reason=reason,
                           resolved=resolved, labels=labels, source_labels=labels.SOURCES,
                           bulk=BulkDismissForm(formdata=None),
                           total=db.scalar(select(func.count()).select_from(QuarantinedRow)))


@bp.route("/admin/quarantine/dismiss", methods=["POST"])
@admins
def dismiss_quarantine_rows():
    """Dismiss the ticked rows, or every open row of one reason, in one go."""
    form = BulkDismissForm()
    if not form.validate_on_submit():
        flash(_("The form has expired: try again."), "error")
        return redirect(url_for("admin.quarantine"))
    db = get_session()
    stmt = select(QuarantinedRow).where(QuarantinedRow.resolved_at.is_(None))
    reason = (form.reason.data or "").strip()
    if reason:
        stmt = stmt.where(QuarantinedRow.reason == reason)
    else:
        ids = [parsed for raw in request.form.getlist("row") if (parsed := parse_db_id(raw))]
        if not ids:
            flash(_("Tick the rows to dismiss first."), "error")
            return redirect(url_for("admin.quarantine"))
        stmt = stmt.where(QuarantinedRow.id.in_(ids[:ROWS_SHOWN]))
    closed = dismiss_many(db, list(db.scalars(stmt)), actor=current_user)
    db.commit()
    flash(ngettext("%(num)d row dismissed.", "%(num)d rows dismissed.", closed), "info")
    return redirect(url_for("admin.quarantine", reason=request.args.get("back") or None))


def _row_or_404(row_id: int) -> QuarantinedRow:
    row = get_session().get(QuarantinedRow, row_id)
    if row is None:
        abort(404)
    return row


def _fix_form(row: QuarantinedRow, formdata: bool = True) -> FixForm:
    form = FixForm() if formdata else FixForm(formdata=None, field=row.field or "score")
    form.field.choices = [SelectChoice(name, labels.field_label(name)) for name in EDITABLE]
    if not formdata:
        raw = raw_of(row)
        value = raw.get(form.field.data) if isinstance(raw, dict) else None
        form.value.data = "" if value is None else str(value)
    return form


@bp.route("/admin/quarantine/<int:row_id>")
@admins
def quarantine_row(row_id: int, form: FixForm | None = None, error: str | None = None):
    """One row: why it was held, its raw data, and a form to correct a field."""
    row = _row_or_404(row_id)
    return render_template("admin/quarantine_row.html", row=row, raw=raw_of(row), labels=labels,
                           source_labels=labels.SOURCES,
                           form=form or _fix_form(row, formdata=False),
                           action_form=ActionForm(formdata=None), error=error)


@bp.route("/admin/quarantine/<int:row_id>", methods=["POST"])
@admins
def fix_quarantine_row(row_id: int):
    """Correct one field and validate again: stored and counted when it passes."""
    row = _row_or_404(row_id)
    form = _fix_form(row)
    if not form.validate_on_submit():
        return quarantine_row(row_id, form, _("The form has expired: try again.")), 400
    db = get_session()
    ctx = load_context(db, settings_from(current_app.config))
    try:
        result = fix_row(db, row, form.field.data, form.value.data, ctx, actor=current_user,
                         why=form.why.data)
    except FixError as refused:
        db.rollback()
        return quarantine_row(row_id, form, explain(refused)), 400
    db.commit()
    if result.outcome == "failing":
        flash(_("Saved, but the row still fails: %(detail)s",
                detail=labels.explanation(result.reason or "")), "error")
        return redirect(url_for("admin.quarantine_row", row_id=row.id))
    flash(_("Row %(id)d passed: stored and counted in TNPS.", id=row.id)
          if result.outcome == "stored"
          else _("Row %(id)d passed, but this answer was already stored.", id=row.id), "info")
    return redirect(url_for("admin.quarantine"))


@bp.route("/admin/quarantine/<int:row_id>/dismiss", methods=["POST"])
@admins
def dismiss_quarantine_row(row_id: int):
    """Close a row that cannot be fixed; it is kept, never counted."""
    row = _row_or_404(row_id)
    if ActionForm().validate_on_submit():
        db = get_session()
        try:
            dismiss_row(db, row, actor=current_user)
        except FixError as refused:
            flash(explain(refused), "error")
        else:
            db.commit()
            flash(_("Row %(id)d dismissed.", id=row.id), "info")
    return redirect(url_for("admin.quarantine"))
