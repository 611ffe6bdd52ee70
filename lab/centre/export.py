"""The centre report as JSON and CSV: the same numbers as the page, rounded to 0.1."""

from __future__ import annotations

import io

from lab.centre.report import CentreReport
from lab.system.csvsafe import SafeWriter
from lab.tnps.growth import TopicGrowth
from lab.tnps.periods import TrendPoint
from lab.tnps.segments import SegmentRow

COLUMNS = ("section", "dimension", "value", "week", "n", "promoters", "passives",
           "detractors", "tnps", "ci_low", "ci_high", "enough_data", "previous_n",
           "previous_tnps", "change", "change_ci_low", "change_ci_high", "significant")
GROWTH_COLUMNS = ("topic", "week", "detractors", "with_topic", "share", "baseline_weeks",
                  "baseline_detractors", "baseline_with_topic", "baseline_share", "change",
                  "change_ci_low", "change_ci_high", "grows")


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def segment_json(row: SegmentRow) -> dict[str, object]:
    """One segment: this week's counts and interval, last week's, and the change."""
    empty = row.now.tally.n == 0
    return {
        "dimension": row.dimension, "value": row.value, "n": row.now.tally.n,
        "promoters": row.now.tally.promoters, "passives": row.now.tally.passives,
        "detractors": row.now.tally.detractors, "tnps": _r(row.now.tnps),
        "ci_low": None if empty else _r(row.now.ci_low),
        "ci_high": None if empty else _r(row.now.ci_high),
        "enough_data": row.now.enough_data,
        "previous": {"n": row.before.tally.n, "tnps": _r(row.before.tnps)},
        "change": {"diff": _r(row.change.diff), "ci_low": _r(row.change.ci_low),
                   "ci_high": _r(row.change.ci_high), "significant": row.change.significant},
    }


def point_json(point: TrendPoint, min_n: int) -> dict[str, object]:
    """One week of a trend; below min_n answers its TNPS is withheld (null)."""
    enough = point.tally.n >= min_n
    return {"week": point.label, "n": point.tally.n,
            "tnps": _r(point.tnps) if enough else None,
            "ci_low": _r(point.ci_low) if enough else None,
            "ci_high": _r(point.ci_high) if enough else None, "enough_data": enough}


def growth_json(row: TopicGrowth) -> dict[str, object]:
    return {"topic": row.topic, "detractors": row.now_n, "with_topic": row.now_k,
            "share": _r(row.now_share), "baseline_detractors": row.base_n,
            "baseline_with_topic": row.base_k, "baseline_share": _r(row.base_share),
            "change": _r(row.diff), "change_ci_low": _r(row.ci_low),
            "change_ci_high": _r(row.ci_high), "grows": row.grows}


def report_json(report: CentreReport) -> dict[str, object]:
    """The whole report as one JSON object."""
    return {
        "week": report.week.label, "previous_week": report.previous.label,
        "start": report.week.monday.isoformat(), "end": report.week.sunday.isoformat(),
        "min_n": report.min_n, "centre": segment_json(report.centre),
        "centre_trend": [point_json(p, report.min_n) for p in report.centre_trend],
        "segments": {dimension: [segment_json(row) for row in rows]
                     for dimension, rows in report.segments.items()},
        "trends": {dimension: {value: [point_json(p, report.min_n) for p in points]
                               for value, points in values.items()}
                   for dimension, values in report.trends.items()},
        "baseline_weeks": report.baseline_weeks,
        "detractor_topics": [growth_json(row) for row in report.growth],
    }


def _segment_line(row: SegmentRow, week: str) -> tuple:
    data = segment_json(row)
    change = data["change"]
    return ("segment", row.dimension, row.value, week, data["n"], data["promoters"],
            data["passives"], data["detractors"], _num(row.now.tnps), _num(data["ci_low"]),
            _num(data["ci_high"]), "yes" if row.now.enough_data else "no",
            row.before.tally.n, _num(row.before.tnps), _num(change["diff"]),
            _num(change["ci_low"]), _num(change["ci_high"]),
            "yes" if row.change.significant else "no")


def _trend_line(dimension: str, value: str, point: TrendPoint, min_n: int) -> tuple:
    data = point_json(point, min_n)
    return ("trend", dimension, value, point.label, point.tally.n, point.tally.promoters,
            point.tally.passives, point.tally.detractors, _num(data["tnps"]),
            _num(data["ci_low"]), _num(data["ci_high"]), "yes" if data["enough_data"] else "no",
            "", "", "", "", "", "")


def report_csv(report: CentreReport) -> str:
    """Segments (the centre first) and then every trend point, one line each."""
    out = io.StringIO()
    writer = SafeWriter(out)  # team names that look like formulas are quoted
    writer.writerow(COLUMNS)
    week = report.week.label
    writer.writerow(_segment_line(report.centre, week))
    for rows in report.segments.values():
        for row in rows:
            writer.writerow(_segment_line(row, week))
    for point in report.centre_trend:
        writer.writerow(_trend_line("centre", "all", point, report.min_n))
    for dimension, values in report.trends.items():
        for value, points in values.items():
            for point in points:
                writer.writerow(_trend_line(dimension, value, point, report.min_n))
    return out.getvalue()


def growth_csv(report: CentreReport) -> str:
    """The detractors' topics against the baseline weeks, one line per topic."""
    out = io.StringIO()
    writer = SafeWriter(out)
    writer.writerow(GROWTH_COLUMNS)
    for row in report.growth:
        writer.writerow((row.topic, report.week.label, row.now_n, row.now_k, _num(row.now_share),
                         report.baseline_weeks, row.base_n, row.base_k, _num(row.base_share),
                         _num(row.diff), _num(row.ci_low), _num(row.ci_high),
                         "yes" if row.grows else "no"))
    return out.getvalue()
