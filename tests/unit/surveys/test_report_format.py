"""The report's text forms: the table, the CSV, the order of names."""

from __future__ import annotations

import csv
import io

from lab.tnps.report import ReportRow, as_csv, as_table, natural_key
from lab.tnps.summary import summarize
from lab.tnps.tally import Tally


def _rows():
    return [ReportRow("agent", "agent2", summarize(Tally(40, 10, 10), 30)),
            ReportRow("agent", "agent10", summarize(Tally(3, 1, 1), 30)),
            ReportRow("agent", "agent11", summarize(Tally(), 30))]


def test_names_sort_naturally():
    """agent2 before agent10."""
    assert sorted(["agent10", "agent2", "Agent1"], key=natural_key) == [
        "Agent1", "agent2", "agent10"]


def test_table_shows_interval_or_says_why_not():
    """Enough data: TNPS and its interval; too little: no verdict; none: no answers."""
    lines = as_table(_rows(), 30).splitlines()
    assert lines[0].split()[:2] == ["agent", "n"]
    assert "50.0" in lines[1] and ".." in lines[1]
    assert "not enough data (n < 30)" in lines[2]
    assert "no answers" in lines[3]
    assert as_table([], 30) == "no agents or teams"


def test_csv_has_the_json_fields():
    """Same fields as the JSON rows; no answers leaves the numbers empty."""
    parsed = list(csv.DictReader(io.StringIO(as_csv(_rows(), "agent"))))
    assert list(parsed[0]) == ["agent", "n", "promoters", "passives", "detractors", "tnps",
                               "ci_low", "ci_high"]
    assert parsed[0]["tnps"] == "50.0"
    assert parsed[2]["n"] == "0" and parsed[2]["tnps"] == "" and parsed[2]["ci_low"] == ""
