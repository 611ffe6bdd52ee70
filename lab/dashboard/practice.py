"""Practice beside live: each sector's loyalty code next to live TNPS on calls about its topic."""

from __future__ import annotations

from dataclasses import dataclass

from lab.content import Content
from lab.tnps.summary import Summary, summarize
from lab.tnps.tally import Tally
from lab.training.progress import SectorState

# This many detractors on one topic is worth a replay, whatever the rest of the numbers.
WEAK_DETRACTORS = 3
# A topic's TNPS this far below the agent's overall one, with enough data, is weak.
WEAK_GAP = 10.0


@dataclass(frozen=True)
class SectorLive:
    """One sector: practice code and stars, live TNPS on its topic, and whether to replay."""

    sector_id: str
    order: int
    title: object
    topic: str
    status: str
    stars: int
    loyalty_code: float | None
    live: Summary
    weak: bool


def is_weak(live: Summary, overall: Summary) -> bool:
    """Weak: many detractors on the topic, or (with enough data) well below the overall TNPS."""
    if live.tally.detractors >= WEAK_DETRACTORS:
        return True
    if not (live.enough_data and overall.enough_data):
        return False
    return live.tnps is not None and overall.tnps is not None \
        and live.tnps < overall.tnps - WEAK_GAP


def practice_beside_live(content: Content, states: list[SectorState], tallies: dict[str, Tally],
                         overall: Summary, min_n: int) -> list[SectorLive]:
    """One row per sector, in the Lab's order."""
    rows = []
    for sector, state in zip(content.sectors, states, strict=True):
        live = summarize(tallies.get(sector.topic, Tally()), min_n)
        rows.append(SectorLive(
            sector_id=sector.id, order=sector.order, title=sector.title, topic=sector.topic,
            status=state.status, stars=state.stars, loyalty_code=state.best_code, live=live,
            weak=is_weak(live, overall)))
    return rows


def replay_suggestion(rows: list[SectorLive]) -> SectorLive | None:
    """The weak sector to replay first: the most detractors, then the lowest live TNPS."""
    weak = [row for row in rows if row.weak]
    if not weak:
        return None
    return max(weak, key=lambda row: (row.live.tally.detractors, -(row.live.tnps or 0)))
