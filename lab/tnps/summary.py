"""One group's TNPS with its n and interval, and the report row the CLI and API print."""

from __future__ import annotations

from dataclasses import dataclass

from lab.tnps.interval import adjusted_wald
from lab.tnps.tally import Tally, tnps

# Below this many real scores one agent's TNPS is too noisy to rank or pay on:
# at n=30 the 95% interval is still about +-25 points wide.
DEFAULT_MIN_N = 30

REPORT_KEYS = ("agent", "team")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@dataclass(frozen=True)
class Summary:
    """A tally with its raw TNPS, 95% interval and whether n reaches the minimum."""

    tally: Tally
    tnps: float | None
    ci_low: float
    ci_high: float
    enough_data: bool

    def to_row(self, key_name: str, key: str) -> dict[str, object]:
        """Return the report row JSON: counts, TNPS and bounds rounded to 0.1."""
        # With no scores the interval says nothing about this group: print no bounds.
        empty = self.tally.n == 0
        if key_name not in REPORT_KEYS:
            raise ValueError(f"a report row is keyed by 'agent' or 'team', got {key_name!r}")
        return {
            key_name: key,
            "n": self.tally.n,
            "promoters": self.tally.promoters,
            "passives": self.tally.passives,
            "detractors": self.tally.detractors,
            "tnps": _round(self.tnps),
            "ci_low": None if empty else _round(self.ci_low),
            "ci_high": None if empty else _round(self.ci_high),
        }


def summarize(tally: Tally, min_n: int = DEFAULT_MIN_N) -> Summary:
    """Summarise a tally: raw TNPS, adjusted-Wald interval, enough_data when n >= min_n."""
    low, high = adjusted_wald(tally)
    return Summary(
        tally=tally,
        tnps=tnps(tally),
        ci_low=low,
        ci_high=high,
        enough_data=tally.n >= min_n,
    )
