"""The reply scorer: how a customer would rate an agent's reply, and why. No Flask here."""

from __future__ import annotations

from functools import lru_cache

from lab.content.sector import Trial
from lab.scoring.result import (
    DraftWarning,
    Feedback,
    Findings,
    ScoreResult,
    Scores,
    category_for,
)
from lab.scoring.scorer import Scorer

__all__ = ["DraftWarning", "Feedback", "Findings", "ScoreResult", "Scorer", "Scores",
           "category_for", "default_scorer", "find_warnings", "score_reply"]


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    """The shared scorer, built on first use."""
    return Scorer()


def score_reply(trial: Trial, text: str, lang: str, *, mood: str | None = None,
                given: frozenset[str] = frozenset()) -> ScoreResult:
    """Score a reply to a trial in lang; mood defaults to the trial's own. `given`: the
    trial's needs an earlier reply of the same call already met."""
    return default_scorer().score(trial, text, lang, mood=mood, given=given)


def find_warnings(trial: Trial, text: str, lang: str) -> tuple[DraftWarning, ...]:
    """Return the things to avoid found in a draft reply, for live hints while typing."""
    return default_scorer().warnings(trial, text, lang)
