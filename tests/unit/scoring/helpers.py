"""Shared bits for scorer tests: the real sector and a scoring shortcut."""

from __future__ import annotations

from functools import lru_cache

from lab.content import Sector, load_sectors
from lab.paths import SECTORS_DIR
from lab.scoring import ScoreResult, score_reply


@lru_cache(maxsize=1)
def sector() -> Sector:
    """Sector 1, loaded once per test session."""
    return load_sectors(SECTORS_DIR)[0]


def score(step: int, text: str, lang: str, mood: str | None = None) -> ScoreResult:
    """Score a reply to a step of sector 1."""
    return score_reply(sector().trial(step), text, lang, mood=mood)
