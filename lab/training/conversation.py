"""The call as it unfolds: what the customer says back, their mood, and what they remember.

The customer reacts to what a reply did (the needs it met or missed, the harms it showed),
not only to its rating: the trial's `reactions` are tried in order and the first that fits
is said, else the branch of the reply's category. What earlier replies settled is the call's
memory: a later need `carried_from` it counts as met, and the customer's message switches to
its `customer_given` form, so nobody is asked again what was answered.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from lab.content import Sector
from lab.content.reactions import CATEGORY_MOVES, Condition, move_mood
from lab.content.sector import MOODS, Trial
from lab.content.text import Text
from lab.scoring.result import Findings
from lab.training.models import Attempt, Reply


@dataclass(frozen=True)
class Line:
    """One bubble: the customer's or the agent's words."""

    who: str  # customer | agent
    text: str
    mood: str | None = None
    reply: Reply | None = None
    move: str | None = None  # calmer | same | angrier: how the reply before moved the mood


@dataclass(frozen=True)
class Reaction:
    """The customer's answer to one reply and the mood it leaves."""

    text: Text
    move: str
    mood: str


def findings_of(reply: Reply) -> Findings:
    """What the scorer found in a stored reply (nothing, for replies scored before)."""
    return Findings.from_json(json.loads(reply.findings or "{}"))


def memory(sector: Sector, replies: Sequence[Reply], before: int) -> frozenset[str]:
    """`trial-id.need-id` of every need met by the replies before step `before`."""
    settled: set[str] = set()
    for reply in replies:
        if reply.step < before:
            trial = sector.trial(reply.step)
            settled |= {f"{trial.id}.{need}" for need in findings_of(reply).met}
    return frozenset(settled)


def given_needs(trial: Trial, settled: frozenset[str]) -> frozenset[str]:
    """The trial's needs an earlier reply already met (through `carried_from`)."""
    return frozenset(need.id for need in trial.rubric.needs
                     if any(ref in settled for ref in need.carried_from))


def _applies(when: Condition, found: Findings, category: str) -> bool:
    checks = ((when.harm, found.harms), (when.missed, found.missed),
              (when.untimed, found.untimed), (when.met, found.met),
              (when.category, (category,)))
    return all(not wanted or any(item in seen for item in wanted) for wanted, seen in checks)


def _pick(texts: Sequence[Text], attempt_id: int | None, step: int) -> Text:
    # The same attempt always hears the same words on reload; another attempt may not.
    return texts[zlib.crc32(f"{attempt_id}:{step}".encode()) % len(texts)]


def react(trial: Trial, reply: Reply, mood: str, attempt_id: int | None) -> Reaction:
    """What the customer says to a reply at this trial, given the mood they were in."""
    found = findings_of(reply)
    for rule in trial.reactions:
        if _applies(rule.when, found, reply.category):
            return Reaction(_pick(rule.say, attempt_id, reply.step), rule.move,
                            move_mood(MOODS, mood, rule.move))
    move = CATEGORY_MOVES[reply.category]
    return Reaction(trial.branches.get(reply.category).text, move, move_mood(MOODS, mood, move))


def _reactions(sector: Sector, attempt: Attempt) -> list[Reaction]:
    """The customer's reaction to every reply so far, in order (moods chained)."""
    mood = sector.trial(1).mood
    found = []
    for reply in attempt.replies:
        reaction = react(sector.trial(reply.step), reply, mood, attempt.id)
        found.append(reaction)
        mood = reaction.mood
    return found


def mood_at(sector: Sector, attempt: Attempt, step: int) -> str:
    """The customer's mood when the agent answers `step`: step 1's own, then as each reply
    moved it (one step calmer, the same, or one step angrier)."""
    reactions = _reactions(sector, attempt)[:step - 1]
    return reactions[-1].mood if reactions else sector.trial(1).mood


def last_move(sector: Sector, attempt: Attempt) -> str | None:
    """How the latest reply moved the customer's mood (None before the first reply)."""
    reactions = _reactions(sector, attempt)
    return reactions[-1].move if reactions else None


def message(sector: Sector, attempt: Attempt, step: int) -> Text:
    """The customer's message at `step`, in the form that builds on what was already said."""
    trial = sector.trial(step)
    settled = memory(sector, attempt.replies, step)
    for variant in trial.customer_given:
        if all(ref in settled for ref in variant.given):
            return variant.text
    return trial.customer


def transcript(sector: Sector, attempt: Attempt, lang: str) -> list[Line]:
    """Every line so far, including the customer's message waiting for a reply, and the
    closing words once the last step is answered."""
    reactions = _reactions(sector, attempt)
    lines: list[Line] = [Line("customer", message(sector, attempt, 1).get(lang),
                              sector.trial(1).mood)]
    for reply, reaction in zip(attempt.replies, reactions, strict=True):
        lines.append(Line("agent", reply.text, reply=reply))
        lines.append(Line("customer", reaction.text.get(lang), reaction.mood, move=reaction.move))
        if reply.step < len(sector.trials):
            following = reply.step + 1
            lines.append(Line("customer", message(sector, attempt, following).get(lang),
                              reaction.mood))
    return lines


@dataclass(frozen=True)
class ReplayStep:
    """One step of a finished call as the result page replays it."""

    trial: Trial
    customer: list[Line]  # the customer's words before the reply (reaction, message)
    reply: Reply
    answer: Line  # the customer's reaction to the reply (the closing words at the end)
    feedback: list[dict[str, str]]


def replay(sector: Sector, attempt: Attempt, lang: str) -> list[ReplayStep]:
    """The whole call, step by step, with each reply's reaction and Eva's feedback."""
    reactions = _reactions(sector, attempt)
    steps, before = [], [Line("customer", message(sector, attempt, 1).get(lang),
                              sector.trial(1).mood)]
    for reply, reaction in zip(attempt.replies, reactions, strict=True):
        answer = Line("customer", reaction.text.get(lang), reaction.mood, move=reaction.move)
        steps.append(ReplayStep(sector.trial(reply.step), before, reply, answer,
                                feedback_of(reply)))
        if reply.step < len(sector.trials):
            before = [Line("customer", message(sector, attempt, reply.step + 1).get(lang),
                           reaction.mood)]
    return steps


def closing_words(sector: Sector, attempt: Attempt, lang: str) -> Line | None:
    """The customer's last words after the final reply."""
    if len(attempt.replies) < len(sector.trials):
        return None
    reaction = _reactions(sector, attempt)[-1]
    return Line("customer", reaction.text.get(lang), reaction.mood, move=reaction.move)


def feedback_of(reply: Reply) -> list[dict[str, str]]:
    """The stored feedback items of a reply."""
    return json.loads(reply.feedback)
