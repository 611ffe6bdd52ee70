"""Who needs help, the look-back window, and the bonus scheme's text form."""

from datetime import date

import pytest

from lab.admin.scheme_text import SchemeTextError, parse_scheme, scheme_to_text
from lab.team import flags
from lab.team.window import last_days, parse_days
from lab.tnps.bonus import DEFAULT_SCHEME
from lab.tnps.tally import Tally


def test_significantly_below_the_rest_of_the_team_is_flagged():
    """An agent at -60 on 50 answers beside a team at +60 is below beyond noise."""
    agent = Tally(promoters=10, passives=0, detractors=40)
    team = agent + Tally(promoters=160, passives=20, detractors=20)
    assert flags.BELOW_TEAM in flags.flags_for(agent, team, 0, 0)


def test_below_min_n_nobody_is_judged():
    """Two detractors of three answers raise no 'below the team' flag: too few to judge."""
    agent = Tally(promoters=1, detractors=2)
    team = agent + Tally(promoters=30, passives=5, detractors=5)
    assert flags.below_team(agent, team, min_n=30) is False


def test_recent_detractors_and_overdue_sectors():
    """Three detractors of four answers in a week and an overdue sector raise their flags."""
    team = Tally(promoters=60, passives=25, detractors=15)
    assert flags.flags_for(Tally(), team, 3, 1, recent_n=4) == (flags.DETRACTORS, flags.OVERDUE)
    assert flags.flags_for(Tally(), team, 2, 0, recent_n=2) == ()


def test_detractor_flag_is_relative_to_volume_and_team():
    """The team's best agent (+65) with 6 detractors among 70 answers in a week is at the
    team's rate, not flagged; 6 of 12 is far above it; a 40%-detractor team moves the bar."""
    best = Tally(promoters=50, passives=14, detractors=6)
    team = best + Tally(promoters=120, passives=50, detractors=50)
    assert flags.flags_for(best, team, 6, 0, recent_n=70) == ()
    assert flags.flags_for(Tally(3, 3, 6), team, 6, 0, recent_n=12) == (flags.DETRACTORS,)
    rough = Tally(promoters=20, passives=10, detractors=20)
    assert flags.flags_for(Tally(3, 3, 6), rough + Tally(3, 3, 6), 6, 0, recent_n=12) == ()


def test_binomial_tail():
    assert flags.binomial_tail(10, 0, 0.3) == 1.0 and flags.binomial_tail(3, 4, 0.3) == 0.0
    assert abs(flags.binomial_tail(2, 1, 0.5) - 0.75) < 1e-12


def test_window():
    """Thirty days up to today, and the thirty before; odd values fall back to 30."""
    window = last_days(date(2026, 11, 30), 30)
    assert window.start == date(2026, 11, 1) and window.days == 30
    assert window.previous().end == date(2026, 10, 31)
    assert parse_days("90") == 90 and parse_days("13") == 30 and parse_days("x") == 30


def test_scheme_text_round_trip():
    """The default scheme prints and parses back to itself."""
    assert parse_scheme(scheme_to_text(DEFAULT_SCHEME), DEFAULT_SCHEME.min_n) == DEFAULT_SCHEME


@pytest.mark.parametrize("text, message", [
    ("30 10", "line 1"), ("0: 5\n-10: 2", "above the line before"), ("0: -5", "line 1"),
    ("150: 5", "from -100 to 100"), ("", "at least one tier"),
])
def test_bad_scheme_text_names_the_problem(text, message):
    """Each mistake is refused with a reason the admin can act on."""
    with pytest.raises(SchemeTextError, match=message):
        parse_scheme(text, 30)


def test_min_n_must_be_positive():
    """A minimum of 0 answers would pay on nothing."""
    with pytest.raises(SchemeTextError):
        parse_scheme("0: 5", 0)
