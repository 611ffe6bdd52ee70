"""The bonus-tier forecast: a proper distribution, moved by the agent's answers, exact."""

from __future__ import annotations

from datetime import timedelta

import pytest

from lab.tnps.bonus import DEFAULT_SCHEME, BonusScheme
from lab.tnps.forecast import MAX_REMAINING, expected_remaining, forecast, prior
from lab.tnps.tally import Tally

TEAM = Tally(promoters=120, passives=50, detractors=30)
SCHEME = BonusScheme([(-100, 0), (0, 5), (30, 10), (50, 15), (70, 20)], min_n=30)


@pytest.mark.parametrize("agent,remaining", [
    (Tally(10, 5, 5), 40), (Tally(0, 0, 0), 60), (Tally(30, 0, 0), 0), (Tally(3, 2, 25), 100),
])
def test_probabilities_sum_to_one(agent, remaining):
    """Every way the month can end, together, is certain."""
    result = forecast(agent, TEAM, remaining, SCHEME)
    assert result.total == pytest.approx(1.0, abs=1e-9)
    assert all(0 <= chance <= 1 for chance in (*result.tiers, result.below, result.not_enough))


def test_more_promoters_move_mass_up():
    """Two agents alike but for promoters: the one with more is likelier to end higher."""
    modest = forecast(Tally(10, 5, 5), TEAM, 30, SCHEME)
    strong = forecast(Tally(16, 2, 2), TEAM, 30, SCHEME)
    for index in range(1, len(SCHEME.tiers)):
        assert strong.at_least(index) >= modest.at_least(index)
    assert strong.at_least(3) > modest.at_least(3) + 0.2


def test_no_answers_follow_the_team():
    """With no answers of their own, the agent's odds are the team's: a strong team's prior
    gives high tiers, a weak team's low ones."""
    strong_team = forecast(Tally(), Tally(90, 10, 0), 60, SCHEME)
    weak_team = forecast(Tally(), Tally(20, 30, 50), 60, SCHEME)
    assert strong_team.at_least(4) > 0.5
    assert weak_team.at_least(2) < 0.1


def test_own_answers_outweigh_the_prior():
    """Forty answers of their own, all promoters, beat a poor team's prior."""
    result = forecast(Tally(40, 0, 0), Tally(20, 30, 50), 20, SCHEME)
    assert result.at_least(4) > 0.9


def test_deterministic():
    """The same inputs give the very same numbers (no random draws)."""
    first = forecast(Tally(12, 6, 4), TEAM, 35, SCHEME)
    assert forecast(Tally(12, 6, 4), TEAM, 35, SCHEME) == first


def test_too_few_answers_by_the_end_is_not_enough_data():
    """Ending below the scheme's minimum n is its own outcome, with all the mass."""
    result = forecast(Tally(5, 1, 1), TEAM, 10, SCHEME)
    assert result.not_enough == 1.0 and sum(result.tiers) == 0.0 and result.final_n == 17


def test_nothing_left_to_answer_is_certain():
    """With no answers to come the month's tier is already known."""
    result = forecast(Tally(25, 3, 2), TEAM, 0, SCHEME)
    assert result.tiers[4] == pytest.approx(1.0)


def test_below_every_tier():
    """A scheme whose lowest tier starts above -100 can end below every tier."""
    scheme = BonusScheme([(0, 5), (50, 10)], min_n=5)
    result = forecast(Tally(0, 0, 10), Tally(0, 0, 10), 5, scheme)
    assert result.below > 0.9 and result.total == pytest.approx(1.0)


def test_tier_boundary_is_exact():
    """A TNPS exactly on a tier's minimum reaches it (no float rounding below it)."""
    scheme = BonusScheme([(-100, 0), (33.3, 10)], min_n=3)
    # 1000 answers: 333 net promoters over 1000 is exactly 33.3.
    result = forecast(Tally(333, 667, 0), Tally(), 0, scheme)
    assert result.tiers[1] == 1.0


def test_prior_keeps_every_bucket_possible():
    """A team without detractors still leaves some prior weight on detractors."""
    alphas = prior(Tally(50, 0, 0), strength=10)
    assert sum(alphas) == pytest.approx(10) and min(alphas) > 0


def test_bad_inputs_are_refused():
    """Negative remaining answers or a non-positive prior make no sense."""
    with pytest.raises(ValueError):
        forecast(Tally(), TEAM, -1, DEFAULT_SCHEME)
    with pytest.raises(ValueError):
        prior(TEAM, strength=0)


def test_expected_remaining_keeps_the_pace():
    """Twenty answers in ten days, twenty days left: forty more; at least a day of history."""
    assert expected_remaining(20, timedelta(days=10), timedelta(days=20)) == 40
    assert expected_remaining(0, timedelta(days=10), timedelta(days=20)) == 0
    assert expected_remaining(3, timedelta(hours=1), timedelta(days=29)) == 87
    assert expected_remaining(10, timedelta(days=30), timedelta(0)) == 0
    assert expected_remaining(10_000, timedelta(days=1), timedelta(days=29)) == MAX_REMAINING


def _enumerated(agent: Tally, team: Tally, remaining: int, scheme: BonusScheme) -> list[float]:
    """Every split of the remaining answers, Dirichlet-multinomial, tiers by exact TNPS."""
    import math
    from fractions import Fraction

    alphas = [p + c for p, c in zip(prior(team), (agent.promoters, agent.passives,
                                                  agent.detractors), strict=True)]
    total = sum(alphas)
    chances = [0.0] * (len(scheme.tiers) + 1)  # the last one: below every tier
    n = agent.n + remaining
    for p in range(remaining + 1):
        for d in range(remaining - p + 1):
            s = remaining - p - d
            log = (math.lgamma(remaining + 1) + math.lgamma(total) - math.lgamma(remaining + total)
                   + sum(math.lgamma(k + a) - math.lgamma(a) - math.lgamma(k + 1)
                         for k, a in zip((p, s, d), alphas, strict=True)))
            value = Fraction(100 * (agent.promoters + p - agent.detractors - d), n)
            reached = [i for i, (m, _) in enumerate(scheme.tiers) if value >= Fraction(str(m))]
            chances[reached[-1] if reached else -1] += math.exp(log)
    return chances


@pytest.mark.parametrize("agent,team,remaining", [
    (Tally(10, 5, 5), TEAM, 40), (Tally(), Tally(3, 1, 0), 45), (Tally(200, 40, 30), TEAM, 60),
    (Tally(3, 2, 25), Tally(20, 30, 50), 50), (Tally(333, 600, 0), Tally(), 7),
])
def test_matches_enumerating_every_split(agent, team, remaining):
    """The walked beta-binomial chances equal summing every split of the answers to come."""
    scheme = BonusScheme([(-100, 0), (0, 5), (33.3, 10), (50, 15), (70, 20)], min_n=30)
    result = forecast(agent, team, remaining, scheme)
    expected = _enumerated(agent, team, remaining, scheme)
    assert list(result.tiers) == pytest.approx(expected[:-1], abs=1e-9)
    assert result.below == pytest.approx(expected[-1], abs=1e-9)
