"""The bonus panel: the tier this month earns, the way up, the cost of a detractor, the odds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from lab.dashboard.period import Month
from lab.tnps.bonus import (
    Bonus,
    BonusScheme,
    DetractorCost,
    bonus_for_tally,
    cost_of_one_detractor,
    promoters_to_next_tier,
)
from lab.tnps.forecast import Forecast, expected_remaining, forecast
from lab.tnps.tally import Tally

# Below this many answers this month the odds swing by tens of points with each new
# answer (two answers once read "99%"): the panel says how many are missing instead.
FORECAST_MIN_N = 10
# Full months of volume the expected count is averaged over.
VOLUME_MONTHS = 3


@dataclass(frozen=True)
class Odds:
    """The chance of ending the month at a tier's percent or more."""

    chance: float
    percent: float


@dataclass(frozen=True)
class BonusPanel:
    """What the panel says about this month's bonus."""

    scheme: BonusScheme
    tally: Tally
    bonus: Bonus
    tier_index: int | None
    next_tier: tuple[float, float] | None
    promoters_to_next: int | None
    detractor: DetractorCost
    missing: int
    forecast: Forecast
    headline: Odds | None
    stretch: Odds | None
    forecast_min_n: int = FORECAST_MIN_N

    @property
    def forecast_shown(self) -> bool:
        """True once this month has enough answers for odds that do not swing wildly."""
        return self.tally.n >= self.forecast_min_n

    @property
    def sureness(self) -> str:
        """How much of the month's expected answers are already in: rough, fair or firm."""
        return sureness(self.tally.n, self.forecast.final_n)

    @property
    def enough_data(self) -> bool:
        """True when the month's n reaches the scheme's minimum."""
        return self.bonus.enough_data


def _tier_index(bonus: Bonus, scheme: BonusScheme) -> int | None:
    if not bonus.enough_data or bonus.tier_min_tnps is None:
        return None
    return next(i for i, (m, _) in enumerate(scheme.tiers) if m == bonus.tier_min_tnps)


def _odds(result: Forecast, scheme: BonusScheme, current: int | None
          ) -> tuple[Odds | None, Odds | None]:
    """The headline (keep the tier now held, or reach the first paying one) and one above."""
    if result.not_enough >= 1.0:
        return None, None
    paying = [i for i, (_, percent) in enumerate(scheme.tiers) if percent > 0]
    if current is not None and scheme.tiers[current][1] > 0:
        target = current
    elif paying:
        target = paying[0]
    else:
        return None, None
    headline = Odds(result.at_least(target), scheme.tiers[target][1])
    above = target + 1
    stretch = Odds(result.at_least(above), scheme.tiers[above][1]) \
        if above < len(scheme.tiers) else None
    return headline, stretch


def sureness(answered: int, final_n: int) -> str:
    """'rough' while under a third of the month's expected answers are in, 'fair' under
    two thirds, then 'firm': the odds can still move most while most answers are to come."""
    share = answered / final_n if final_n else 0.0
    if share < 1 / 3:
        return "rough"
    return "fair" if share < 2 / 3 else "firm"


def pace(month_tally: Tally, recent_months: list[int], month: Month, now: datetime) -> int:
    """Answers still expected this month.

    From the recent full months' volume (their mean, months without answers left out),
    scaled to the time left: one day's pace on the 1st once promised 122 more answers to
    an agent whose last month had 61. Only an agent with no past months is read from this
    month's own pace.
    """
    past = [n for n in recent_months[:VOLUME_MONTHS] if n > 0]
    whole = month.end - month.start
    if past:
        return expected_remaining(round(sum(past) / len(past)), whole, month.left(now))
    if month_tally.n:
        return expected_remaining(month_tally.n, month.elapsed(now), month.left(now))
    return 0


def bonus_panel(scheme: BonusScheme, tally: Tally, team: Tally, remaining: int) -> BonusPanel:
    """The panel for a month's tally under the scheme, with the team as the forecast prior."""
    bonus = bonus_for_tally(tally, scheme)
    index = _tier_index(bonus, scheme)
    next_index = (index + 1) if index is not None else None
    next_tier = scheme.tiers[next_index] if next_index is not None and \
        next_index < len(scheme.tiers) else None
    result = forecast(tally, team, remaining, scheme)
    headline, stretch = _odds(result, scheme, index) if tally.n >= FORECAST_MIN_N \
        else (None, None)
    return BonusPanel(
        scheme=scheme, tally=tally, bonus=bonus, tier_index=index, next_tier=next_tier,
        promoters_to_next=promoters_to_next_tier(tally, scheme) if next_tier else None,
        detractor=cost_of_one_detractor(tally, scheme),
        missing=max(0, scheme.min_n - tally.n), forecast=result,
        headline=headline, stretch=stretch)


def chance_text(chance: float) -> str:
    """A probability as a whole percent, never claiming 0% or 100% that is not certain."""
    if 0 < chance < 0.005:
        return "<1%"
    if 0.995 < chance < 1:
        return ">99%"
    return f"{round(chance * 100)}%"
