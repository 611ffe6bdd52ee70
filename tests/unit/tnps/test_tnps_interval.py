"""Adjusted-Wald intervals (Rocks 2016) for one TNPS and for a change between periods."""

import pytest

from lab.tnps import Tally, adjusted_wald, compare


def _half_width(tally):
    low, high = adjusted_wald(tally)
    return (high - low) / 2


def test_hand_computed_twenty_responses():
    """n=20, 10 P, 4 D: n'=23, p=10.75/23, d=4.75/23 gives about [-5.72, 57.90]."""
    low, high = adjusted_wald(Tally(promoters=10, passives=6, detractors=4))
    assert low == pytest.approx(-5.7241, abs=1e-3)
    assert high == pytest.approx(57.8980, abs=1e-3)


def test_no_responses_is_wide_and_centred_on_zero():
    """n=0: p=d=0.25 over n'=3, so 0 +- 1.96 * sqrt(0.5/3), about +-80.0."""
    low, high = adjusted_wald(Tally())
    assert low == pytest.approx(-80.0167, abs=1e-3)
    assert high == pytest.approx(80.0167, abs=1e-3)


def test_all_promoters_is_clipped_at_100():
    """20 promoters: the upper bound would pass 100 and is clipped; the lower is about 69.7."""
    low, high = adjusted_wald(Tally(promoters=20))
    assert low == pytest.approx(69.683, abs=1e-3)
    assert high == 100.0


def test_all_detractors_is_clipped_at_minus_100():
    """The mirror case is clipped at -100."""
    low, high = adjusted_wald(Tally(detractors=20))
    assert low == -100.0
    assert high == pytest.approx(-69.683, abs=1e-3)


def test_interval_is_not_zero_width_at_100_percent():
    """Unlike plain Wald, all promoters still leave real uncertainty."""
    low, _ = adjusted_wald(Tally(promoters=5))
    assert low < 60


def test_wider_z_gives_a_wider_interval():
    """z is a parameter: 2.576 (99%) is wider than 1.96."""
    tally = Tally(10, 6, 4)
    low95, high95 = adjusted_wald(tally)
    low99, high99 = adjusted_wald(tally, z=2.576)
    assert low99 < low95 and high99 > high95


@pytest.mark.parametrize(
    "tally",
    [Tally(10, 6, 4), Tally(12, 5, 3), Tally(8, 6, 6), Tally(14, 4, 2), Tally(6, 6, 8)],
)
def test_brief_twenty_responses_is_about_plus_minus_thirty(tally):
    """The brief: with 20 responses the interval is about +-30 (25-35 for typical mixes)."""
    assert 25 <= _half_width(tally) <= 35


def test_brief_about_two_hundred_for_plus_minus_ten():
    """The brief: about 200 responses are needed for +-10 (50% P, 15% D)."""
    assert _half_width(Tally(100, 70, 30)) == pytest.approx(10, abs=0.5)
    assert _half_width(Tally(50, 35, 15)) > 13  # 100 responses are not enough


def test_interval_narrows_as_n_grows():
    """Same mix, more answers, narrower interval."""
    widths = [_half_width(Tally(5 * k, 3 * k, 2 * k)) for k in (1, 2, 4, 8, 16)]
    assert widths == sorted(widths, reverse=True)


def test_interval_contains_the_raw_tnps_for_a_typical_mix():
    """The raw TNPS (30) lies inside its interval."""
    low, high = adjusted_wald(Tally(10, 6, 4))
    assert low < 30 < high


def test_clearly_significant_change():
    """300 answers each, TNPS 0 -> 56.7: significant, interval above zero."""
    result = compare(Tally(100, 100, 100), Tally(200, 70, 30))
    assert result.diff == pytest.approx(56.667, abs=1e-3)
    assert result.significant
    assert 0 < result.ci_low < result.diff < result.ci_high


def test_noisy_change_is_not_significant():
    """30 answers each, TNPS 0 -> 6.7: within the noise."""
    result = compare(Tally(10, 10, 10), Tally(11, 10, 9))
    assert result.diff == pytest.approx(6.667, abs=1e-3)
    assert not result.significant
    assert result.ci_low < 0 < result.ci_high


def test_a_drop_can_be_significant():
    """A large fall is significant with an interval below zero."""
    result = compare(Tally(200, 70, 30), Tally(100, 100, 100))
    assert result.significant
    assert result.ci_high < 0


def test_hand_computed_difference_interval():
    """Difference of the adjusted centres +- 1.96 * sqrt(var_a + var_b)."""
    a, b = Tally(10, 6, 4), Tally(12, 5, 3)
    # a: n'=23, p=10.75/23, d=4.75/23; b: n'=23, p=12.75/23, d=3.75/23
    pa, da, pb, db = 10.75 / 23, 4.75 / 23, 12.75 / 23, 3.75 / 23
    var = (pa + da - (pa - da) ** 2) / 23 + (pb + db - (pb - db) ** 2) / 23
    centre = (pb - db) - (pa - da)
    result = compare(a, b)
    assert result.ci_low == pytest.approx(100 * (centre - 1.96 * var**0.5))
    assert result.ci_high == pytest.approx(100 * (centre + 1.96 * var**0.5))


def test_empty_period_is_never_a_significant_change():
    """No answers in one period: no difference, and not significant."""
    result = compare(Tally(), Tally(300, 0, 0))
    assert result.diff is None
    assert not result.significant
