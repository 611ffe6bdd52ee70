"""My TNPS: the page, and the JSON it polls for new answers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, jsonify, render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from lab.auth.access import signed_in
from lab.dashboard import bp, charts, comments, payloads, present, summary, trend_markup
from lab.dashboard.bonus import chance_text
from lab.dashboard.page import my_page
from lab.dashboard.period import month_of
from lab.surveys.settings import customer_rule_from
from lab.tnps.forecast import PRIOR_STRENGTH
from lab.ui.params import parse_db_id
from lab.web_content import get_content
from lab.web_db import get_session


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["TIMEZONE"])


def _min_n() -> int:
    return int(current_app.config["TNPS_MIN_N"])


def _now() -> datetime:
    return datetime.now(UTC)


@bp.route("/me")
@signed_in
def me():
    """My live TNPS, what customers say, and what it does to my bonus."""
    filters, bad = comments.parse_filters(request.args)
    data = my_page(get_session(), current_user, get_content(), filters, _now(), _tz(), _min_n())
    return render_template(
        "dashboard/me.html", data=data, bad_filters=bad, tz=_tz(), min_n=_min_n(),
        lang=present.locale(), present=present, trend=trend_markup, charts=charts,
        present_chance=chance_text,
        prior_strength=round(PRIOR_STRENGTH),
        customer_window_days=customer_rule_from(current_app.config).window_days,
        poll_seconds=current_app.config.get("ME_POLL_SECONDS", 10))


@bp.route("/api/v1/me/tnps")
@signed_in
def live_tnps():
    """This month's summary and the newest answer's id; with ?after=ID, what came since."""
    raw = request.args.get("after", "")
    after = None
    if raw:
        # An answer id as the database holds it ("²" passes isdigit(); 2^31 overflows PG).
        after = 0 if raw.strip() == "0" else parse_db_id(raw)
        if after is None:
            return jsonify(error="bad_request", message=_("after must be an answer id."),
                           fields=["after"]), 400
    db, tz = get_session(), _tz()
    month = month_of(_now().astimezone(tz).date(), tz)
    mine = summary.month_summary(db, current_user, month, _min_n())
    today = _now().astimezone(tz).date()
    rolling = summary.days_summary(db, current_user, today - timedelta(
        days=summary.ROLLING_DAYS - 1), today, _min_n())
    payload = {"period": month.key, "latest_id": summary.latest_response_id(db, current_user.id),
               "summary": payloads.summary_json(mine, _min_n()),
               "rolling": payloads.summary_json(rolling, _min_n())}
    if after is not None:
        payload["new_answers"] = summary.answers_after(db, current_user.id, after)
        payload["comments"] = [payloads.comment_json(item, tz)
                               for item in comments.comments_after(db, current_user.id, after)]
    return jsonify(payload)


@bp.route("/api/v1/me/comments")
@signed_in
def live_comments():
    """My customers' comments, filtered and a page at a time, newest first."""
    filters, bad = comments.parse_filters(request.args)
    if bad:
        return jsonify(error="bad_request", message=_("Some filters were not understood."),
                       fields=bad), 400
    tz = _tz()
    page = comments.comment_page(get_session(), current_user.id, filters,
                                 _now().astimezone(tz).date(), tz)
    return jsonify(payloads.page_json(page, tz))
