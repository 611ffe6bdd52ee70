"""Summaries and the report row JSON of the brief."""

import json

import pytest

from lab.tnps import Summary, Tally, adjusted_wald, summarize


def test_summary_holds_tnps_interval_and_counts():
    """summarize gives the raw TNPS and the adjusted-Wald bounds."""
    tally = Tally(10, 6, 4)
    summary = summarize(tally)
    assert summary.tally == tally
    assert summary.tnps == 30.0
    assert (summary.ci_low, summary.ci_high) == adjusted_wald(tally)


@pytest.mark.parametrize(("n", "enough"), [(29, False), (30, True), (31, True)])
def test_enough_data_from_thirty_by_default(n, enough):
    """Below 30 scores there is not enough data to rank or pay on."""
    assert summarize(Tally(passives=n)).enough_data is enough


def test_min_n_can_be_changed():
    """The minimum is a parameter."""
    assert summarize(Tally(passives=10), min_n=10).enough_data
    assert not summarize(Tally(passives=10), min_n=11).enough_data


def test_agent_row_matches_the_brief():
    """The row has the agent key, the counts, and tnps and bounds rounded to 0.1."""
    row = summarize(Tally(10, 6, 4)).to_row("agent", "agent1")
    assert row == {
        "agent": "agent1",
        "n": 20,
        "promoters": 10,
        "passives": 6,
        "detractors": 4,
        "tnps": 30.0,
        "ci_low": -5.7,
        "ci_high": 57.9,
    }


def test_team_row_and_rounding_of_thirds():
    """A team row; 100/3 rounds to 33.3."""
    row = summarize(Tally(2, 0, 1)).to_row("team", "north")
    assert row["team"] == "north"
    assert "agent" not in row
    assert row["tnps"] == 33.3


def test_row_without_scores_has_null_tnps():
    """n == 0 gives tnps null in the JSON, never 0."""
    row = summarize(Tally()).to_row("agent", "agent9")
    assert row["n"] == 0
    assert row["tnps"] is None
    assert '"tnps": null' in json.dumps(row)


def test_row_key_must_be_agent_or_team():
    """Only the two report keys of the brief are allowed."""
    with pytest.raises(ValueError):
        summarize(Tally(1, 0, 0)).to_row("channel", "sms")


def test_summary_is_frozen():
    """A summary cannot be changed in place."""
    summary = summarize(Tally(1, 0, 0))
    assert isinstance(summary, Summary)
    with pytest.raises(AttributeError):
        summary.tnps = 0


def test_row_without_scores_has_no_bounds():
    """With n == 0 the row prints no interval either: it would describe nothing."""
    row = summarize(Tally()).to_row("team", "empty")
    assert (row["ci_low"], row["ci_high"]) == (None, None)
