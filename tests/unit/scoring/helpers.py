"""Shared bits for scorer tests: the real sector and a scoring shortcut."""

from __future__ import annotations

from functools import lru_cache

from lab.content import Sector, load_sectors
from lab.content.sector import Trial
from lab.paths import SECTORS_DIR
from lab.scoring import ScoreResult, score_reply


@lru_cache(maxsize=1)
def sectors() -> dict[str, Sector]:
    """Every sector by id, loaded once per test session."""
    return {s.id: s for s in load_sectors(SECTORS_DIR)}


def sector(sector_id: str | None = None) -> Sector:
    """A sector by id; sector 1 when no id is given."""
    found = sectors()
    return found[sector_id] if sector_id else next(iter(found.values()))


def score(step: int, text: str, lang: str, mood: str | None = None) -> ScoreResult:
    """Score a reply to a step of sector 1."""
    return score_reply(sector().trial(step), text, lang, mood=mood)


@lru_cache(maxsize=4096)
def score_text(sector_id: str, step: int, lang: str, text: str) -> ScoreResult:
    """Score a reply to any sector's step (cached: corpus tests share the work)."""
    return score_reply(sectors()[sector_id].trial(step), text, lang)


def assert_customer_questions(trial: Trial, step: int, result: ScoreResult, harm: str) -> None:
    """The simulated customer answers the reply with the trial's rule for `harm` (one of its
    lines), and the mood stays where it was."""
    import json

    from lab.training.conversation import react
    from lab.training.models import Reply

    assert harm in result.findings.harms, result.findings
    reply = Reply(step=step, category=result.category,
                  findings=json.dumps(result.findings.to_json()))
    rule = next(r for r in trial.reactions if harm in r.when.harm)
    said = react(trial, reply, trial.mood, 1)
    assert said.text in rule.say and said.move == "same", said
