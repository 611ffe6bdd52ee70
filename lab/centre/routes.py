"""The centre page (with its CSV and JSON) and the weekly digest in the browser."""

from __future__ import annotations

from flask import Response, jsonify, render_template, request
from flask_babel import gettext as _

from lab.auth.access import centre_readers
from lab.centre import bp, export, labels
from lab.centre import report as centre_report
from lab.centre.digest import build_digest
from lab.centre.weeks import Week, WeekError, parse_week, week_of
from lab.dashboard import charts, present
from lab.surveys.topics import TOPICS
from lab.team.common import min_n, now, timezone
from lab.tnps.segments import DIMENSIONS, masked
from lab.web_db import get_session

RECENT_WEEKS = 12


def _week() -> Week:
    """?week=2026-W48, else the current week."""
    wanted = request.args.get("week")
    if wanted:
        return parse_week(wanted, timezone())
    return week_of(now().astimezone(timezone()).date(), timezone())


def _recent_weeks() -> list[Week]:
    current = week_of(now().astimezone(timezone()).date(), timezone())
    return [current.back(back, timezone()) for back in range(RECENT_WEEKS)]


def _bad_week(exc: WeekError, template: str):
    return render_template(template, error=_("Choose a week like 2026-W48."), detail=str(exc),
                           weeks=_recent_weeks(), report=None, digest=None, labels=labels), 400


@bp.route("/centre")
@centre_readers
def overview():
    """The centre and every team side by side, segments with trends, growing topics."""
    try:
        week = _week()
    except WeekError as exc:
        return _bad_week(exc, "centre/overview.html")
    wanted = request.args.get("segment")
    segment = wanted if wanted in DIMENSIONS else "channel"
    # The page shows the teams and one segment: count only those (CSV and JSON get all).
    built = centre_report.build(get_session(), week, timezone(), min_n(),
                                dimensions=tuple(dict.fromkeys(("team", segment))))
    return render_template(
        "centre/overview.html", report=built, weeks=_recent_weeks(), segment=segment,
        dimensions=DIMENSIONS, charts=charts, present=present, masked=masked,
        topics=TOPICS, labels=labels, error=None)


@bp.route("/centre/report.json")
@centre_readers
def report_json():
    """The centre report as JSON, the page's numbers."""
    try:
        week = _week()
    except WeekError as exc:
        return jsonify(error=str(exc)), 400
    return jsonify(export.report_json(centre_report.build(get_session(), week, timezone(),
                                                          min_n())))


def _csv(body: str, name: str) -> Response:
    return Response(body, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/centre/report.csv")
@centre_readers
def report_csv():
    """Segments and trends as CSV."""
    try:
        week = _week()
    except WeekError as exc:
        return Response(str(exc) + "\n", status=400, mimetype="text/plain")
    built = centre_report.build(get_session(), week, timezone(), min_n())
    return _csv(export.report_csv(built), f"centre-{week.label}.csv")


@bp.route("/centre/topics.csv")
@centre_readers
def topics_csv():
    """Detractors' topics this week against the baseline weeks, as CSV."""
    try:
        week = _week()
    except WeekError as exc:
        return Response(str(exc) + "\n", status=400, mimetype="text/plain")
    built = centre_report.build(get_session(), week, timezone(), min_n(), dimensions=())
    return _csv(export.growth_csv(built), f"centre-topics-{week.label}.csv")


@bp.route("/centre/digest")
@centre_readers
def digest():
    """The weekly digest as the e-mail shows it."""
    try:
        week = _week()
    except WeekError as exc:
        return _bad_week(exc, "centre/digest.html")
    found = build_digest(get_session(), week, timezone(), min_n())
    return render_template("centre/digest.html", digest=found, weeks=_recent_weeks(),
                           present=present, labels=labels, tz=timezone(), error=None)
