"""`lab tnps report` and the report engine over the rollup: rows, dates, channels, trends."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from lab.cli import cli
from lab.surveys.sync import sync_once
from lab.tnps import queries
from lab.tnps.report import trend
from lab.tnps.summary import summarize
from lab.tnps.tally import Tally
from tests.integration.surveys.rows import sms_row, store_row

MSK = ZoneInfo("Europe/Moscow")


def _on(day: str, score: int, agent: str = "agent_a", channel: str = "ivr", **more):
    """A row for a call ending at noon (Moscow) on day."""
    ended = f"{day}T12:00:00+03:00"
    if channel == "sms":
        return sms_row(call_ended_at=ended, sent_at=f"{day}T13:00:00+03:00",
                       answered_at=f"{day}T14:00:00+03:00", score=score, agent_login=agent,
                       **more)
    return store_row(call_ended_at=ended, answered_at=f"{day}T12:01:00+03:00", score=score,
                     agent_login=agent, **more)


@pytest.fixture
def feed(world, store, sessions, settings):
    """Answers over four days, two teams, both channels, and one late answer."""
    rows = [
        _on("2026-11-01", 10), _on("2026-11-01", 9, channel="sms"), _on("2026-11-02", 3),
        _on("2026-11-02", 8, agent="agent_a2"), _on("2026-11-03", 10, agent="agent_b"),
        _on("2026-11-04", 0, agent="agent_b", channel="sms"),
        # Ends 23:50 on the 4th in Moscow, 20:50 UTC: counted on the 4th, not the 5th.
        store_row(call_ended_at="2026-11-04T20:50:00+00:00",
                  answered_at="2026-11-04T20:52:00+00:00", score=10),
        store_row(call_ended_at="2026-11-02T12:00:00+03:00",
                  answered_at="2026-11-02T13:00:00+03:00", score=0),  # late: not counted
    ]
    store.append(rows)
    sync_once(sessions, store, settings)


def _run(app, *args):
    result = app.test_cli_runner().invoke(cli, ["tnps", "report", *args],
                                          catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_json_rows_by_agent_are_the_brief_rows(app, feed):
    """Every active agent, with n, buckets, TNPS and bounds rounded to 0.1."""
    rows = json.loads(_run(app, "--by", "agent", "--from", "2026-11-01", "--to", "2026-11-04",
                           "--json"))
    assert [row["agent"] for row in rows] == ["agent_a", "agent_a2", "agent_b"]
    first = rows[0]
    assert set(first) == {"agent", "n", "promoters", "passives", "detractors", "tnps",
                          "ci_low", "ci_high"}
    expected = summarize(Tally(promoters=3, detractors=1)).to_row("agent", "agent_a")
    assert first == expected and first["tnps"] == 50.0


def test_dates_are_inclusive_and_local(app, feed):
    """--from and --to are both included; the 23:50 call belongs to its Moscow day."""
    one_day = json.loads(_run(app, "--from", "2026-11-04", "--to", "2026-11-04", "--json"))
    by_agent = {row["agent"]: row["n"] for row in one_day}
    assert by_agent == {"agent_a": 1, "agent_a2": 0, "agent_b": 1}
    assert json.loads(_run(app, "--from", "2026-11-05", "--to", "2026-11-05",
                           "--json"))[0]["n"] == 0


def test_by_team_and_channel(app, feed):
    """Teams sum their agents; --channel keeps one survey channel."""
    teams = json.loads(_run(app, "--by", "team", "--from", "2026-11-01", "--to", "2026-11-30",
                            "--json"))
    assert {row["team"]: row["n"] for row in teams} == {"Alpha": 5, "Beta": 2}
    sms = json.loads(_run(app, "--by", "team", "--from", "2026-11-01", "--to", "2026-11-30",
                          "--channel", "sms", "--json"))
    assert {row["team"]: (row["promoters"], row["detractors"]) for row in sms} == {
        "Alpha": (1, 0), "Beta": (0, 1)}


def test_table_says_not_enough_data_and_csv_has_the_columns(app, feed):
    """Below the minimum n the table prints no verdict; CSV carries the same fields."""
    table = _run(app, "--from", "2026-11-01", "--to", "2026-11-30")
    assert "not enough data (n < 30)" in table and "agent_a2" in table
    assert "whole centre: n 7, TNPS 28.6" in table
    enough = _run(app, "--from", "2026-11-01", "--to", "2026-11-30", "--min-n", "2")
    line = next(text for text in enough.splitlines() if text.startswith("agent_a "))
    row = summarize(Tally(promoters=3, detractors=1)).to_row("agent", "agent_a")
    assert line.split()[1:] == ["4", "3", "0", "1", "50.0", str(row["ci_low"]), "..",
                                str(row["ci_high"])]
    rows = list(csv.DictReader(io.StringIO(_run(app, "--from", "2026-11-01", "--to",
                                                "2026-11-30", "--csv"))))
    assert rows[0]["agent"] == "agent_a" and rows[0]["n"] == "4"


def test_bad_options_are_usage_errors(app):
    """--to before --from, or both --json and --csv: a usage error, not a traceback."""
    runner = app.test_cli_runner()
    result = runner.invoke(cli, ["tnps", "report", "--from", "2026-11-05", "--to", "2026-11-01"])
    assert result.exit_code == 2 and "before --from" in result.output
    result = runner.invoke(cli, ["tnps", "report", "--json", "--csv"])
    assert result.exit_code == 2


def test_trend_by_day_week_and_month(db, feed):
    """Periods in the zone; empty ones included; counts match the rows."""
    days = trend(db, "day", date(2026, 11, 1), date(2026, 11, 5), MSK)
    assert [point.tally.n for point in days] == [2, 2, 1, 2, 0]
    weeks = trend(db, "week", date(2026, 11, 1), date(2026, 11, 10), MSK)
    assert [point.label for point in weeks] == ["2026-W44", "2026-W45", "2026-W46"]
    assert [point.tally.n for point in weeks] == [2, 5, 0]
    months = trend(db, "month", date(2026, 11, 1), date(2026, 11, 30), MSK, channel="ivr")
    assert months[0].tally == Tally(promoters=3, passives=1, detractors=1)


def test_one_agent_one_team_and_the_centre(db, world, feed):
    """Totals for one agent, one team and the whole centre read the same rollup."""
    start, end = date(2026, 11, 1), date(2026, 11, 30)
    assert queries.total(db, start, end).n == 7
    assert queries.total(db, start, end, agent_id=world.agent_b.id).n == 2
    assert queries.total(db, start, end, team_id=world.team_a.id).n == 5
    assert queries.by_agent(db, start, end, team_id=world.team_b.id) == {
        "agent_b": Tally(promoters=1, detractors=1)}


def test_csv_quotes_a_team_named_like_a_formula(app, db, feed, world):
    """A team named "=HYPERLINK(...)" is text in a spreadsheet; negative TNPS stays a number."""
    world.team_b.name = '=HYPERLINK("http://evil.example","x")'
    db.commit()
    rows = list(csv.DictReader(io.StringIO(_run(app, "--by", "team", "--from", "2026-11-01",
                                                "--to", "2026-11-30", "--csv"))))
    names = {row["team"] for row in rows}
    assert "'=HYPERLINK(\"http://evil.example\",\"x\")" in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)
    beta = next(row for row in rows if row["team"].startswith("'="))
    assert beta["n"] == "2" and beta["tnps"] == "0.0"


def test_safe_cell_leaves_numbers_and_quotes_formulas():
    from lab.system.csvsafe import safe_cell

    assert safe_cell("-12.5") == "-12.5" and safe_cell(-3) == -3
    for formula in ("=1+1", "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_cell(formula) == "'" + formula
    assert safe_cell("Alpha") == "Alpha"
